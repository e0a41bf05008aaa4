// The custom requests as typed vscode-languageserver RequestTypes, for the server's handlers. Their
// names and parameter types live in ./protocol.ts, which the extension imports too and which
// therefore stays free of any run-time import.

import { RequestType } from 'vscode-languageserver/node';
import {
  OverviewRequest,
  ProfileInfoRequest,
  SkeletonRequest,
  TablesRequest,
  TableInsertionRequest,
  type OverviewParams,
  type OverviewResult,
  type TableInsertionParams,
  type TableInsertionResult,
  type ProfileInfoParams,
  type ProfileInfoResult,
  type SkeletonParams,
  type SkeletonResult,
  type TablesParams,
  type TablesResult,
} from './protocol';

export const SkeletonRequestType = new RequestType<SkeletonParams, SkeletonResult, void>(SkeletonRequest);
export const TablesRequestType = new RequestType<TablesParams, TablesResult | null, void>(TablesRequest);
export const ProfileInfoRequestType = new RequestType<ProfileInfoParams, ProfileInfoResult | null, void>(ProfileInfoRequest);
export const TableInsertionRequestType = new RequestType<TableInsertionParams, TableInsertionResult, void>(TableInsertionRequest);
export const OverviewRequestType = new RequestType<OverviewParams, OverviewResult | null, void>(OverviewRequest);
