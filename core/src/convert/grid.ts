// Printed cells with row and column spans (HTML rowspan/colspan, Word vMerge/gridSpan) → a grid in
// the convention of docs/markup.md §4.2: a merged cell's text in its top-left slot, the slots it
// covers empty.
//
// Word and the sites' editors add grid columns for layout only: a column boundary that sits under a
// header cell but between no two figures (016's 自然人 spans two grid columns, its figure one, the
// 商业企业 figures the other two). Left alone, every such column becomes an empty value cell and
// the row has one value too many. So the columns are those the figure rows use: each boundary of a
// header cell is moved to the nearest boundary of the figure rows, and a grid line no cell starts at
// is removed.

import { maxOf, type GridCell, type SourceRef } from './blocks';

export interface PrintedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  source: Omit<SourceRef, 'row' | 'column' | 'table'>;
}

/** Caps that keep a hostile rowspan="100000" from allocating a huge grid. */
const MAX_SPAN = 1000;
const MAX_COLUMNS = 200;

interface Placed {
  row: number;
  start: number;
  end: number;
  rowSpan: number;
  cell: PrintedCell;
}

const FIGURE = /^[-+－]?[0-9０-９][0-9０-９,，.．]*%?$/;

export function buildGrid(printed: PrintedCell[][], tableNo: number): GridCell[][] {
  const placed = place(printed);
  const height = printed.length;
  const columns = columnMap(placed, height);
  const width = columns.count;
  const grid: (GridCell | undefined)[][] = Array.from({ length: height }, () => new Array<GridCell | undefined>(width));
  for (const p of placed) {
    const start = columns.at(p.start);
    const end = Math.max(start + 1, columns.at(p.end));
    let origin = true;
    for (let r = p.row; r < p.row + p.rowSpan; r++) {
      for (let c = start; c < end; c++) {
        if (grid[r][c]) continue; // overlapping spans (malformed markup): first one wins
        grid[r][c] = {
          text: origin ? p.cell.text : '',
          origin,
          rowSpan: origin ? p.rowSpan : 0,
          colSpan: origin ? end - start : 0,
          source: { ...p.cell.source, table: tableNo },
        };
        origin = false;
      }
    }
  }
  const full = grid.map((row) => {
    const last = row.reduce((m, cell, c) => (cell ? c : m), -1);
    return Array.from({ length: width }, (_, c) => row[c] ?? { ...emptyCell(tableNo), absent: c > last });
  });
  const collapsed = dropUnusedRows(full);
  collapsed.forEach((row, r) => row.forEach((cell, c) => {
    cell.source = { ...cell.source, table: tableNo, row: r + 1, column: c + 1 };
  }));
  return collapsed;
}

function emptyCell(tableNo: number): GridCell {
  return { text: '', origin: true, rowSpan: 1, colSpan: 1, source: { table: tableNo, quote: '' } };
}

function clampSpan(n: number, max: number): number {
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.max(1, Math.min(Math.floor(n), MAX_SPAN, max));
}

/** Places printed cells on the raw grid, skipping slots taken by rowspans from above (HTML's rule). */
function place(printed: PrintedCell[][]): Placed[] {
  const taken: boolean[][] = printed.map(() => []);
  const out: Placed[] = [];
  printed.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r][c]) c++;
      if (c >= MAX_COLUMNS) break;
      const rowSpan = clampSpan(cell.rowSpan, printed.length - r);
      const colSpan = clampSpan(cell.colSpan, MAX_COLUMNS - c);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr][c + dc] = true;
      out.push({ row: r, start: c, end: c + colSpan, rowSpan, cell });
      c += colSpan;
    }
  });
  return out;
}

/** Raw grid boundary → final column index. */
function columnMap(placed: Placed[], height: number): { at: (b: number) => number; count: number } {
  const rawWidth = maxOf(placed.map((p) => p.end), 0);
  const figureRows = new Set(placed.filter((p) => FIGURE.test(p.cell.text.trim())).map((p) => p.row));
  // Boundaries that matter: every start and end of a cell in a figure row; without figure rows, all.
  const used = new Set<number>([0, rawWidth]);
  for (const p of placed) {
    if (figureRows.size && !figureRows.has(p.row)) continue;
    used.add(p.start);
    used.add(p.end);
  }
  const bounds = [...used].sort((a, b) => a - b);
  const snap = (b: number) => {
    let best = bounds[0];
    for (const x of bounds) if (Math.abs(x - b) < Math.abs(best - b)) best = x; // ties: the left one
    return best;
  };
  // Snapping must not make two header cells of one row collide; if it would, keep the raw columns.
  const rowSpans = new Map<number, [number, number][]>();
  let clash = false;
  for (const p of placed) {
    const s = snap(p.start);
    const e = snap(p.end);
    if (s === e && p.cell.text.trim()) clash = true;
    for (let r = p.row; r < p.row + p.rowSpan && r < height; r++) {
      const list = rowSpans.get(r) ?? [];
      if (s < e && list.some(([a, b]) => s < b && a < e)) clash = true;
      list.push([s, e]);
      rowSpans.set(r, list);
    }
  }
  if (clash) {
    // Fall back: only drop grid lines that no cell starts at.
    const starts = [...new Set([0, rawWidth, ...placed.map((p) => p.start)])].sort((x, y) => x - y);
    const at = (b: number) => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1] <= b) i++;
      return i;
    };
    return { at, count: starts.length - 1 };
  }
  const pos = new Map(bounds.map((b, i) => [b, i]));
  return { at: (b) => pos.get(snap(b))!, count: bounds.length - 1 };
}

/** Removes rows in which no cell starts (Word's stray vMerge continuation rows). */
function dropUnusedRows(grid: GridCell[][]): GridCell[][] {
  const keep = grid.map((row, r) => r === 0 || row.some((cell) => cell.origin));
  if (keep.every(Boolean)) return grid;
  grid.forEach((row, r) => {
    if (keep[r]) return;
    const seen = new Set<GridCell>();
    row.forEach((_, c) => {
      const o = findOrigin(grid, r, c);
      if (o && !seen.has(o)) {
        seen.add(o);
        o.rowSpan--;
      }
    });
  });
  return grid.filter((_, r) => keep[r]);
}

function findOrigin(grid: GridCell[][], r: number, c: number): GridCell | undefined {
  for (let rr = r; rr >= 0; rr--) {
    for (let cc = c; cc >= 0; cc--) {
      const cell = grid[rr][cc];
      if (cell.origin && rr + cell.rowSpan > r && cc + cell.colSpan > c) return cell;
    }
  }
  return undefined;
}
