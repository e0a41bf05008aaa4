// The markup → what an exported document prints: the title, headings (run-in ones with their body),
// paragraphs and tables with merged cells. The same parser as the checker reads the markup, so the
// export shows exactly the document the checker saw.
//
// Merged cells are inferred from the empty cells the markup convention leaves (docs/markup.md §4.2):
// in the header rows an empty cell continues the cell above when the whole stretch under that cell
// is empty (the 3×3 勾稽 note, 自然人, 总计, 行政复议), else the cell to its left (申请人情况,
// 法人或其他组织); in the figure rows a leading empty label continues the label above (三、本年度办理结果,
// （三）不予公开), an empty label after a label continues it (一、本年新收…), and a row of at most two
// texts spreads its last one to the end (第二十条第（五）项, 行政许可 | 862). Only empty cells are ever
// merged, so every cell's text stays where it was.

import { parse } from '../parse/parser';
import { maxOf } from './blocks';
import type { Paragraph, ReportDocument, Table } from '../model';

export interface ExportCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** False for slots covered by a merged cell. */
  origin: boolean;
  header: boolean;
  figure: boolean;
  /** Beyond the end of a short row: not written at all. */
  absent: boolean;
}

export type ExportItem =
  | { kind: 'heading'; level: number; text: string; body?: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; rows: ExportCell[][]; widths: number[]; line: number };

export interface ExportDocument {
  title?: { text: string; line: number };
  items: ExportItem[];
}

const FIGURE = /^[-+－]?[0-9０-９][0-9０-９,，.．]*%?$|^[—－/-]+$/;

export function exportModel(markup: string, doc: ReportDocument = parse(markup)): ExportDocument {
  const items: ExportItem[] = [];
  const runIn = new Map<number, Paragraph>();
  for (const p of doc.paragraphs) if (p.runInOf) runIn.set(p.runInOf.line, p);
  for (const h of doc.headings) {
    const line = doc.lines[h.line];
    const body = runIn.get(h.line);
    const end = body ? body.range.start.character : line.length;
    // Comments (directives, test markers) are not printed.
    const text = line.slice(h.range.start.character, end).replace(/<!--.*?(?:-->|$)/g, '').replace(/\s+#+\s*$/, '').trim();
    items.push({ kind: 'heading', level: h.level, text, body: body?.text, line: h.line });
  }
  for (const p of doc.paragraphs) if (!p.runInOf) items.push({ kind: 'paragraph', text: p.text, line: p.range.start.line });
  for (const t of doc.tables) items.push(exportTable(t));
  items.sort((a, b) => a.line - b.line);
  return { title: doc.title && { text: doc.title.text, line: doc.title.line }, items };
}

function exportTable(t: Table): ExportItem {
  const texts = t.rows.map((r) => r.cells.map((c) => c.text));
  const width = maxOf(texts.map((r) => r.length), 1);
  const grid = texts.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  const firstFigureRow = grid.findIndex((r) => r.some((x) => FIGURE.test(x)));
  const headerRows = firstFigureRow < 0 ? 0 : firstFigureRow;
  const cells: ExportCell[][] = grid.map((r, ri) =>
    r.map((text, ci) => ({ text, rowSpan: 1, colSpan: 1, origin: true, header: ri < headerRows, figure: FIGURE.test(text), absent: ci >= texts[ri].length })),
  );
  /** The origin covering (r, c), if any. */
  const owner: ({ r: number; c: number } | undefined)[][] = grid.map((r, ri) => r.map((_, ci) => ({ r: ri, c: ci })));
  const cover = (r: number, c: number, o: { r: number; c: number }) => {
    const oc = cells[o.r][o.c];
    cells[r][c].origin = false;
    owner[r][c] = o;
    oc.rowSpan = Math.max(oc.rowSpan, r - o.r + 1);
    oc.colSpan = Math.max(oc.colSpan, c - o.c + 1);
  };
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    const isHeader = r < headerRows;
    if (isHeader && r > 0) {
      // Extend a cell of the row above down when everything under it is empty.
      for (let c = 0; c < width; c++) {
        const o = owner[r - 1][c];
        if (!o || o.c !== c || row[c] !== '' || !cells[r][c].origin) continue;
        const span = cells[o.r][o.c];
        if (o.r + span.rowSpan !== r) continue; // not a cell whose bottom is the row above
        if (!cells[o.r][o.c].text) continue;
        const cols = Array.from({ length: span.colSpan }, (_, k) => c + k);
        if (cols.every((k) => row[k] === '' && cells[r][k].origin)) for (const k of cols) cover(r, k, o);
      }
    }
    if (isHeader) {
      for (let c = 1; c < width; c++) {
        if (row[c] !== '' || !cells[r][c].origin) continue;
        const left = owner[r][c - 1];
        if (left && left.r === r && cells[left.r][left.c].text) cover(r, c, left);
      }
      continue;
    }
    // Figure rows (and caption rows among them).
    const firstFigure = row.findIndex((x) => FIGURE.test(x));
    const labelEnd = firstFigure < 0 ? width : firstFigure;
    const filled = row.map((x, i) => (x !== '' ? i : -1)).filter((i) => i >= 0);
    const firstText = filled[0] ?? width;
    for (let c = 0; c < Math.min(labelEnd, firstText); c++) {
      // Leading empty label: continues the label above, if the row above is a figure row with a label there.
      if (r === 0 || r - 1 < headerRows) break;
      const above = owner[r - 1][c];
      if (!above || !cells[above.r][above.c].text || FIGURE.test(cells[above.r][above.c].text)) break;
      if (above.c !== c) break;
      cover(r, c, above);
    }
    for (let c = firstText + 1; c < labelEnd; c++) {
      if (row[c] !== '') continue;
      const left = owner[r][c - 1];
      if (left && left.r === r && !FIGURE.test(cells[left.r][left.c].text)) cover(r, c, left);
    }
    if (filled.length > 0 && filled.length <= 2) {
      const last = filled[filled.length - 1];
      const o = owner[r][last];
      if (o && o.r === r) for (let c = last + 1; c < width; c++) if (row[c] === '' && cells[r][c].origin && !cells[r][c].absent) cover(r, c, o);
    }
  }
  return { kind: 'table', rows: cells, widths: columnWidths(cells, width), line: t.startLine };
}

/** Display width in half-width units (a Chinese character counts two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Relative column widths (half-width characters). A figure column is as wide as its widest figure
 * or a short header word (a longer header wraps); a label column as its longest label, up to a cap,
 * so that the label columns of the 申请 table do not squeeze its seven figure columns.
 */
function columnWidths(cells: ExportCell[][], width: number): number[] {
  const figureColumn = Array.from({ length: width }, (_, c) => cells.some((row) => !row[c].header && row[c].origin && row[c].figure));
  const labelCap = width > 10 ? 14 : 20;
  return Array.from({ length: width }, (_, c) => {
    let w = figureColumn[c] ? 7 : 6;
    for (const row of cells) {
      const cell = row[c];
      if (!cell.origin || cell.colSpan !== 1 || !cell.text) continue;
      const t = displayWidth(cell.text);
      if (figureColumn[c]) w = Math.max(w, cell.figure ? t + 2 : Math.min(t, 8));
      else w = Math.max(w, Math.min(t, labelCap));
    }
    return w;
  });
}
