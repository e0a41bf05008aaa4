// Helpers shared by the structure rules (parts, heading numbering): labels, whole-line ranges,
// and the number a statutory part should carry.

import { lineRange, type Heading, type Range, type ReportDocument } from '../model';
import { chineseNumeral } from '../text/numerals';
import type { PartMatch } from '../facts/types';
import type { Profile } from '../profiles/types';

/** The line break the document uses (so inserted text does not mix \n into a \r\n file). */
export function eolOf(doc: ReportDocument): string {
  return doc.eols.find((e) => e !== '') ?? '\n';
}

/** The whole of one line (empty past the last line). */
export function wholeLineRange(doc: ReportDocument, line: number): Range {
  return lineRange(line, 0, doc.lines[line]?.length ?? 0);
}

/** The enumerator and title as written, e.g. 「三、收到和处理政府信息公开申请情况」. */
export function headingLabel(h: Heading): string {
  // 第六部分 其他需要报告的事项 keeps its space; 六、 needs none.
  return h.enumerator.endsWith('部分') ? `${h.enumerator} ${h.title}` : `${h.enumerator}${h.title}`;
}

/** Parts found once (duplicates excluded), in document order. */
export function distinctParts(parts: readonly PartMatch[]): PartMatch[] {
  return parts.filter((m) => !m.duplicateOf);
}

/**
 * The number part `specIndex` should carry: its place among the required parts and the optional
 * parts the draft actually has (an absent optional part does not leave a gap in the numbering).
 */
export function statutoryNumber(profile: Profile, present: ReadonlySet<number>, specIndex: number): number {
  let n = 1;
  for (let j = 0; j < specIndex; j++) if (!profile.parts[j].optional || present.has(j)) n++;
  return n;
}

/** Range of the numeral inside an enumerator (the 三 of 「三、」, the 12 of 「12.」). */
export function numeralRange(h: Heading): Range | undefined {
  const m = /[一二三四五六七八九十百零〇]+|\d+|[０-９]+/.exec(h.enumerator);
  if (!m) return undefined;
  const line = h.enumeratorRange.start.line;
  const start = h.enumeratorRange.start.character + m.index;
  return { start: { line, character: start }, end: { line, character: start + m[0].length } };
}

/** The numeral of `n` in the style of heading `h` (Chinese for 一、 and （一）, Arabic otherwise). */
export function numeralFor(h: Heading, n: number): string {
  return h.style === 'cn' || h.style === 'paren-cn' || h.style === 'paren-cn-half' ? chineseNumeral(n) : String(n);
}
