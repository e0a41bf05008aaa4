// Custom requests between the extension and the server. Plain names and types only, so the
// client can import this file without pulling in the server.

export const SkeletonRequest = 'nianbao/skeleton';
export interface SkeletonParams {
  body?: string;
  year: number;
  /** Force a profile id; otherwise the profile for `year` is used. */
  profile?: string;
}
export interface SkeletonResult {
  text: string;
  profileId: string;
  profileName: string;
}

export const TablesRequest = 'nianbao/tables';
export interface TablesParams {
  uri: string;
}
export interface TablesResult {
  profileId: string;
  profileName: string;
  /** `line`: where the report already has the table (0-based), absent when it has not. */
  tables: { id: string; title: string; template: string; line?: number }[];
}

/** Where and how 插入全国统一统计表 inserts a table (core/src/service/tableInsert.ts). */
export const TableInsertionRequest = 'nianbao/tableInsertion';
export interface TableInsertionParams {
  uri: string;
  id: string;
  position: { line: number; character: number };
  /** Insert even when the report has the table already. */
  force?: boolean;
}
export type TableInsertionResult =
  | { kind: 'insert'; edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }; line: number }
  | { kind: 'present'; line: number }
  | { kind: 'unknown' };

export const ProfileInfoRequest = 'nianbao/profileInfo';
export interface ProfileInfoParams {
  uri: string;
}
export interface ProfileInfoResult {
  id: string;
  name: string;
  basis: string;
  source: string;
  reason: string;
  /** Facts the client words the reason with in a language other than Chinese. */
  year?: number;
  directiveLine?: number;
  partsFound?: number;
}

/**
 * The report overview (年报概览): key figures, each table with its problems, the missing parts, each
 * with the range it leads to (core/src/service/overview.ts). Null when the document is not open.
 */
export const OverviewRequest = 'nianbao/overview';
export interface OverviewParams {
  uri: string;
}
export type { ReportOverview as OverviewResult, OverviewFigure, OverviewTable, OverviewMissingPart } from '../../core/src/service/overview';
