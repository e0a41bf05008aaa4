// What a report keeps for the check of its successor: the few figures the next year's report must
// continue (表三 四、结转下年度继续办理 per column, 表二 现行有效件数 of 规章 and 行政规范性文件, the
// 历年累计 of a pre-2019 统计表, the totals the prose compares with), each with where it stands in
// the file. It is small and plain data, so a folder of thousands of reports keeps one per file
// cheaply, and a language server can cache it by the file's modification time.
//
// A figure is kept only when it was read reliably: exact numbers in a national table the reader
// found (a flattened table whose digits split more than one way is not among them), and a local
// 统计表 only from a report that kept its own table borders.

import type { Cell, Range, Table } from '../model';
import type { CheckResult } from '../engine';
import type { NationalTable } from '../facts/types';
import { labelKey, normalizeLabel } from '../text/normalize';
import { identityOfTitle, runInIdentity, type AgencyAliases, type ReportIdentity } from './identity';

/** One figure of the earlier report and where it is (source positions of that file). */
export interface KeptFigure {
  value: number;
  /** The text as written (12, 1,234). */
  raw: string;
  range: Range;
}

/** A row of a 历年累计 统计表: this year's figure and the cumulative one. */
export interface CumulativeRow {
  /** The row's label, normalised (enumerators and 其中 dropped): rows of two years match on it. */
  key: string;
  /** The label as written, for messages. */
  label: string;
  year?: KeptFigure;
  cumulative: KeptFigure;
}

/** The figures the prose of the next report may compare with (比上年增长 N%, 上年为 N). */
export type ProseTopic = 'new' | 'new-and-carried' | 'review' | 'litigation';

export interface PreviousReport {
  /** The file as the user reads it (a path relative to the folder, or a name), for messages. */
  file: string;
  /** Where to open it (a file: URI), for related information and "open" commands. */
  uri?: string;
  identity?: ReportIdentity;
  /** 表三 四、结转下年度继续办理, by column id (natural … total). */
  carryOver?: Record<string, KeptFigure>;
  /** 表二 现行有效件数 of 规章 and 行政规范性文件 (2021 format). */
  valid?: { regulations?: KeptFigure; normative?: KeptFigure };
  /** Rows of a 统计表 with a 历年累计 column. */
  cumulative?: CumulativeRow[];
  /** Totals for the prose: 表三 一 (and 一 + 二), 表四 复议 and 诉讼 totals. */
  figures?: Partial<Record<ProseTopic, KeptFigure>>;
}

/** The identity of a checked report (its title, in the recovered view for a flattened page). */
export function reportIdentity(result: CheckResult, aliases?: AgencyAliases): ReportIdentity | undefined {
  return identityOfTitle(result.doc.title, aliases) ?? runInIdentity(result.text.slice(0, 8192), aliases);
}

/** The summary of a checked report, for the check of the next year's report. */
export function summarise(result: CheckResult, where: { file: string; uri?: string }, aliases?: AgencyAliases): PreviousReport {
  const toSource = (r: Range) => (result.view ? result.view.toSourceRange(r) : r);
  const kept = (cell: Cell | undefined): KeptFigure | undefined => {
    const n = cell?.number;
    if (!cell || !n || n.kind !== 'exact' || n.value === null) return undefined;
    return { value: n.value, raw: n.raw, range: toSource(cell.range) };
  };
  const out: PreviousReport = { file: where.file, uri: where.uri, identity: reportIdentity(result, aliases) };
  const tables = result.facts.nationalTables;
  const requests = tables.find((t) => t.spec.id.endsWith('-requests'));
  const carry = requests?.rows.get('carry-over');
  if (requests && carry) {
    const byColumn: Record<string, KeptFigure> = {};
    for (const [col, cell] of carry.values) {
      const k = kept(cell);
      if (k) byColumn[col] = k;
    }
    if (Object.keys(byColumn).length) out.carryOver = byColumn;
  }
  const proactive = tables.find((t) => t.spec.id.endsWith('-proactive'));
  const valid = (row: string) => kept(proactive?.rows.get(row)?.values.get('valid'));
  const regulations = valid('regulations');
  const normative = valid('normative');
  if (regulations || normative) out.valid = { regulations, normative };
  const figures = proseFigures(tables, kept);
  if (Object.keys(figures).length) out.figures = figures;
  // Local tables are read from real rows only: a flattened page's digit runs are not split here.
  if (!result.view) {
    const rows = result.doc.tables.flatMap(cumulativeRows);
    if (rows.length) out.cumulative = rows.map((r) => ({ key: r.key, label: r.label, year: kept(r.year), cumulative: kept(r.cumulative)! })).filter((r) => r.cumulative);
  }
  return out;
}

