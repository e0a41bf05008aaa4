// Reads the national tables of a profile out of the document's tables. Rows are matched one by one
// to the spec's rows by label, not whole tables: OCR output splits a table into one little table per
// row, cell-per-line text re-segments unevenly, and writers add, drop or reorder rows. Values map to
// the row's columns by position, counting from the right (the last N value cells).

import type { Cell, Range, ReportDocument, Table, TableRow } from '../model';
import type { Profile, RowSpec, TableSpec } from '../profiles/types';
import { ancestrySet, indexRows, matchLabel, rowKey } from './table-labels';
import type { FoundRow, NationalTable, PartMatch } from './types';
import { CheckCache, memoKey } from '../check-cache';

/** A grid table counts as present when this many of its value rows were read (or all, if fewer). */
const MIN_ROWS_GRID = 2;
const MIN_ROWS_LOOSE = 3;

/**
 * `linesRead`, when given, collects the numbers of the source lines the reading looked at beyond
 * the tables and headings (the words near a single-row table): an editor session keeps the result
 * while those lines, the tables and the headings are unchanged.
 */
export function readNationalTables(
  doc: ReportDocument,
  profile: Profile,
  parts: PartMatch[],
  cache: CheckCache = new CheckCache(),
  linesRead?: Set<number>,
): NationalTable[] {
  const found: NationalTable[] = [];
  const claimed = new Set<TableRow>();
  for (const spec of profile.tables) {
    const owner = ownerLines(doc, spec, parts);
    const table = spec.shape === 'single-row' ? readSingleRow(doc, spec, owner, claimed, linesRead) : readGrid(doc, spec, owner, cache);
    if (!table) continue;
    for (const r of table.rows.values()) claimed.add(r.row);
    found.push(table);
  }
  // Rows with values that no spec row claims, inside the source tables, are the unknown rows; a
  // source table shared by two national tables gives its unknown rows to the first.
  const seenTables = new Set<Table>();
  const claimedAll = new Set<TableRow>(found.flatMap((t) => [...t.rows.values()].flatMap((r) => [r.row, ...(r.extraRows ?? [])])));
  for (const nt of found) {
    for (const t of nt.tables) {
      if (seenTables.has(t)) continue;
      seenTables.add(t);
      for (const row of t.rows) {
        if (claimedAll.has(row) || row.labels.length === 0) continue;
        if (!row.values.some((c) => c.number && c.number.kind !== 'blank')) continue;
        if (isLabelledHeader(row)) continue;
        nt.unknownRows.push(row);
      }
    }
  }
  return found;
}

// ------------------------------------------------------------------ where the table should be

interface LineSpan {
  start: number;
  end: number;
}

/** Lines of the part that owns the table: from the matched part, else from a heading naming it. */
function ownerLines(doc: ReportDocument, spec: TableSpec, parts: PartMatch[]): LineSpan | undefined {
  const part = parts.find((p) => !p.duplicateOf && p.spec.tables?.includes(spec.id));
  if (part) return { start: part.section.range.start.line, end: part.section.range.end.line };
  const hints = spec.partHint ?? [];
  if (hints.length === 0) return undefined;
  const headings = doc.headings;
  const i = headings.findIndex((h) => h.level === 1 && hints.some((w) => h.title.includes(w)));
  if (i < 0) return undefined;
  const h = headings[i];
  const next = headings.slice(i + 1).find((n) => n.level <= h.level && n.style !== 'none');
  return { start: h.line, end: next ? next.line - 1 : doc.lines.length - 1 };
}

const inside = (span: LineSpan | undefined, line: number) => !!span && line >= span.start && line <= span.end;

// ------------------------------------------------------------------ cells

const isBlank = (c: Cell) => !c.number || c.number.kind === 'blank';

/** A header row such as 信息内容 | 本年处理决定数量 has labels only (or blanks). */
function isLabelledHeader(row: TableRow): boolean {
  return row.isHeaderLike || row.values.every(isBlank);
}

/** A dash (—— / - / /): in a cell the format leaves unprinted it says as much as a blank. */
const isDash = (c: Cell) => c.number?.kind === 'dash';

/**
 * Drops the cells beyond the expected count that only pad a merged cell: trailing blanks or dashes
 * (「0 | | |」, 「386 | —— | ——」), and for a row of one value (表二's 行政许可 under 本年处理决定数量)
 * the value repeated across the merged columns (「386 | 386 | 386」). The result is only read:
 * without such padding (most rows) it is the row's own list, not a copy.
 */
