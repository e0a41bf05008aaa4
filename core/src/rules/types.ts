// The contract between the engine and a rule. One rule per file under rules/, each
// exporting a `Rule` whose metadata documents it (docs/rules.md is generated from it).

import type { Range, ReportDocument, TextEdit } from '../model';
import type { Profile, ProfileChoice } from '../profiles/types';
import type { ReportFacts } from '../facts/types';
import type { CheckCache } from '../check-cache';
import type { PreviousReport } from '../crossyear/summary';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleCategory = 'structure' | 'heading' | 'table' | 'prose' | 'consistency' | 'text';

export interface RuleMeta {
  /** Stable id, kebab-case; used in directives, config, the CLI and as the diagnostic code. */
  id: string;
  /** Chinese title. */
  title: string;
  /** English title (fallback UI language). */
  titleEn: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Whether findings of this rule carry a quick fix. */
  fixable: boolean;
  /** Chinese description for docs and hover: what is checked and why. */
  description: string;
  /** Source of the requirement (条例 article, national format, derived). */
  basis?: string;
}

export interface RelatedInfo {
  range: Range;
  message: string;
  /**
   * Set when the place is in another file (the previous year's report, see crossyear/): its URI
   * (or its path, when the caller gave no URI) and the name the user reads. Unset: this document.
   */
  uri?: string;
  file?: string;
}

export interface Fix {
  /** Chinese title shown in the light bulb. */
  title: string;
  edits: TextEdit[];
  /** True when the fix is safe to apply in "fix all". */
  preferred?: boolean;
}

export interface FindingInput {
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fix?: Fix;
  /** Extra machine-readable facts (expected value, formula …) for hover and tools. */
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this finding (still subject to config). */
  severity?: Severity;
}

export interface Finding extends FindingInput {
  ruleId: string;
  severity: Severity;
}

export interface RuleContext {
  doc: ReportDocument;
  profile: Profile;
  choice: ProfileChoice;
  /** Facts derived once from the model (parts matched, national tables read, report year). */
  facts: ReportFacts;
  /** Work shared with the facts and the other rules in this check (scanned paragraphs, indexes). */
  cache: CheckCache;
  /** The draft is plain text, not markup: a fix inserts no pipes or comments. */
  plainText: boolean;
  /**
   * The same agency's report for the year before, when the caller found it (the cross-year rules
   * run only then); already checked to be for the year before this one's, when both years are known.
   */
  previous?: PreviousReport;
  /** The model is of a recovered view (a page that lost its line breaks): local tables are digit runs split by guesswork. */
  recovered?: boolean;
  /** A closure the engine makes per rule: rules destructure it from the context. */
  report: (finding: FindingInput) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
