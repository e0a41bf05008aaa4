// Chooses the profile for a document. (stub: filled in by the profiles work)

import type { ReportDocument } from '../model';
import type { ResolvedConfig } from '../config/types';
import type { Profile, ProfileChoice } from './types';

export interface SelectOptions {
  override?: string;
  config: ResolvedConfig;
}

const GENERIC: Profile = {
  id: 'generic',
  name: '通用检查',
  description: '',
  basis: '',
  annualReport: false,
  parts: [],
  tables: [],
  foreignMarkers: [],
};

export function selectProfile(_doc: ReportDocument, _options: SelectOptions): ProfileChoice {
  return { profile: GENERIC, source: 'fallback', reason: '未识别' };
}