function trimTrailingBlanks(values: readonly Cell[], n: number): readonly Cell[] {
  let end = values.length;
  while (end > n && (isBlank(values[end - 1]) || isDash(values[end - 1]))) end--;
  if (n === 1 && end > 1 && values.slice(0, end).every((c) => c.text === values[0].text)) end = 1;
  return end === values.length ? values : values.slice(0, end);
}

function mapValues(spec: RowSpec, columns: string[], row: TableRow, cells: readonly Cell[]): FoundRow {
  const values = trimTrailingBlanks(cells, columns.length);
  const map = new Map<string, Cell>();
  let extra: Cell[] = [];
  let missing: string[] = [];
  if (values.length >= columns.length) {
    const offset = values.length - columns.length;
    // Leading blanks are merged-cell padding; only written extra values are reported.
    extra = values.slice(0, offset).filter((c) => !isBlank(c));
    columns.forEach((id, i) => map.set(id, values[offset + i]));
  } else {
    // Fewer cells than columns: read from the left; which column was dropped cannot be known.
    values.forEach((c, i) => map.set(columns[i], c));
    missing = columns.slice(values.length);
  }
  return { spec, row, values: map, extraValues: extra, missingColumns: missing };
}

export function rowColumns(spec: TableSpec, row: RowSpec): string[] {
  return row.columns ?? spec.columns.map((c) => c.id);
}

// ------------------------------------------------------------------ grid tables

/** A row read as a spec row; its values are mapped to columns only if it is the one picked. */
interface Candidate {
  spec: RowSpec;
  columns: string[];
  row: TableRow;
  cells: Cell[];
  table: Table;
}

type Event = { line: number; kind: 'heading'; text: string } | { line: number; kind: 'row'; row: TableRow; table: Table };

// Built once per document and shared by the profile's tables (it does not change during a check).
const EVENTS = memoKey('table events', buildEvents);

function buildEvents(doc: ReportDocument): Event[] {
  const rows: Event[] = [];
  for (const t of doc.tables) for (const row of t.rows) rows.push({ line: row.line, kind: 'row', row, table: t });
  const headings: Event[] = doc.headings.map((h) => ({ line: h.line, kind: 'heading', text: `${h.enumerator}${h.title}` }));
  // Headings sort before rows of the same line (a heading never shares a line with a row anyway).
  const byLine = (a: Event, b: Event) => a.line - b.line || (a.kind === 'heading' ? -1 : 1);
  // The parser lists both in line order: merged in one pass (a big draft has tens of thousands of
  // rows), sorted only if something is not.
  if (!inLineOrder(rows) || !inLineOrder(headings)) return [...headings, ...rows].sort(byLine);
  const list: Event[] = new Array<Event>(rows.length + headings.length);
  let r = 0;
  let k = 0;
  for (const h of headings) {
    while (r < rows.length && rows[r].line < h.line) list[k++] = rows[r++];
    list[k++] = h;
  }
  while (r < rows.length) list[k++] = rows[r++];
  return list;
}

function inLineOrder(events: Event[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i].line < events[i - 1].line) return false;
  return true;
}

function readGrid(doc: ReportDocument, spec: TableSpec, owner: LineSpan | undefined, cache: CheckCache): NationalTable | undefined {
  const index = indexRows(spec, cache);
  const candidates = new Map<string, Candidate[]>();
  let context: ReadonlySet<string> = new Set<string>();
  let lastIndex = -1;

  for (const ev of cache.get(EVENTS, doc)) {
    if (ev.kind === 'heading') {
      // A heading that names a group (### （三）不予公开 in OCR output) sets the group for what follows.
      const hit = matchLabel(index, ev.text, context);
      if (hit?.isGroup) context = ancestrySet(index, hit);
      continue;
    }
    const { row, table } = ev;
    let matched: RowSpec | undefined;
    for (const label of row.labels) {
      const hit = matchLabel(index, label.text, context, lastIndex);
      if (!hit) continue;
      if (hit.isCaption) continue;
      context = ancestrySet(index, hit);
      matched = hit;
    }
    if (!matched) continue;
    const columns = rowColumns(spec, matched);
    const cells = row.values;
    const written = cells.some((c) => !isBlank(c));
    // A group row counts only when filled; a value row also when it has a full set of blank cells.
    if (!written && (matched.isGroup || cells.length < columns.length)) continue;
    const list = candidates.get(matched.id) ?? [];
    list.push({ spec: matched, columns, row, cells, table });
    candidates.set(matched.id, list);
    if (!matched.isGroup) lastIndex = index.order.get(matched) ?? -1;
  }

  const rows = new Map<string, FoundRow>();
  const tables: Table[] = [];
  for (const spec_row of spec.rows) {
    const list = candidates.get(spec_row.id);
    if (!list) continue;
    const pick = list.find((c) => inside(owner, c.row.line)) ?? list[0];
    rows.set(spec_row.id, mapValues(pick.spec, pick.columns, pick.row, pick.cells));
    if (!tables.includes(pick.table)) tables.push(pick.table);
  }
  const valueRows = spec.rows.filter((r) => !r.isGroup && !r.isCaption);
  const readCount = [...rows.values()].filter((r) => !r.spec.isGroup).length;
  const needed = Math.min(spec.loose ? MIN_ROWS_LOOSE : MIN_ROWS_GRID, valueRows.length);
  if (readCount < needed) return undefined;
  tables.sort((a, b) => a.startLine - b.startLine);
  return {
    spec,
    rows,
    missingRows: valueRows.filter((r) => !rows.has(r.id)),
    unknownRows: [],
    tables,
    range: spanOf(tables),
  };
}

