// The effective configuration after a workspace config file (nianbao.config.json) or editor
// settings were validated. Loading never throws: problems are collected and defaults kept.

import type { Profile } from '../profiles/types';
import type { Severity } from '../rules/types';

export type RuleSetting = Severity | 'off';

export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. "rules.table-sum". */
  path: string;
  /** Chinese message naming the field and what was expected. */
  message: string;
}

export interface ResolvedConfig {
  /** Profile id to use, or undefined/"auto" for automatic selection. */
  profile?: string;
  rules: Record<string, RuleSetting>;
  /** Profiles defined by the config file, already merged with what they extend. */
  extraProfiles: Profile[];
  /** Renamed agencies (config "agencies"): the current name → the names it had before. */
  agencies?: Record<string, string[]>;
  problems: ConfigProblem[];
}

export const EMPTY_CONFIG: ResolvedConfig = { rules: {}, extraProfiles: [], problems: [] };
