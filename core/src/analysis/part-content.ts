// What a statutory part holds of its own: the lines from its heading to the next part heading (or
// the end of its section), and whether any of them is text or a table. Comments are masked by the
// parser, so the guidance comments of the skeleton are not content; sub-headings alone are not
// either (the skeleton's 总体情况 has five of them and nothing under them).

import type { ReportDocument } from '../model';
import type { PartMatch } from '../facts/types';

/** First and last line of the part (the heading line included). */
export function partLines(doc: ReportDocument, m: PartMatch, parts: readonly PartMatch[]): { start: number; end: number } {
  const start = m.heading.line;
  let nextPart = Infinity;
  for (const p of parts) if (p.heading.line > start && p.heading.line < nextPart) nextPart = p.heading.line;
  const sectionEnd = m.section.range.end.line >= start ? m.section.range.end.line : doc.lines.length - 1;
  const end = Math.min(nextPart !== Infinity ? nextPart - 1 : doc.lines.length - 1, Math.max(sectionEnd, start));
  return { start, end };
}

/**
 * A heading "title" that is really text: long, holding a figure, or a sentence (a comma inside it,
 * or a ；/。 closing it). Text whose line breaks were lost runs a sub-heading on into its sentences
 * (（一）主动公开的数量全年主动公开政府信息318条……); a part written as numbered items is text too
 * ("1.政策解读形式单一，图解和视频解读偏少；").
 */
const RUN_ON_TITLE = 20;
const isRunOn = (title: string) => title.length > RUN_ON_TITLE || /[0-9０-９]/.test(title) || /[，,；;]|[。.]$/.test(title.trim());

/** True when the part has text (a run-in body counts) or a table of its own. */
export function partHasContent(doc: ReportDocument, m: PartMatch, parts: readonly PartMatch[]): boolean {
  const { start, end } = partLines(doc, m, parts);
  const within = (line: number) => line >= start && line <= end;
  if (doc.tables.some((t) => within(t.startLine))) return true;
  if (doc.paragraphs.some((p) => within(p.range.start.line) && p.text.trim() !== '')) return true;
  return doc.headings.some((h) => h.line > start && within(h.line) && isRunOn(h.title));
}
