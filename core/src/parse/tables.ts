// Tables as writers really produce them: GFM pipe tables (with or without a delimiter row),
// tab-separated rows, and "cell-per-line" tables flattened by copy-paste from a web page (each
// cell on its own line ending in " |"). Labels and values are told apart cell by cell.

import { lineRange, type Cell, type NumberKind, type NumberValue, type Range, type Table, type TableLayout, type TableRow } from '../model';
import { normalizeLabel } from '../text/normalize';
import { isSpace } from '../text/chars';
import { bareInteger, readValueCell } from './numbers';

/** True when a masked line is part of a pipe table (or a flattened cell line). */
export function isPipeLine(line: string): boolean {
  const first = line.indexOf('|');
  if (first < 0) return false; // most lines: no pipe, nothing to trim
  const t = line.trim();
  if (t.startsWith('|') || t.endsWith('|')) return true;
  return line.indexOf('|', first + 1) >= 0;
}

/** True when a line is a tab-separated row with at least two non-empty fields. */
export function isTabLine(line: string): boolean {
  if (!line.includes('\t')) return false;
  let fields = 0;
  for (const f of line.split('\t')) if (f.trim()) fields++;
  // (/\t\s*$/ without the regex, which re-read a long run of tabs from each of them: a tab in the trailing blanks.)
  return fields >= 2 || (fields === 1 && line.slice(line.trimEnd().length).includes('\t') && line.trim().length < 60);
}

// An optional pipe takes its spaces with it: "\s*\|?\s*" backtracks quadratically over a run of spaces.
const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$/;

export function isDelimiterRow(line: string): boolean {
  return DELIMITER_ROW.test(line) && line.includes('-');
}

/** Where a pipe row's cells lie: cell k (first ≤ k < end) runs from bounds[k] + 1 to bounds[k + 1]. */
interface PipeSlots {
  bounds: number[];
  first: number;
  end: number;
  /** The row holds an escaped pipe (\|). */
  escaped: boolean;
}

/** A pipe row's cell bounds, honouring \| escapes; outer pipes do not make empty cells (GFM). */
function pipeSlotsOf(line: string): PipeSlots {
  const bounds: number[] = [-1];
  let escaped = false;
  // From pipe to pipe by indexOf (a native scan), not character by character.
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
    if (i > 0 && line.charCodeAt(i - 1) === 92 /* \ */) escaped = true;
    else bounds.push(i);
  }
  bounds.push(line.length);
  const isBlank = (k: number) => {
    for (let i = bounds[k] + 1; i < bounds[k + 1]; i++) if (!isSpace(line.charCodeAt(i))) return false;
    return true;
  };
  // Outer pipes make no empty cells: the first and last slots are left out when blank.
  let firstChar = 0;
  while (firstChar < line.length && isSpace(line.charCodeAt(firstChar))) firstChar++;
  let lastChar = line.length - 1;
  while (lastChar >= 0 && isSpace(line.charCodeAt(lastChar))) lastChar--;
  let first = 0;
  let end = bounds.length - 1;
  if (line.charCodeAt(firstChar) === 124 && end > 0 && isBlank(0)) first = 1;
  if (lastChar >= 0 && line.charCodeAt(lastChar) === 124 && end > first && isBlank(end - 1)) end--;
  return { bounds, first, end, escaped };
}

/** pipeSlots(line) > 0, without the cell bounds: an unescaped pipe that is not the line's only character. */
export function holdsPipeCells(line: string): boolean {
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
    if (i > 0 && line.charCodeAt(i - 1) === 92) continue; // \| (as in pipeSlotsOf)
    return line.trim() !== '|'; // a lone pipe is an outer pipe and bounds no cell
  }
  return false;
}

/**
 * How many cells a line holds as a pipe row (`a | b`, `| a | b |` and `---|---` hold 2), or 0 when
 * it holds no unescaped pipe.
 */
export function pipeSlots(line: string): number {
  const { bounds, first, end } = pipeSlotsOf(line);
  return bounds.length === 2 ? 0 : end - first;
}

/**
 * Splits a pipe row into cells (pipeSlotsOf). Cell bounds are found by character codes so that each
 * cell costs one string (its trimmed text).
 */
function splitPipeCells(line: string, ln: number): Cell[] {
  const { bounds, first, end, escaped } = pipeSlotsOf(line);
  // Sized once: an array grown by push keeps room for 17 cells, and a draft keeps every row.
  const cells: Cell[] = new Array<Cell>(end - first);
  for (let k = first; k < end; k++) {
    const start = bounds[k] + 1;
    let from = start;
    let to = bounds[k + 1];
    while (from < to && isSpace(line.charCodeAt(from))) from++;
    while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
    if (from === to) {
      cells[k - first] = makeCell('', start, start, ln);
      continue;
    }
    const small = escaped ? -1 : smallFigureAt(line, from, to);
    if (small >= 0) {
      cells[k - first] = new FigureCell(SMALL_FIGURES[small], small, ln, from, to);
      continue;
    }
    const text = line.slice(from, to);
    cells[k - first] = makeCell(escaped ? text.replace(/\\\|/g, '|') : text, from, to, ln);
  }
  return cells;
}

