// The 统计期限 sentence ("本报告所列数据统计期限为2022年1月1日至12月31日。"): where it is, the dates
// it names and every year it mentions. Shared by the report-year finder and the period/year rules.

import type { Paragraph, ReportDocument } from '../model';
import { toHalfWidth } from '../text/normalize';
import { allMatches } from './all-matches';
import { parenDepths } from '../analysis/prose/tokens';
import { CheckCache, memoKey } from '../check-cache';

export interface PeriodDate {
  year?: number;
  month: number;
  day: number;
  /** Offsets in the paragraph text: the whole date, and its year digits when written. */
  start: number;
  end: number;
  yearStart?: number;
  yearEnd?: number;
}

export interface PeriodYear {
  year: number;
  start: number;
  end: number;
}

export interface PeriodStatement {
  paragraph: Paragraph;
  /** The sentence, as offsets in the paragraph text (from the keyword to the closing 。). */
  start: number;
  end: number;
  keywordStart: number;
  keywordEnd: number;
  /** Dates in order of writing (the first is the start, the second the end of the period). */
  dates: PeriodDate[];
  /** Every four-digit year of the period as written (up to its end date, outside brackets), in order. */
  years: PeriodYear[];
}

const KEYWORD = /统计(?:期限|时间|时限|区间|周期|起止时间|截止时间|日期)/;
const DATE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const YEAR = /(?<!\d)(\d{4})(?=\s*年)/g;

/**
 * The document's 统计期限 sentence: the first one that names a span (two dates, or 至/到/起), else
 * the first mention at all — a table note "统计时间截至12月31日" is not the report's period.
 */
export function findPeriodStatement(doc: ReportDocument, cache: CheckCache = new CheckCache()): PeriodStatement | undefined {
  // Asked by the report-year finder and two rules; the answer depends on the document alone.
  return cache.get(STATEMENT, doc) ?? undefined;
}

const STATEMENT = memoKey('period statement', (doc: ReportDocument) => searchPeriodStatement(doc) ?? null);

function searchPeriodStatement(doc: ReportDocument): PeriodStatement | undefined {
  let first: PeriodStatement | undefined;
  let scanned = 0;
  for (const paragraph of doc.paragraphs) {
    const found = readStatement(paragraph);
    if (!found) continue;
    if (found.dates.length >= 2 || /[至到起]/.test(paragraph.text.slice(found.start, found.end))) return found;
    first ??= found;
    if (++scanned >= 20) break;
  }
  return first;
}

/** True when the sentence names only the end of the period ("统计时间截至2022年12月31日"). */
export function namesEndOnly(s: PeriodStatement): boolean {
  return s.dates.length === 1 && /截至|截止/.test(s.paragraph.text.slice(s.start, s.end));
}

function readStatement(paragraph: Paragraph): PeriodStatement | undefined {
  const m = KEYWORD.exec(paragraph.text);
  if (!m) return undefined;
  const text = toHalfWidth(paragraph.text); // same length: offsets stay valid
  const stop = text.slice(m.index, m.index + 400).search(/[。;；]/);
  const end = stop < 0 ? Math.min(text.length, m.index + 400) : m.index + stop + 1;
  const sentence = text.slice(m.index, end);
  const dates: PeriodDate[] = [];
  for (const d of allMatches(DATE, sentence)) {
    const start = m.index + d.index;
    const date: PeriodDate = { month: Number(d[2]), day: Number(d[3]), start, end: start + d[0].length };
    if (d[1]) {
      date.year = Number(d[1]);
      date.yearStart = start;
      date.yearEnd = start + 4;
    }
    dates.push(date);
  }
  // The years of the period itself: up to its end date, outside brackets. What the sentence goes on
  // to say (…至2023年12月31日，本报告于2024年1月31日前公开; （2022年12月受理的计入上年结转）) names
  // other dates legitimately.
  const spanEnd = dates.length >= 2 ? dates[1].end - m.index : sentence.length;
  const depths = parenDepths(sentence);
  const years: PeriodYear[] = [];
  for (const y of allMatches(YEAR, sentence)) {
    if (y.index >= spanEnd || depths[y.index] > 0) continue;
    const start = m.index + y.index;
    years.push({ year: Number(y[1]), start, end: start + 4 });
  }
  return { paragraph, start: m.index, end, keywordStart: m.index, keywordEnd: m.index + m[0].length, dates, years };
}

