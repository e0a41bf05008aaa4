// The contract between the engine and a rule. One rule per file under rules/, each
// exporting a `Rule` whose metadata documents it (docs/rules.md is generated from it).

import type { Range, ReportDocument, TextEdit } from '../model';
import type { Profile, ProfileChoice } from '../profiles/types';
import type { ReportFacts } from '../facts/types';
import type { CheckCache } from '../check-cache';

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
  /** A closure the engine makes per rule: rules destructure it from the context. */
  report: (finding: FindingInput) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