function proseFigures(tables: NationalTable[], kept: (c: Cell | undefined) => KeptFigure | undefined): Partial<Record<ProseTopic, KeptFigure>> {
  const out: Partial<Record<ProseTopic, KeptFigure>> = {};
  const requests = tables.find((t) => t.spec.id.endsWith('-requests'));
  const review = tables.find((t) => t.spec.id.endsWith('-review'))?.rows.get('values');
  const fresh = kept(requests?.rows.get('new')?.values.get('total'));
  const carried = kept(requests?.rows.get('carried')?.values.get('total'));
  if (fresh) out.new = fresh;
  if (fresh && carried) out['new-and-carried'] = { value: fresh.value + carried.value, raw: `${fresh.raw} + ${carried.raw}`, range: fresh.range };
  const rev = kept(review?.values.get('review-total'));
  if (rev) out.review = rev;
  const direct = kept(review?.values.get('direct-total'));
  const after = kept(review?.values.get('after-total'));
  if (direct && after) out.litigation = { value: direct.value + after.value, raw: `${direct.raw} + ${after.raw}`, range: direct.range };
  return out;
}

// ------------------------------------------------------------------ 历年累计 tables

export interface CumulativeCells {
  key: string;
  label: string;
  year?: Cell;
  cumulative: Cell;
}

/** Rows at the top of a table where its header may be (a caption row, then the column names). */
const HEADER_ROWS = 4;
// The cumulative column: 历年累计 / 累计 (not 本年累计, which sums the periods of one year).
const CUMULATIVE_HEADER = /^(?:历年)?累计(?:数)?$/;
// The year's own column, right before it: 2018年度, 本年, 年度, 统计数, 本年度.
const YEAR_HEADER = /^(?:(?:19|20)\d{2}年度?|本年度?|年度|当年|统计数|本年数)$/;
// 其中 before a row's label (其中：1.政府网站公开数); the enumerator after it goes with labelKey.
const WHEREOF = /^\s*其中\s*[：:]?\s*/;

/**
 * The rows of a table whose header names a 历年累计 column with the year's column before it. Rows
 * are matched by label; a label that repeats in the table (其他 under two headings) is left out,
 * and so is a row whose cells do not line up with the header.
 */
export function cumulativeRows(table: Table): CumulativeCells[] {
  // Most tables have no such column: asked of the raw text of the first rows before anything is normalised.
  const top = table.rows.slice(0, HEADER_ROWS);
  if (!top.some((row) => row.cells.some((c) => c.text.includes('累计')))) return [];
  let header: { yearAt: number; cumulativeAt: number; width: number } | undefined;
  const found: CumulativeCells[] = [];
  const seen = new Map<string, number>();
  let looked = 0;
  for (const row of table.rows) {
    const texts = row.cells.map((c) => normalizeLabel(c.text));
    if (!header) {
      if (++looked > HEADER_ROWS) return [];
      const at = texts.findIndex((t) => CUMULATIVE_HEADER.test(t));
      if (at > 0 && YEAR_HEADER.test(texts[at - 1])) header = { yearAt: at - 1, cumulativeAt: at, width: row.cells.length };
      continue;
    }
    if (row.cells.length !== header.width || row.labels.length === 0) continue;
    const cumulative = row.cells[header.cumulativeAt];
    const year = row.cells[header.yearAt];
    if (!cumulative.number || !year.number) continue;
    const label = row.labels[0].text;
    const key = labelKey(label.replace(WHEREOF, ''));
    if (!key) continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    found.push({ key, label, year, cumulative });
  }
  return found.filter((r) => seen.get(r.key) === 1);
}
