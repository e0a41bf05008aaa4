// Sentences broken by a page break. Text taken from a PDF or a paginated web page often splits a
// sentence over two paragraphs at a page boundary ("…诉讼案件2266件，完成年" / blank line /
// "度目标任务1600件的144.69%…"): the words of one statement are in two paragraphs. A rule reading
// statements joins such paragraphs back into one text; findings still point at the source, because
// the joined text maps each offset back to its own paragraph.

import type { Paragraph, Position, Range, ReportDocument } from '../../model';

/** The text of one or more paragraphs read as one, with offsets mapped back to the document. */
export interface JoinedParagraph {
  text: string;
  positionAt(index: number): Position;
  /** The document range of [start, end) of the joined text (an end at a seam stays in its part). */
  rangeOf(start: number, end: number): Range;
  range: Range;
  /** The paragraphs joined, in order. */
  parts: Paragraph[];
}

// A paragraph that ends inside a sentence: the last character is an ideograph or a digit, not a mark.
const OPEN_END = /[\u4e00-\u9fff0-9０-９]$/;
// The next one continues it: it begins with an ideograph (not an enumerator, a bracket or a digit).
const CONTINUES = /^[\u4e00-\u9fff]/;
/** Blank lines a page break leaves between the halves (more is a deliberate gap). */
const MAX_GAP = 3;
/** A shorter paragraph is a label or a title line, not the first half of a sentence. */
const MIN_LENGTH = 20;

function continues(doc: ReportDocument, a: Paragraph, b: Paragraph, headingLines: ReadonlySet<number>): boolean {
  if (b.runInOf || a.text.length < MIN_LENGTH || !OPEN_END.test(a.text) || !CONTINUES.test(b.text)) return false;
  const last = a.lines[a.lines.length - 1];
  const next = b.range.start.line;
  if (next - last - 1 > MAX_GAP || next <= last) return false;
  for (let l = last + 1; l < next; l++) if (headingLines.has(l) || (doc.lines[l] ?? '').trim() !== '') return false;
  return true;
}

function joined(parts: Paragraph[]): JoinedParagraph {
  const starts: number[] = [];
  let text = '';
  for (const p of parts) {
    starts.push(text.length);
    text += p.text;
  }
  const positionAt = (i: number): Position => {
    let k = parts.length - 1;
    while (k > 0 && starts[k] > i) k--;
    return parts[k].positionAt(i - starts[k]);
  };
  const rangeOf = (start: number, end: number): Range => {
    if (parts.length === 1 || end <= start) return { start: positionAt(start), end: positionAt(Math.max(start, end)) };
    // The end is one past the last character (a UTF-16 unit): map that unit and step over it, so an
    // end at a seam stays on the line of the part it ends.
    const last = positionAt(end - 1);
    return { start: positionAt(start), end: { line: last.line, character: last.character + 1 } };
  };
  const first = parts[0].range;
  const lastRange = parts[parts.length - 1].range;
  return { text, positionAt, rangeOf, range: { start: first.start, end: lastRange.end }, parts };
}

/** The document's paragraphs, with sentences broken by a page break joined back together. */
export function joinedParagraphs(doc: ReportDocument): JoinedParagraph[] {
  const headingLines = new Set(doc.headings.map((h) => h.line));
  const out: JoinedParagraph[] = [];
  let group: Paragraph[] = [];
  for (const p of doc.paragraphs) {
    if (group.length > 0 && continues(doc, group[group.length - 1], p, headingLines)) {
      group.push(p);
      continue;
    }
    if (group.length > 0) out.push(joined(group));
    group = [p];
  }
  if (group.length > 0) out.push(joined(group));
  return out;
}
