// What the review page (format-html.ts) shows of one report, worked out where the report was checked:
// its row in the table and the lines its findings quote. Small, plain data: it is all the page keeps
// of a report, and what a checking thread sends back instead of the report's model.

import type { CheckResult, Finding } from '../../core/src/index';
import { splitLines } from '../../core/src/parse/lines';
import { missingParts } from '../../core/src/analysis/part-presence';

/** Rules whose findings mean a table's figures do not add up or contradict the text. */
const BALANCE_RULES = new Set(['table-balance', 'table-sum', 'text-table-mismatch', 'legacy-text-table']);
/** Comparisons with the same agency's report of the year before (rules added in their own files). */
const CROSS_YEAR_PREFIX = 'cross-year-';

/** The columns of one report's row, worked out from its result (small; nothing of the text). */
export interface ReportRow {
  agency?: string;
  year?: number;
  title?: string;
  profile: string;
  /** Statutory parts present / required; undefined when the format has none (通用检查). */
  parts?: { present: number; required: number };
  /** undefined: the format has no tables; else findings on the tables' figures, and what was read. */
  tables?: { findings: number; found: number; unreadable: number };
  crossYear: number;
  /** The previous year's report compared with, as named in the findings (absent: none was at hand). */
  previous?: string;
  counts: Record<Finding['severity'], number>;
}

export function reportRow(r: CheckResult): ReportRow {
  const profile = r.choice.profile;
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let balance = 0;
  let crossYear = 0;
  for (const f of r.findings) {
    counts[f.severity]++;
    if (BALANCE_RULES.has(f.ruleId)) balance++;
    // A finding two rules made on the same words (same-words.ts) counts for the cross-year one too.
    const ids = [f.ruleId, ...((f.data?.alsoFoundBy as string[] | undefined) ?? [])];
    if (ids.some((id) => id.startsWith(CROSS_YEAR_PREFIX))) crossYear++;
  }
  const required = profile.parts.filter((p) => !p.optional).length;
  // Judged as part-missing judges (a part written inside another one counts in the old formats),
  // and counted even where that rule is turned off.
  const missing = profile.annualReport && required ? missingParts({ doc: r.doc, facts: r.facts, profile }).length : 0;
  const title = r.doc.title;
  return {
    agency: title?.body,
    year: title?.year ?? r.facts.year?.year,
    title: title?.text,
    profile: profile.name,
    parts: profile.annualReport && required ? { present: required - missing, required } : undefined,
    tables: profile.tables.length ? { findings: balance, found: r.facts.nationalTables.length, unreadable: r.facts.unreadableTables.length } : undefined,
    crossYear,
    previous: r.previous?.file,
    counts,
  };
}


/** The text of each line a finding starts on (the page quotes it), by 0-based line. */
export function quotedLines(r: CheckResult): Record<number, string> {
  // A report that lost its line breaks is checked in a recovered view; findings are in the source.
  const lines = r.view ? splitLines(r.text).lines : r.doc.lines;
  const out: Record<number, string> = {};
  for (const f of r.findings) {
    const line = lines[f.range.start.line];
    if (line !== undefined) out[f.range.start.line] = line;
  }
  return out;
}
