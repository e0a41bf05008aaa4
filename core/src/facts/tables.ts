// Reads the national tables of a profile out of the document's tables. (stub: filled in by the table work)

import type { ReportDocument } from '../model';
import type { Profile } from '../profiles/types';
import type { NationalTable, PartMatch } from './types';

export function readNationalTables(_doc: ReportDocument, _profile: Profile, _parts: PartMatch[]): NationalTable[] {
  return [];
}
