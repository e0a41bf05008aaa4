// Matches headings to the statutory parts of a profile. (stub: filled in by the profiles work)

import type { ReportDocument } from '../model';
import type { Profile } from '../profiles/types';
import type { PartMatch } from './types';

export function matchParts(_doc: ReportDocument, _profile: Profile): PartMatch[] {
  return [];
}
