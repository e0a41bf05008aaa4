// The years a report names must be its own: the 统计期限 sentence names only the report year (or,
// when the period and the body agree on another year the body never contradicts, the title is off), and
// a sentence opening with last year ("2021年，本机关……") in a 2022 report is likely a leftover
// from last year's report.

import { findPeriodStatement } from '../facts/period';
import type { Rule } from './types';
import type { Paragraph } from '../model';
import { paragraphRange } from '../analysis/prose/ranges';
import { toHalfWidth } from '../text/normalize';
import { allMatches } from '../facts/all-matches';

// "2021年，" / "2021年全年" / "2021年度，" / "2021年全县……" / "2021年本局……" at the start of a
// sentence (not 2021年以来, 2021年12月, 2021年出台的…).
const OPENING_YEAR = /(?:^|[。！？；;!?])\s*((?:19|20)\d{2})\s*(?:年度?[，,]|年全年|年度?(?=(?:全|本|我)(?:县|市|区|镇|乡|街道|省|局|委|办|厅|机关|单位|部门)))/g;
const FULL_WIDTH_DIGIT = /[０-９]/;
// Sentences that compare with or look back at an earlier year name it legitimately.
// (So do sentences that set it against this year: "2022年全市收到申请212件，本年度收到236件".)
const LOOKS_BACK = /上年|上一年|去年|同比|比上年|较上年|相比|对比|以来|回顾|截至|截止|当年|整改|报告中|年度报告|指出|[增降][至到]|(?:增长|增加|减少|下降|上升)[至到]|本年|今年/;

/**
 * The body (every paragraph but the period's) writes `other` as a year and never `titleYear`: then
 * the title's year is the odd one out.
 */
function titleIsOff(paragraphs: readonly Paragraph[], period: Paragraph, titleYear: number, other: number): boolean {
  let seenOther = false;
  const title = new RegExp(`${titleYear}\\s*年`);
  const otherYear = new RegExp(`${other}\\s*年`);
  for (const p of paragraphs) {
    if (p === period) continue;
    const text = FULL_WIDTH_DIGIT.test(p.text) ? toHalfWidth(p.text) : p.text;
    if (title.test(text)) return false;
    seenOther ||= otherYear.test(text);
  }
  return seenOther;
}

export const rule: Rule = {
  meta: {
    id: 'year-consistency',
    title: '年份与报告年度不一致',
    titleEn: 'Year differs from the report year',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '统计期限一句中出现的年份都应是报告年度（标题中的年份）；一句中几处写错只报告一次，修复一并改正。' +
      '统计期限和正文都写另一年份、正文从未写标题年份时，错的是标题（多见于沿用上年文件），在标题年份处报告。另外，正文中以上一年开头的句子（如 2022 年报告中的“2021年，本机关……”“2021年全县……”）' +
      '可能是沿用上年报告未改的遗留，作为提示列出；“上年”、规划远景年份、文号〔2021〕等正当引用不提示。',
    basis: '由报告结构推得：标题年份 = 统计期限年份 = 报告年度',
  },
  check({ doc, facts, cache, report }) {
    const reportYear = facts.year;
    if (!reportYear) return;
    const period = findPeriodStatement(doc, cache);
    const wrong = period ? period.years.filter((y) => y.year !== reportYear.year) : [];
    if (period && wrong.length > 0) {
      const p = period.paragraph;
      const periodYear = wrong[0].year;
      const ranges = wrong.map((y) => paragraphRange(p, y.start, y.end));
      if (reportYear.source === 'title' && wrong.length === period.years.length && wrong.every((y) => y.year === periodYear) && titleIsOff(doc.paragraphs, p, reportYear.year, periodYear)) {
        // The period and the body all say another year, and the body never the title's: the
        // title is the one left over (a report started from last year's file).
        report({
          message: `标题写的是 ${reportYear.year} 年，统计期限和正文写的是 ${periodYear} 年，标题年份可能有误`,
          range: reportYear.range,
          related: ranges.map((range) => ({ range, message: `统计期限 ${periodYear} 年` })),
          fix: { title: `标题改为${periodYear}年`, edits: [{ range: reportYear.range, newText: String(periodYear) }] },
        });
      } else {
        // One finding for the period, however many of its years are off ("2019年1月1日至2019年12月31日").
        report({
          message: `统计期限中写的是 ${wrong.map((y) => y.year).filter((y, i, all) => all.indexOf(y) === i).join('、')} 年，报告年度为 ${reportYear.year} 年`,
          range: ranges[0],
          related: [{ range: reportYear.range, message: `报告年度 ${reportYear.year}` }, ...ranges.slice(1).map((range) => ({ range, message: '统计期限中的另一处年份' }))],
          fix: {
            title: `改为${reportYear.year}`,
            edits: ranges.map((range) => ({ range, newText: String(reportYear.year) })),
            preferred: reportYear.source === 'title',
          },
        });
      }
    }
    // Leftovers are only worth a note when the title states the year beyond doubt.
    if (reportYear.source !== 'title') return;
    // Only last year is reported: a paragraph that never writes it has nothing to look at.
    const lastYear = String(reportYear.year - 1);
    for (const p of doc.paragraphs) {
      // Only full-width digits matter to the year patterns (they accept both widths of punctuation),
      // so a paragraph without any is read as it is, without a converted copy.
      const text = FULL_WIDTH_DIGIT.test(p.text) ? toHalfWidth(p.text) : p.text;
      if (!text.includes(lastYear)) continue;
      for (const m of allMatches(OPENING_YEAR, text)) {
        const year = Number(m[1]);
        if (year !== reportYear.year - 1) continue;
        const start = m.index + m[0].indexOf(m[1]);
        if (period && p === period.paragraph && start >= period.start && start < period.end) continue;
        const sentenceEnd = text.slice(start).search(/[。！？!?]/);
        const sentence = text.slice(start, sentenceEnd < 0 ? text.length : start + sentenceEnd);
        if (LOOKS_BACK.test(sentence)) continue;
        const range = paragraphRange(p, start, start + 4);
        report({
          message: `此句以 ${year} 年开头，报告年度为 ${reportYear.year} 年；如写的是本年度工作，可能是沿用上年报告未改`,
          range,
          severity: 'info',
          related: [{ range: reportYear.range, message: `报告年度 ${reportYear.year}` }],
          fix: { title: `改为${reportYear.year}`, edits: [{ range, newText: String(reportYear.year) }] },
        });
      }
    }
  },
};
