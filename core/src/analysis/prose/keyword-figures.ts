// Figures tied to a keyword in running text — "受理政府信息公开申请 1295 件", "办结 1191 件",
// "主动公开政府信息 2122 条" — for the rules that compare what the prose says with itself or with
// a table. A figure belongs to the keyword only when it follows in the same clause after a few
// words at most, none of which names something else (咨询、信访、行政许可 …).

import type { Heading, Paragraph, ReportDocument } from '../../model';
import { allMatches } from '../../facts/all-matches';
import { numbersIn, type ProseNumber } from './tokens';

export interface KeywordFigure {
  keyword: string;
  /** Offset of the keyword in the paragraph's text. */
  at: number;
  number: ProseNumber;
}

// Between the keyword and its figure: a few words, no clause mark, no other figure, no bracket.
const WINDOW = /^[^，,；;。：:！？\d０-９（(]{0,16}$/;
// Words that make the figure a count of something other than information-disclosure applications
// or items.
export const OTHER_MATTERS =
  /其中|较|同比|比上年|增|减|平均|人次|累计|历年|以来|咨询|信访|来信|来电|来访|投诉|举报|热线|留言|诉求|工单|事项|案卷|案件|建议|提案|许可|审批|服务|办件|执法|处罚|复议|诉讼|网民|来帖/;
/** The same for figures of 行政复议 / 行政诉讼 cases, which may be called 案件. */
export const OTHER_THAN_CASES = /其中|较|同比|比上年|增|减|平均|累计|历年|以来|信访|投诉|举报|许可|审批|处罚|执法/;

/**
 * The first exact figure after each match of `keywords` (a global regex) within its sentence, when
 * the words between pass the window and name nothing else.
 */
export function keywordFigures(
  text: string,
  keywords: RegExp,
  nums: readonly ProseNumber[],
  units: ReadonlySet<string>,
  sentenceEnd: (at: number) => number,
  reject: RegExp = OTHER_MATTERS,
): KeywordFigure[] {
  const out: KeywordFigure[] = [];
  for (const m of allMatches(keywords, text)) {
    const at = m.index;
    const kEnd = at + m[0].length;
    const end = Math.min(sentenceEnd(at), kEnd + 40);
    const next = numbersIn(nums, kEnd, end).find((n) => !n.isDateLike);
    if (!next || next.kind !== 'exact' || next.value === null || next.depth !== 0 || !next.unit || !units.has(next.unit)) continue;
    const between = text.slice(kEnd, next.start);
    if (!WINDOW.test(between) || reject.test(between)) continue;
    out.push({ keyword: m[0], at, number: next });
  }
  return out;
}

/** The nearest heading above a paragraph (its own run-in heading first). */
export function headingAbove(doc: ReportDocument, p: Paragraph): Heading | undefined {
  if (p.runInOf) return p.runInOf;
  const line = p.range.start.line;
  let lo = 0;
  let hi = doc.headings.length - 1;
  let found: Heading | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.headings[mid].line <= line) {
      found = doc.headings[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** For sentences as [start, end) pairs: the end of the sentence holding an offset (binary search). */
export function sentenceEndOf(sents: ReadonlyArray<readonly [number, number]>, textLength: number): (at: number) => number {
  return (at) => {
    const i = sentenceIndexOf(sents, at);
    return i < sents.length ? sents[i][1] : textLength;
  };
}

/** The index of the sentence holding an offset (the last one when past the end). */
export function sentenceIndexOf(sents: ReadonlyArray<readonly [number, number]>, at: number): number {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sents[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}