// ------------------------------------------------------------------ single-row tables (part 四)

function readSingleRow(
  doc: ReportDocument,
  spec: TableSpec,
  owner: LineSpan | undefined,
  claimed: ReadonlySet<TableRow>,
  linesRead: Set<number> | undefined,
): NationalTable | undefined {
  const rowSpec = spec.rows[0];
  if (!rowSpec) return undefined;
  const n = spec.columns.length;
  type Piece = { row: TableRow; table: Table; cells: readonly Cell[] };
  /** Unclaimed rows with a written value, in order, that `first` (asked before looking at the
   * values, so cheap) and `then` (asked only of rows with a written value) accept. */
  const rowsWhere = (first: (row: TableRow) => boolean, then: (row: TableRow) => boolean): Piece[] => {
    const out: Piece[] = [];
    for (const t of doc.tables)
      for (const row of t.rows) {
        if (claimed.has(row) || !first(row)) continue;
        const cells = row.values;
        if (cells.some((c) => !isBlank(c)) && then(row)) out.push({ row, table: t, cells: trimTrailingBlanks(cells, 0) });
      }
    return out;
  };
  const any = () => true;

  // Looked for inside the owning part first; the wider search (rows near the table's words) costs
  // a look-back per row, so it runs only when the first one finds nothing.
  const scopes: (() => Piece[])[] = [];
  if (owner) scopes.push(() => rowsWhere((row) => inside(owner, row.line), any));
  scopes.push(() => rowsWhere(any, (row) => mentionedNear(doc, row.line, spec.signature, linesRead)));

  for (const scopeOf of scopes) {
    const scope = scopeOf();
    // One row with the full set of values (extra leading cells are reported, missing ones too)…
    const whole = scope.find((r) => r.cells.length >= n) ?? scope.find((r) => r.cells.length >= n - 2 && r.cells.length > n / 2);
    if (whole) {
      const found = mapValues(rowSpec, spec.columns.map((c) => c.id), whole.row, whole.cells);
      return single(spec, rowSpec, found, [whole.table]);
    }
    // …or consecutive pieces that together make it up (行政复议 / 直接起诉 / 复议后起诉 as 5 + 5 + 5).
    for (let i = 0; i < scope.length; i++) {
      const pieces = [];
      let count = 0;
      for (let j = i; j < scope.length && count < n; j++) {
        pieces.push(scope[j]);
        count += scope[j].cells.length;
      }
      if (count !== n || pieces.length < 2) continue;
      const cells = pieces.flatMap((p) => p.cells);
      const found = mapValues(rowSpec, spec.columns.map((c) => c.id), pieces[0].row, cells);
      found.extraRows = pieces.slice(1).map((p) => p.row);
      const tables = [...new Set(pieces.map((p) => p.table))];
      return single(spec, rowSpec, found, tables);
    }
  }
  return undefined;
}

/** True when one of the words appears in the few lines above (the table's heading or header rows). */
function mentionedNear(doc: ReportDocument, line: number, words: string[], linesRead: Set<number> | undefined): boolean {
  const from = Math.max(0, line - 40);
  for (let l = line; l >= from; l--) {
    linesRead?.add(l);
    const text = doc.lines[l] ?? '';
    if (words.slice(0, 2).some((w) => text.includes(w))) return true;
  }
  return false;
}

function single(spec: TableSpec, rowSpec: RowSpec, found: FoundRow, tables: Table[]): NationalTable {
  return {
    spec,
    rows: new Map([[rowSpec.id, found]]),
    missingRows: [],
    unknownRows: [],
    tables,
    range: spanOf(tables),
  };
}

function spanOf(tables: Table[]): Range {
  const first = tables[0];
  const last = tables.reduce((a, b) => (b.range.end.line > a.range.end.line ? b : a), first);
  return { start: first.range.start, end: last.range.end };
}

export { rowKey };
