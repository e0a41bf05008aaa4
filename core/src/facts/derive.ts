// Derives the shared facts once per check (see facts/types.ts).

import type { ReportDocument } from '../model';
import type { Profile } from '../profiles/types';
import type { ReportFacts } from './types';
import { matchParts } from './parts';
import { readNationalTables } from './tables';
import { findReportYear } from './year';

export function deriveFacts(doc: ReportDocument, profile: Profile): ReportFacts {
  const parts = matchParts(doc, profile);
  return {
    year: findReportYear(doc),
    parts,
    nationalTables: readNationalTables(doc, profile, parts),
  };
}
