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
  tables: { id: string; title: string; template: string }[];
}

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
}
