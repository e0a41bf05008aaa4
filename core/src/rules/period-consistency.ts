// The 统计期限 of an annual report is the calendar year: 该年1月1日至12月31日.

import type { Paragraph, Range } from '../model';
import { findPeriodStatement, namesEndOnly, type PeriodDate } from '../facts/period';
import type { Rule } from './types';
import { paragraphRange } from '../analysis/prose/ranges';

/** The month-and-day part of a date (after "2022年"), where a wrong day is fixed. */
function monthDayRange(p: Paragraph, d: PeriodDate): Range {
  let start = d.start;
  if (d.yearEnd !== undefined) {
    start = p.text.indexOf('年', d.yearEnd) + 1;
    while (/\s/.test(p.text[start] ?? '')) start++;
  }
  return paragraphRange(p, start, d.end);
}

export const rule: Rule = {
  meta: {
    id: 'period-consistency',
    title: '统计期限不是完整年度',
    titleEn: 'Statistics period is not the calendar year',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '年度报告的统计期限应为报告年度的1月1日至12月31日（如“本报告所列数据统计期限为2022年1月1日至12月31日”）。' +
      '检查起止日期是否为1月1日和12月31日、起止年份是否一致；年度报告中找不到统计期限的表述时给出提示。' +
      '年份与报告年度是否一致由 year-consistency 检查。',
    basis: '实践惯例：各级年度报告均以自然年为统计期限（参考资料 §6.3）',
  },
  check({ doc, profile, facts, cache, report }) {
    const period = findPeriodStatement(doc, cache);
    if (!period) {
      if (profile.annualReport && doc.title?.isAnnualReport) {
        report({
          message: '未找到统计期限的表述；年度报告通常写明“本报告所列数据统计期限为××××年1月1日至12月31日”',
          range: doc.title.range,
          severity: 'info',
        });
      }
      return;
    }
    const p = period.paragraph;
    // The end must be 12月31日, whether the sentence names only the end or the whole span.
    const checkEnd = (end: PeriodDate) => {
      if (end.month === 12 && end.day === 31) return;
      const range = monthDayRange(p, end);
      report({
        message: `统计期限截止日写作“${end.month}月${end.day}日”，年度报告应截至12月31日`,
        range,
        fix: { title: '改为12月31日', edits: [{ range, newText: '12月31日' }] },
      });
    };
    if (namesEndOnly(period)) {
      // "统计时间截至2022年12月31日": only the end is named.
      checkEnd(period.dates[0]);
      return;
    }
    const [from, to] = period.dates;
    if (!from) return; // no dates at all: "统计期限为2022年度", or empty slots the placeholder rule reports
    if (from.month !== 1 || from.day !== 1) {
      const range = monthDayRange(p, from);
      report({
        message: `统计期限起始日写作“${from.month}月${from.day}日”，年度报告应从1月1日起算`,
        range,
        fix: { title: '改为1月1日', edits: [{ range, newText: '1月1日' }] },
      });
    }
    if (!to) {
      report({
        message: '统计期限只写了起始日，缺少截止日期（应至12月31日）',
        range: paragraphRange(p, from.start, from.end),
      });
      return;
    }
    checkEnd(to);
    // Start and end in different years; when the title names the year, year-consistency reports it.
    if (
      facts.year?.source !== 'title' &&
      from.year !== undefined &&
      to.year !== undefined &&
      to.year !== from.year &&
      to.yearStart !== undefined &&
      to.yearEnd !== undefined
    ) {
      const range = paragraphRange(p, to.yearStart, to.yearEnd);
      report({
        message: `统计期限跨年：起于${from.year}年，止于${to.year}年；年度报告的起止应在同一年`,
        range,
        related: [{ range: paragraphRange(p, from.yearStart!, from.yearEnd!), message: `起始年份 ${from.year}` }],
        fix: { title: `改为${from.year}`, edits: [{ range, newText: String(from.year) }] },
      });
    }
  },
};