/**
 * The figures 0–999 as strings, shared by every cell that holds one as written: most cells of the
 * national tables are such figures, and a string of its own for each was a tenth of the objects a
 * big draft's model keeps.
 */
const SMALL_FIGURES: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));

/** The value of a cell of 1–3 ASCII digits written canonically (no leading zero), else -1. */
function smallFigureAt(line: string, from: number, to: number): number {
  const n = to - from;
  if (n > 3) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  // 07 is written with its zero: its own text, read the general way.
  return n > 1 && line.charCodeAt(from) === 48 ? -1 : v;
}

function splitTabCells(line: string, ln: number): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const part of line.split('\t')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push(makeCell(text, text ? start + lead : start, text ? start + lead + text.length : start, ln));
    start += part.length + 1;
  }
  while (cells.length && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

/**
 * A table cell whose range is built when asked for. A 1 MB draft holds ~50,000 cells; storing the
 * line and columns instead of a Range and two Positions per cell (and per number) removes most of
 * the objects the parser keeps alive, which is what the garbage collector spent its time copying.
 */
class TableCell implements Cell {
  number?: NumberValue = undefined;
  constructor(
    readonly text: string,
    readonly norm: string,
    private readonly ln: number,
    private readonly from: number,
    private readonly to: number,
  ) {}
  get range(): Range {
    return lineRange(this.ln, this.from, this.to);
  }
}

class CellNumber implements NumberValue {
  constructor(
    readonly kind: NumberKind,
    readonly value: number | null,
    readonly raw: string,
    readonly unit: string | undefined,
    readonly decimals: number,
    private readonly ln: number,
    private readonly from: number,
    private readonly to: number,
  ) {}
  get range(): Range {
    return lineRange(this.ln, this.from, this.to);
  }
}

/**
 * A cell holding nothing but a whole number (0, 12: most cells of the national tables) is its own
 * NumberValue, since the figure's range is the cell's: one object instead of two for the collector.
 */
class FigureCell implements Cell, NumberValue {
  constructor(
    readonly text: string,
    readonly value: number,
    private readonly ln: number,
    private readonly from: number,
    private readonly to: number,
  ) {}
  get norm(): string {
    return this.text;
  }
  get number(): NumberValue {
    return this;
  }
  get kind(): NumberKind {
    return 'exact';
  }
  get raw(): string {
    return this.text;
  }
  get unit(): string | undefined {
    return undefined;
  }
  get decimals(): number {
    return 0;
  }
  get range(): Range {
    return lineRange(this.ln, this.from, this.to);
  }
}

/** An empty cell (a blank value, or merged-cell padding): like FigureCell, its own NumberValue. */
class BlankCell implements Cell, NumberValue {
  constructor(
    private readonly ln: number,
    private readonly at: number,
  ) {}
  get text(): string {
    return '';
  }
  get norm(): string {
    return '';
  }
  get number(): NumberValue {
    return this;
  }
  get kind(): NumberKind {
    return 'blank';
  }
  get value(): null {
    return null;
  }
  get raw(): string {
    return '';
  }
  get unit(): string | undefined {
    return undefined;
  }
  get decimals(): number {
    return 0;
  }
  get range(): Range {
    return lineRange(this.ln, this.at, this.at);
  }
}

/** A cell from its trimmed text; `start`/`end` are its columns (the slot start when empty). */
function makeCell(text: string, start: number, end: number, ln: number): Cell {
  if (text === '') return new BlankCell(ln, start);
  const bare = bareInteger(text);
  if (bare >= 0) return new FigureCell(text, bare, ln, start, end);
  const v = readValueCell(text);
  // Values are never matched as labels; sparing them the normalisation keeps big tables cheap.
  const cell = new TableCell(text, v ? text : normalizeLabel(text), ln, start, end);
  if (v) cell.number = new CellNumber(v.kind, v.value, v.raw, v.unit, v.decimals, ln, start + v.numberStart, start + v.numberEnd);
  return cell;
}

/**
 * Splits a row's cells into labels and values: every cell up to the last non-value cell is part of
 * the label path (empty ones are merged cells and dropped); the cells after it are values, where an
 * empty cell is a blank value.
 */
function lastLabelIndex(cells: Cell[]): number {
  let lastLabel = -1;
  for (let i = 0; i < cells.length; i++) if (cells[i].text && !cells[i].number) lastLabel = i;
  return lastLabel;
}

function makeRow(cells: Cell[], ln: number, lineText: string, labelColumns: number): TableRow {
  // Empty cells right after the last label, within the table's label columns, are merged label
  // cells (| 四、结转下年度继续办理 | | | 0 |), not blank values.
  let split = lastLabelIndex(cells) + 1;
  while (split < labelColumns && split < cells.length && !cells[split].text) split++;
  // Arrays of the exact size (the model keeps them for the whole check): the values are the cells
  // from the split on, the labels the non-empty cells before it.
  let labelCount = 0;
  for (let i = 0; i < split; i++) if (cells[i].text) labelCount++;
  let labels: Cell[];
  if (labelCount === split) labels = cells.slice(0, split);
  else {
    labels = new Array<Cell>(labelCount);
    for (let i = 0, k = 0; i < split; i++) if (cells[i].text) labels[k++] = cells[i];
  }
  let values = cells.slice(split);
  // A row that is all blanks carries no values; an all-label row is a header.
  const hasValue = values.some((v) => v.number && v.number.kind !== 'blank');
  const isHeaderLike = !hasValue;
  if (isHeaderLike && values.every((v) => !v.text)) values = [];
  let from = 0;
  while (from < lineText.length && isSpace(lineText.charCodeAt(from))) from++;
  let to = lineText.length;
  while (to > 0 && isSpace(lineText.charCodeAt(to - 1))) to--;
  return new SourceRow(ln, cells, labels, values, isHeaderLike, from, to);
}

/** A row on one source line; like cells, it builds its range when asked. */
class SourceRow implements TableRow {
  constructor(
    readonly line: number,
    readonly cells: Cell[],
    readonly labels: Cell[],
    readonly values: Cell[],
    readonly isHeaderLike: boolean,
    private readonly from: number,
    private readonly to: number,
  ) {}
  get range(): Range {
    return lineRange(this.line, this.from, this.to);
  }
}

/** How many lines hold at most one non-empty cell (counted, as every table of a draft asks). */
function linesOfOneCell(lineCells: { cells: Cell[] }[]): number {
  let count = 0;
  for (const { cells } of lineCells) {
    let filled = 0;
    for (let i = 0; i < cells.length && filled < 2; i++) if (cells[i].text) filled++;
    if (filled <= 1) count++;
  }
  return count;
}

/**
 * Builds a table from consecutive table lines [from, to]. A block whose lines each hold at most one
 * non-empty cell is a flattened table and is re-segmented into rows: a row is a run of label cells
 * followed by a run of value cells.
 */
export function buildTable(masked: string[], from: number, to: number, layout: 'pipe' | 'tab', sectionIndex: number): Table {
  const lineCells: { ln: number; cells: Cell[] }[] = [];
  for (let ln = from; ln <= to; ln++) {
    if (layout === 'pipe' && isDelimiterRow(masked[ln])) continue;
    lineCells.push({ ln, cells: layout === 'pipe' ? splitPipeCells(masked[ln], ln) : splitTabCells(masked[ln], ln) });
  }
  const flattened = layout === 'pipe' && lineCells.length >= 3 && linesOfOneCell(lineCells) >= lineCells.length * 0.8;

  let rows: TableRow[];
  let finalLayout: TableLayout = layout;
  if (flattened) {
    finalLayout = 'cell-per-line';
    rows = [];
    let pending: Cell[] = [];
    let sawValue = false;
    const flush = () => {
      if (!pending.length) return;
      const first = pending[0].range.start;
      const last = pending[pending.length - 1].range.end;
      const labels = pending.filter((c) => !c.number);
      const values = pending.filter((c) => c.number);
      rows.push({
        line: first.line,
        range: { start: first, end: last },
        cells: pending,
        labels,
        values,
        isHeaderLike: values.length === 0,
      });
      pending = [];
      sawValue = false;
    };
    for (const { cells } of lineCells) {
      for (const c of cells) {
        if (!c.text) continue; // merged-cell padding
        if (!c.number && sawValue) flush();
        pending.push(c);
        if (c.number) sawValue = true;
      }
    }
    flush();
  } else {
    // How many leading columns hold labels: judged on the rows that carry figures.
    let labelColumns = 0;
    for (const { cells } of lineCells) {
      if (cells.some((c) => c.number && c.number.kind !== 'blank')) labelColumns = Math.max(labelColumns, lastLabelIndex(cells) + 1);
    }
    rows = lineCells.map(({ ln, cells }) => makeRow(cells, ln, masked[ln], labelColumns));
  }
  const lastLine = to;
  return {
    layout: finalLayout,
    rows,
    range: { start: { line: from, character: 0 }, end: { line: lastLine, character: masked[lastLine].length } },
    startLine: from,
    endLine: lastLine,
    sectionIndex,
  };
}
