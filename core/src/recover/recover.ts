// Structure recovery for reports that lost their line breaks (a web page saved or pasted as one long
// line): the part headings are found by the profile's titles in order, the national tables by their
// row labels, and each table's digit runs are split by its identities. The result is a view of the
// text with line breaks and table pipes inserted (never a character removed), which the parser reads
// like a draft written in the markup; findings are mapped back to the source (text-view.ts).

import type { Profile, TableSpec } from '../profiles/types';
import { findPartAnchors, type PartAnchor } from './part-anchors';
import { locateRows, relationsOf, rowRuns, trailingRun, type LocatedRow } from './spec-rows';
import { solveSplits, type CellSplit, type Relation, type RunRow, type SplitOutcome } from './digit-split';
import { itemRelations, readItemTable } from './item-rows';
import { TextView, type Insertion } from './text-view';
import { rowColumns } from '../facts/tables';

/** Lines shorter than this are written with their breaks: nothing to recover. */
const MIN_FLAT_LINE = 300;
/** Lines longer than this are not searched (the parser reports them as damaged input). */
const MAX_FLAT_LINE = 200_000;
/** A grid table counts as found when this share of its value rows was located. */
const MIN_ROW_SHARE = 0.5;

export interface UnreadableTable {
  /** The national table's id, or undefined for a local 统计表. */
  tableId?: string;
  title: string;
  outcome: Exclude<SplitOutcome['kind'], 'unique'>;
  /** Solutions found when several satisfy the identities (counted up to two). */
  solutions?: number;
  /** Source offsets of the table's digits. */
  start: number;
  end: number;
}

export interface Recovery {
  view: TextView;
  unreadable: UnreadableTable[];
  /** Part headings split out of long lines. */
  parts: number;
  /** Tables whose cells were recovered. */
  tables: number;
}

/** Lines as LSP counts them (CRLF, LF, lone CR): start and end offsets. */
function lineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** True when some line is long enough to be a flattened page. */
export function mayBeFlattened(text: string): boolean {
  if (text.length < MIN_FLAT_LINE) return false;
  // By character codes, stopping at the first long line: asked of every draft, which is mostly
  // short lines (a list of every line's span cost a 10 MB draft 130,000 objects for nothing).
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // Line feeds only (most drafts): found natively, line by line.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      if (i - start >= MIN_FLAT_LINE) return true;
      start = i + 1;
    }
    return text.length - start >= MIN_FLAT_LINE;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (i - start >= MIN_FLAT_LINE) return true;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return text.length - start >= MIN_FLAT_LINE;
}

export function recoverStructure(text: string, profile: Profile): Recovery | undefined {
  if (!profile.annualReport || !mayBeFlattened(text)) return undefined;
  const insertions: Insertion[] = [];
  const unreadable: UnreadableTable[] = [];
  let parts = 0;
  let tables = 0;
  for (const { start, end: lineEnd } of lineSpans(text)) {
    if (lineEnd - start >= MIN_FLAT_LINE && lineEnd - start <= MAX_FLAT_LINE) {
      const anchors = findPartAnchors(text, start, lineEnd, profile);
      if (anchors.length >= 2) {
        parts += anchors.length;
        splitTitle(text, start, anchors[0].start, insertions);
        anchors.forEach((a, i) => {
          const bodyEnd = i + 1 < anchors.length ? anchors[i + 1].start : lineEnd;
          if (a.start > start) insertions.push({ at: a.start, text: '\n' });
          if (text.slice(a.titleEnd, bodyEnd).trim()) insertions.push({ at: a.titleEnd, text: '\n' });
          const spans = recoverTables(text, a, bodyEnd, profile, insertions, unreadable);
          tables += spans.filter((s) => s.read).length;
          splitSubheadings(text, a.titleEnd, bodyEnd, spans, insertions);
        });
      }
    }
  }
  if (insertions.length === 0 && unreadable.length === 0) return undefined;
  return { view: new TextView(text, insertions), unreadable, parts, tables };
}

// ------------------------------------------------------------------ the title in page chrome

