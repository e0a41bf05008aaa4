// Formatting: pipe tables aligned into columns, so a 表四 with 15 value columns reads as a grid in
// a monospaced editor. Widths count East Asian wide characters and emoji as two columns; the
// width function comes from string-width (the library markdownlint uses), loaded on first use.
//
// Only padding changes: every cell keeps its text exactly, rows keep their number of cells (a
// ragged row stays ragged: an added empty cell would be a blank value in a national table), and
// lines that are not in a pipe table are never touched. A table with a comment inside a cell, or
// written without outer pipes and without a delimiter row, is left as it is.

import type { Range, ReportDocument, Table, TextEdit } from '../model';
import { isDelimiterRow } from '../parse/tables';
import { maskLines } from '../parse/lines';
import { isSpace } from '../text/chars';

/** Display width of a string in monospaced columns. */
export type WidthOf = (text: string) => number;

let widthLoad: Promise<WidthOf> | undefined;

/** string-width, imported once when the first format request comes (an ES module, so import()). */
export function loadDisplayWidth(): Promise<WidthOf> {
  widthLoad ??= import('string-width').then((m) => m.default);
  return widthLoad;
}

type Align = 'none' | 'left' | 'center' | 'right';

interface RowCells {
  /** Whitespace before the first pipe (kept: a table may sit in a list item). */
  indent: string;
  cells: string[];
  /** A delimiter row (|---|:--:|): cells are rebuilt from the column widths. */
  delimiter: boolean;
  /** Text after the last pipe that the parser masks (an HTML comment such as a fixture marker). */
  suffix: string;
}

/**
 * The cells of a table line, split exactly as the parser splits them (unescaped pipes, outer
 * pipes make no cells, cells trimmed of JavaScript whitespace). Undefined when the line holds a
 * comment anywhere but after its last pipe, or no pipe at all.
 */
export function splitTableLine(source: string, masked: string): RowCells | undefined {
  const pipes: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 92 /* \ */ && masked.charCodeAt(i + 1) === 124) {
      i++;
      continue;
    }
    if (c === 124 /* | */) pipes.push(i);
  }
  if (!pipes.length) return undefined;
  // Comments are blanked in the masked line; anywhere but the tail they would be inside a cell.
  const last = pipes[pipes.length - 1];
  if (source.slice(0, last + 1) !== masked.slice(0, last + 1)) return undefined;
  const segments: string[] = [];
  let from = 0;
  for (const p of pipes) {
    segments.push(source.slice(from, p));
    from = p + 1;
  }
  const tail = source.slice(last + 1);
  const trailingPipe = trimSpace(masked.slice(last + 1)) === '';
  // Text after the last pipe is a cell unless the parser sees only blanks there.
  if (!trailingPipe && tail !== masked.slice(last + 1)) return undefined;
  segments.push(tail);
  const lead = segments[0];
  const leadingPipe = trimSpace(lead) === '';
  let cells = segments.map(trimSpace);
  if (trailingPipe) cells = cells.slice(0, -1);
  if (leadingPipe) cells = cells.slice(1);
  // `|` alone or `||` has no cell: nothing to align.
  if (!cells.length) return undefined;
  const indent = leadingPipe ? lead : '';
  const suffix = trailingPipe ? trimSpace(tail) : '';
  return { indent, cells, delimiter: isDelimiterRow(masked), suffix };
}

function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':') && cell.length > 1;
  return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
}

function pad(text: string, width: number, target: number, align: Align): string {
  const gap = Math.max(0, target - width);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

function delimiterCell(width: number, align: Align): string {
  const w = Math.max(3, width);
  if (align === 'center') return ':' + '-'.repeat(w - 2) + ':';
  if (align === 'right') return '-'.repeat(w - 1) + ':';
  if (align === 'left') return ':' + '-'.repeat(w - 1);
  return '-'.repeat(w);
}

/** The aligned text of each line of one table (undefined: leave the table as written). */
export function alignTable(sources: readonly string[], maskedLines: readonly string[], widthOf: WidthOf): string[] | undefined {
  const rows: RowCells[] = [];
  for (let i = 0; i < sources.length; i++) {
    const row = splitTableLine(sources[i], maskedLines[i]);
    if (!row) return undefined;
    rows.push(row);
  }
  // `a | b` lines without a delimiter row may be prose with pipes in it: only real tables change.
  const hasDelimiter = rows.some((r) => r.delimiter);
  if (!hasDelimiter && !maskedLines.every((m) => m.trimStart().startsWith('|'))) return undefined;

  const widths: number[] = [];
  const aligns: Align[] = [];
  const cellWidths = rows.map((r) => (r.delimiter ? [] : r.cells.map((c) => widthOf(c))));
  rows.forEach((r, i) => {
    if (r.delimiter) {
      r.cells.forEach((c, j) => (aligns[j] ??= alignOf(c)));
      return;
    }
    cellWidths[i].forEach((w, j) => (widths[j] = Math.max(widths[j] ?? 0, w)));
  });
  // A delimiter cell needs three dashes; columns only a delimiter row has get that width too.
  const columns = Math.max(...rows.map((r) => r.cells.length));
  for (let j = 0; j < columns; j++) widths[j] = Math.max(widths[j] ?? 0, hasDelimiter ? 3 : 0);
  // One indentation for the whole table, the first row's, so the pipes line up.
  const indent = rows[0].indent;
  return rows.map((r, i) => {
    const cells = r.delimiter
      ? r.cells.map((c, j) => delimiterCell(widths[j], alignOf(c)))
      : r.cells.map((c, j) => pad(c, cellWidths[i][j], widths[j], aligns[j] ?? 'none'));
    return `${indent}| ${cells.join(' | ')} |${r.suffix ? ' ' + r.suffix : ''}`;
  });
}

function overlaps(table: Table, range: Range | undefined): boolean {
  return !range || (table.startLine <= range.end.line && range.start.line <= table.endLine);
}

/**
 * Edits that align every pipe table of the document, or those that share a line with `range`
 * (range formatting widens to whole tables: half a table cannot be aligned). One edit per changed
 * line, so an editor keeps its cursor and folds.
 */
export function formatTables(doc: ReportDocument, widthOf: WidthOf, range?: Range): TextEdit[] {
  const tables = doc.tables.filter((t) => t.layout === 'pipe' && overlaps(t, range));
  if (!tables.length) return [];
  const { masked } = maskLines(doc.lines);
  const edits: TextEdit[] = [];
  for (const t of tables) {
    const sources = doc.lines.slice(t.startLine, t.endLine + 1);
    const aligned = alignTable(sources, masked.slice(t.startLine, t.endLine + 1), widthOf);
    if (!aligned) continue;
    aligned.forEach((text, i) => {
      if (text === sources[i]) return;
      const line = t.startLine + i;
      edits.push({ range: { start: { line, character: 0 }, end: { line, character: sources[i].length } }, newText: text });
    });
  }
  return edits;
}
