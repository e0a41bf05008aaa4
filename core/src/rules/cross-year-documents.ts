// cross-year-documents: 表二 现行有效件数 of 规章 and 行政规范性文件 continues last year's: last
// year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数. Checked only when the previous year's
// report of the same agency is at hand and gives the figure (the 2021 format's table). A hint only:
// documents also lapse or are revised without being 废止 (有效期届满自动失效), which the table does not
// count, so a difference asks to be checked and proves nothing.

import type { Rule } from './types';
import { exactValue, placeText, previousData, relatedIn } from './cross-year-util';

const ROWS = [
  { id: 'regulations', name: '规章' },
  { id: 'normative', name: '行政规范性文件' },
] as const;

export const rule: Rule = {
  meta: {
    id: 'cross-year-documents',
    title: '现行有效件数与上年报告不符',
    titleEn: 'Documents in force do not follow from last year’s report',
    category: 'consistency',
    defaultSeverity: 'info',
    fixable: false,
    description:
      '同一机关上一年度的报告在手时，表二“规章”和“行政规范性文件”的现行有效件数应等于：上年报告的现行有效件数 + 本年制发件数 − 本年废止件数。' +
      '只比较两份报告中都确切读出的数；找不到上年报告、年份不相邻或表格数字无法确定时不作检查。' +
      '文件也会因有效期届满自动失效或被修订而不计入“废止”，差额未必是错，因此只作提示。',
    basis: '由报告格式推得：现行有效件数逐年延续（国办公开办函〔2021〕30号 表二）',
  },
  check({ facts, previous, report }) {
    const last = previous?.valid;
    if (!previous || !last) return;
    const table = facts.nationalTables.find((t) => t.spec.id.endsWith('-proactive'));
    if (!table) return;
    for (const { id, name } of ROWS) {
      const was = last[id];
      const row = table.rows.get(id);
      if (!was || !row) continue;
      const cell = row.values.get('valid');
      const valid = exactValue(cell);
      const issued = exactValue(row.values.get('issued'));
      const repealed = exactValue(row.values.get('repealed'));
      if (!cell || valid === undefined || issued === undefined || repealed === undefined) continue;
      const expected = was.value + issued - repealed;
      if (Math.abs(expected - valid) < 1e-9) continue;
      report({
        message:
          `${name}现行有效件数应为${placeText(previous, was)}的现行有效件数 ${was.raw} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，此处为 ${cell.text}`,
        range: cell.range,
        related: [relatedIn(previous, was, `${name}现行有效件数`)],
        data: { row: id, expected, written: valid, previousValid: was.value, issued, repealed, ...previousData(previous, was) },
      });
    }
  },
};
