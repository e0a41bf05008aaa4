// Runs every rule over one document. A rule that throws is recorded and the others still run;
// directives and the config decide which findings are kept and at which severity.

import type { ReportDocument } from './model';
import { deriveFacts } from './facts/derive';
import type { ReportFacts } from './facts/types';
import type { ProfileChoice } from './profiles/types';
import { ALL_RULES } from './rules/index';
import type { Finding, Rule, Severity } from './rules/types';
import { EMPTY_CONFIG, type ResolvedConfig } from './config/types';
import { suppressionFor } from './directives';
import { CheckCache } from './check-cache';
import type { CheckSession } from './session';
import { mapFindings, readDocument, unreadableInView } from './recover/read';
import type { TextView } from './recover/text-view';

export interface CheckOptions {
  /** Profile id forced by the caller (CLI --profile); beats the config, loses to a directive. */
  profile?: string;
  config?: ResolvedConfig;
  /** The rules to run (tests pass a subset or a throwing rule). */
  rules?: readonly Rule[];
  /**
   * The editor's session for this document (session.ts): the work on tables and paragraphs that a
   * keystroke left unchanged is not redone. Results are the same with or without it; only the time
   * differs.
   */
  session?: CheckSession;
  /**
   * The draft is a plain-text file (.txt, an editor's plaintext document), not the Markdown-based
   * markup: text a fix inserts is plain too (no pipes, no comments).
   */
  plainText?: boolean;
}

export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface CheckResult {
  /** The source text checked. */
  text: string;
  /**
   * The model. For a report that lost its line breaks it is the model of the recovered view, and
   * its positions are positions in `view`; findings are always in positions of the source.
   */
  doc: ReportDocument;
  view?: TextView;
  choice: ProfileChoice;
  facts: ReportFacts;
  findings: Finding[];
  ruleFailures: RuleFailure[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function check(text: string, options: CheckOptions = {}): CheckResult {
  options.session?.advance();
  const cache = new CheckCache(options.session);
  const config = options.config ?? EMPTY_CONFIG;
  const read = readDocument(text, { override: options.profile, config }, cache);
  const { doc, choice, view } = read;
  const facts = deriveFacts(doc, choice.profile, cache);
  facts.unreadableTables = unreadableInView(read);
  const rules = options.rules ?? ALL_RULES;
  const suppressed = suppressionFor(doc);
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];

  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting === 'off' || suppressed.file.has(rule.meta.id)) continue;
    const collected: Finding[] = [];
    try {
      rule.check({
        doc,
        profile: choice.profile,
        choice,
        facts,
        cache,
        plainText: options.plainText === true,
        // The rule's own object is completed rather than copied (a spread per finding showed in
        // profiles of drafts with hundreds of findings); rules report a fresh object each time.
        report: (f) => {
          const finding = f as Finding;
          const severity = setting ?? f.severity ?? rule.meta.defaultSeverity;
          finding.ruleId = rule.meta.id;
          finding.severity = severity;
          collected.push(finding);
        },
      });
    } catch (err) {
      ruleFailures.push({ ruleId: rule.meta.id, message: describeThrown(err) });
      continue; // a half-finished rule's findings are not trustworthy
    }
    for (const f of collected) if (!suppressed.isSuppressed(f.ruleId, f.range.start.line)) findings.push(f);
  }

  mapFindings(findings, view);
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { text, doc, view, choice, facts, findings, ruleFailures };
}

/** What a rule threw, as text; even a value whose toString throws must not escape check(). */
function describeThrown(err: unknown): string {
  try {
    return err instanceof Error ? String(err.message) : String(err);
  } catch {
    return '(unprintable exception)';
  }
}
