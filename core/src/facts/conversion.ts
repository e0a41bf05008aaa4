// Signs that a text came out of a PDF converter rather than from its author: page numbers left
// between the lines (— 3 —, 第 3 页 共 6 页). Such a text's tables and headings are often broken by
// the conversion itself (a row split in two, a heading merged with a table label), so the checks of
// table layout and heading numbers cannot tell the author's slips from the converter's.

import type { Range, ReportDocument } from '../model';
import { lineRange } from '../model';

export interface ConversionTrace {
  kind: 'pdf';
  /** The page-number lines, in order. */
  pageMarks: Range[];
}

const PAGE_MARK = /^\s*(?:[-—–－~～]\s*(\d{1,3})\s*[-—–－~～]|第\s*(\d{1,3})\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/** Page-number lines counting up (at least two of them), or undefined. */
export function findConversionTrace(doc: ReportDocument): ConversionTrace | undefined {
  const marks: Range[] = [];
  let last = 0;
  for (let l = 0; l < doc.lines.length; l++) {
    const line = doc.lines[l];
    if (line.length > 20) continue;
    const m = PAGE_MARK.exec(line);
    if (!m) continue;
    const n = Number(m[1] ?? m[2]);
    if (n <= last) continue;
    last = n;
    marks.push(lineRange(l, 0, line.length));
  }
  return marks.length >= 2 ? { kind: 'pdf', pageMarks: marks } : undefined;
}
