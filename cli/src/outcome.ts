// What the checker knows about one file once it is checked, and the running totals over all files.
// Every output format (format.ts, format-html.ts) is written from these.

import type { CheckResult, Finding, ProfileChoice, RuleFailure } from '../../core/src/index';
import type { SourceMap } from '../../core/src/convert/markup';
import { describeSource, locate } from '../../core/src/convert/locate';
import { quotedLines, reportRow, type ReportRow } from './report-row';

/**
 * What the output formats need of one checked report: its findings and failures, the profile it
 * was read with, and for the review page its row and quoted lines. Plain data, a small part of the
 * check's result (no text, no model), so that a checking thread can send it back cheaply.
 */
export interface CheckedReport {
  findings: Finding[];
  ruleFailures: RuleFailure[];
  profile: { id: string; source: ProfileChoice['source']; reason: string };
  page?: { row: ReportRow; lines: Record<number, string> };
}

/** The part of a result the output formats read; `page` only when the review page is written. */
export function digest(r: CheckResult, forPage: boolean): CheckedReport {
  return {
    findings: r.findings,
    ruleFailures: r.ruleFailures,
    profile: { id: r.choice.profile.id, source: r.choice.source, reason: r.choice.reason },
    page: forPage ? { row: reportRow(r), lines: quotedLines(r) } : undefined,
  };
}

export interface FileOutcome {
  /** The path as shown: as the user gave it (a file found in a folder: the folder as given, joined with its name). */
  file: string;
  /** Absolute path (SARIF URIs). */
  absolute: string;
  report?: CheckedReport;
  /** Why the file could not be checked (missing, not a regular file, undecodable …). */
  error?: string;
  /** For a converted .docx/.html: where each line of the checked markup came from. */
  source?: { format: 'docx' | 'html'; map: SourceMap };
}

/** Where a finding is in the original of a converted file ("表2 第5行第3列「0」"), else undefined. */
export function whereInSource(o: FileOutcome, f: Finding): string | undefined {
  if (!o.source) return undefined;
  const ref = locate(o.source.map, f.range.start);
  return ref ? describeSource(ref) : undefined;
}

/** The outcome with its error findings only (`--quiet`): every format and the totals see only those. */
export function errorsOnly(o: FileOutcome): FileOutcome {
  if (!o.report) return o;
  return { ...o, report: { ...o.report, findings: o.report.findings.filter((f) => f.severity === 'error') } };
}

export interface Totals {
  files: number;
  clean: number;
  /** Files with at least one error finding. */
  withErrors: number;
  unreadable: number;
  ruleFailures: number;
  bySeverity: Record<Finding['severity'], number>;
  /** Files whose text needed a note (decoded as GB18030 / UTF-16, replacement characters). */
  decodeNotes: number;
}

export function emptyTotals(): Totals {
  return { files: 0, clean: 0, withErrors: 0, unreadable: 0, ruleFailures: 0, bySeverity: { error: 0, warning: 0, info: 0, hint: 0 }, decodeNotes: 0 };
}

export function addToTotals(t: Totals, o: FileOutcome): void {
  t.files++;
  if (o.error) {
    t.unreadable++;
    return;
  }
  const r = o.report!;
  if (r.findings.length === 0) t.clean++;
  if (r.findings.some((f) => f.severity === 'error')) t.withErrors++;
  for (const f of r.findings) t.bySeverity[f.severity]++;
  t.ruleFailures += r.ruleFailures.length;
}
