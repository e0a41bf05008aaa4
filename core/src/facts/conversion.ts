// Signs that a text came out of a PDF converter rather than from its author: page numbers left
// between the lines (— 3 —, 第 3 页 共 6 页). Such a text's tables and headings are often broken by
// the conversion itself (a row split in two, a heading merged with a table label), so the checks of
// table layout and heading numbers cannot tell the author's slips from the converter's.

import type { Range, ReportDocument } from '../model';
import { lineRange } from '../model';

export type ConversionTrace =
  | {
      kind: 'pdf';
      /** The page-number lines, in order. */
      pageMarks: Range[];
    }
  | {
      /** Table cells one per line: a table copied or extracted (pdftotext) without its layout. */
      kind: 'cells';
      /** The lines that hold one figure and nothing else. */
      cellLines: Range[];
    };

const TRAILING_COMMENT = /\s*<!--.*?-->\s*$/;

/** A line that is one figure and nothing else (0, 12, 3.5). */
const FIGURE_LINE = /^\s*[0-9０-９]{1,7}(?:[.．][0-9０-９]{1,4})?\s*$/;
/** So many such lines, and this share of the non-blank lines, are a table taken apart cell by cell. */
const MIN_CELL_LINES = 40;
const MIN_CELL_SHARE = 0.15;

const PAGE_MARK = /^\s*(?:[-—–－~～]\s*(\d{1,3})\s*[-—–－~～]|第\s*(\d{1,3})\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/** Page-number lines counting up (at least two of them), or undefined. */
export function findConversionTrace(doc: ReportDocument): ConversionTrace | undefined {
  const marks: Range[] = [];
  let last = 0;
  for (let l = 0; l < doc.lines.length; l++) {
    // A comment at the end (a directive, a test's marker) leaves it a page-number line.
    const raw = doc.lines[l];
    // A page number is a short line; with a comment at its end (a directive, a test's marker) it
    // is one once the comment is taken off (the pattern only ever runs on short lines that hold one).
    if (raw.length > 20 && (raw.length > 200 || !raw.includes('<!--'))) continue;
    const line = raw.length > 20 ? raw.replace(TRAILING_COMMENT, '') : raw;
    if (line.length > 20) continue;
    const m = PAGE_MARK.exec(line);
    if (!m) continue;
    const n = Number(m[1] ?? m[2]);
    if (n <= last) continue;
    last = n;
    marks.push(lineRange(l, 0, line.length));
  }
  if (marks.length >= 2) return { kind: 'pdf', pageMarks: marks };
  return cellsPerLine(doc);
}

function cellsPerLine(doc: ReportDocument): ConversionTrace | undefined {
  const cells: Range[] = [];
  let nonBlank = 0;
  for (let l = 0; l < doc.lines.length; l++) {
    const line = doc.lines[l];
    if (line.trim() === '') continue;
    nonBlank++;
    if (line.length <= 16 && FIGURE_LINE.test(line)) cells.push(lineRange(l, 0, line.length));
  }
  return cells.length >= MIN_CELL_LINES && cells.length >= nonBlank * MIN_CELL_SHARE ? { kind: 'cells', cellLines: cells } : undefined;
}