const REPORT_NAME = /[\u4e00-\u9fff（）()·]{2,40}?(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年度?[\u4e00-\u9fff]{0,20}?(?:信息公开|政务公开)[\u4e00-\u9fff]{0,8}?年度报告/;

/** Puts the report's name on a line of its own when page chrome or the lead run into it. */
function splitTitle(text: string, from: number, to: number, out: Insertion[]): void {
  const head = text.slice(from, Math.min(to, from + 2000));
  const m = REPORT_NAME.exec(head);
  if (!m) return;
  // The name starts after the last space or punctuation before its year.
  const at = from + m.index;
  const end = at + m[0].length;
  if (at > from) out.push({ at, text: '\n' });
  if (end < to) out.push({ at: end, text: '\n' });
}

// ------------------------------------------------------------------ sub-headings

const SUBHEADING = /[（(]([一二三四五六七八九十]{1,3})[）)]/g;
const SENTENCE_END = /[。；;：:！!？?\s]/;

/** （一）（二）… inside a part's body, after a sentence end and in sequence, each on a line of its own. */
function splitSubheadings(text: string, from: number, to: number, skip: { start: number; end: number }[], out: Insertion[]): void {
  SUBHEADING.lastIndex = from;
  const body = text.slice(0, to);
  let expected = 1;
  let m: RegExpExecArray | null;
  while ((m = SUBHEADING.exec(body))) {
    const at = m.index;
    if (skip.some((s) => at >= s.start && at < s.end)) continue;
    const before = at > from ? text[at - 1] : '';
    if (before && !SENTENCE_END.test(before)) continue;
    const n = '一二三四五六七八九十'.indexOf(m[1]) + 1;
    if (n !== expected) continue;
    expected++;
    // A paragraph of its own (a blank line before it), so an unrecognised title never joins the text above.
    if (at > from) out.push({ at, text: '\n\n' });
    // 「（一）主动公开方面 平潭……」: a short title ended by a space only is a heading line of its own.
    const title = /^[^\s。，,；;：:！!？?]{2,25}(?=[ \u3000\u00a0])/.exec(text.slice(at + m[0].length, Math.min(to, at + m[0].length + 26)));
    if (title) out.push({ at: at + m[0].length + title[0].length, text: '\n' });
  }
}

// ------------------------------------------------------------------ tables

interface TableSpan {
  start: number;
  end: number;
  read: boolean;
}

function recoverTables(text: string, part: PartAnchor, bodyEnd: number, profile: Profile, out: Insertion[], unreadable: UnreadableTable[]): TableSpan[] {
  const spans: TableSpan[] = [];
  const from = part.titleEnd;
  for (const id of part.spec.tables ?? []) {
    const spec = profile.tables.find((t) => t.id === id);
    if (!spec) continue;
    const span = spec.shape === 'single-row' ? singleRowTable(text, from, bodyEnd, spec, out, unreadable) : gridTable(text, from, bodyEnd, spec, out, unreadable);
    if (span) spans.push(span);
  }
  // A local 统计表 (指标名称 | 计量单位 | 年度 | 累计), in whatever part it was attached to.
  const items = readItemTable(text, from, bodyEnd);
  if (items && !spans.some((s) => s.start <= items.start && items.start < s.end)) {
    const { runs, relations } = itemRelations(items);
    const outcome = solve(runs, relations);
    const end = items.end;
    if (outcome.kind === 'unique') {
      out.push({ at: items.start, text: '\n' }, { at: items.headerEnd, text: '\n' });
      for (const row of items.rows) {
        const cells = outcome.rows.get(row.id)!;
        out.push({ at: row.labelStart, text: '| ' }, { at: row.unitStart, text: ' | ' });
        pushCells(cells, out, true);
      }
      out.push({ at: end, text: '\n' });
      spans.push({ start: items.start, end, read: true });
    } else {
      unreadable.push({ title: '政府信息公开情况统计表', outcome: outcome.kind, solutions: solutionsOf(outcome), start: items.rows[0].labelStart, end });
      spans.push({ start: items.start, end, read: false });
    }
  }
  return spans;
}

/** The split that all identities allow; failing that, the one the rows' own totals allow (a wrong
 * column total is then reported by table-balance on the cell, which is what the reviewer needs). */
function solve(runs: RunRow[], relations: Relation[]): SplitOutcome {
  const all = solveSplits(runs, relations);
  if (all.kind === 'unique' || all.kind === 'too-many') return all;
  const withinRow = relations.filter((r) => [...r.left, ...r.right].every((c) => c.row === r.left[0]?.row));
  if (withinRow.length === relations.length) return all;
  const rowsOnly = solveSplits(runs, withinRow);
  return rowsOnly.kind === 'unique' ? rowsOnly : all;
}

const solutionsOf = (o: SplitOutcome) => (o.kind === 'ambiguous' ? o.solutions : undefined);

/** Pipes around the cells of one row: ` | a | b |` after a label, `| a | b |` opening a row. */
function pushCells(cells: CellSplit[], out: Insertion[], newline: boolean, opensRow = false): void {
  cells.forEach((c, i) => out.push({ at: c.start, text: i === 0 && opensRow ? '| ' : ' | ' }));
  out.push({ at: cells[cells.length - 1].end, text: newline ? ' |\n' : ' |' });
}

function gridTable(text: string, from: number, to: number, spec: TableSpec, out: Insertion[], unreadable: UnreadableTable[]): TableSpan | undefined {
  const rows = locateRows(text, from, to, spec);
  const valueRows = spec.rows.filter((r) => !r.isGroup && !r.isCaption);
  const located = rows.filter((r) => !r.spec.isGroup && !r.spec.isCaption);
  if (located.length < Math.max(2, Math.ceil(valueRows.length * MIN_ROW_SHARE))) return undefined;
  const { runs, blank } = rowRuns(text, spec, rows, to);
  if (runs.length === 0) return undefined;
  const outcome = solve(runs, relationsOf(spec, runs));
  const start = rows[0].labelStart;
  const lastRun = runs[runs.length - 1].run;
  const end = Math.max(lastRun.offsets[lastRun.offsets.length - 1] + 1, rows[rows.length - 1].keyEnd);
  if (outcome.kind !== 'unique') {
    unreadable.push({ tableId: spec.id, title: spec.title, outcome: outcome.kind, solutions: solutionsOf(outcome), start: runs[0].run.offsets[0], end });
    return { start, end, read: false };
  }
  const blankIds = new Set(blank.map((b) => b.spec.id));
  // Each value row is one pipe row, its group labels (（三）不予公开) in cells before its own label;
  // captions and header words between rows stay on lines of their own.
  let pending: LocatedRow[] = [];
  let lineOpen = false;
  for (const row of rows) {
    if (row.spec.isCaption) {
      if (lineOpen) out.push({ at: row.labelStart, text: '\n' });
      lineOpen = false;
      pending = [];
      continue;
    }
    pending.push(row);
    if (row.spec.isGroup) continue;
    const cells = outcome.rows.get(row.spec.id);
    pending.forEach((r, i) => out.push({ at: r.labelStart, text: i === 0 ? '\n| ' : ' | ' }));
    pending = [];
    if (cells) pushCells(cells, out, false);
    else if (blankIds.has(row.spec.id)) out.push({ at: row.keyEnd, text: ` |${' |'.repeat(rowColumns(spec, row.spec).length)}` });
    lineOpen = true;
  }
  out.push({ at: end, text: '\n' });
  return { start, end, read: true };
}

/** Part 四: one row of 15 figures after the header words, the last digits before the next part. */
function singleRowTable(text: string, from: number, to: number, spec: TableSpec, out: Insertion[], unreadable: UnreadableTable[]): TableSpan | undefined {
  const body = text.slice(from, to);
  if (spec.signature.filter((w) => body.includes(w)).length < 3) return undefined;
  const run = trailingRun(text, from, to);
  if (!run) return undefined;
  const row: RunRow = { id: spec.rows[0].id, run, cells: spec.columns.length };
  const outcome = solve([row], relationsOf(spec, [row]));
  const start = run.offsets[0];
  const end = run.offsets[run.offsets.length - 1] + 1;
  if (outcome.kind !== 'unique') {
    unreadable.push({ tableId: spec.id, title: spec.title, outcome: outcome.kind, solutions: solutionsOf(outcome), start, end });
    return { start, end, read: false };
  }
  out.push({ at: start, text: '\n' });
  pushCells(outcome.rows.get(row.id)!, out, true, true);
  return { start, end, read: true };
}
