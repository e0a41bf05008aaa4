// cross-year-cumulative: in a pre-2019 统计表 with a 历年累计 column (指标名称 | 计量单位 | 2018年度 |
// 历年累计), each row's 累计 is last year's 累计 plus this year's figure. Rows of the two years are
// matched by label; only tables that kept their cell borders in both reports are read.

import type { Rule } from './types';
import { cumulativeMismatches } from '../crossyear/cumulative';
import { exactValue, placeText, previousData, relatedIn } from './cross-year-util';

export const rule: Rule = {
  meta: {
    id: 'cross-year-cumulative',
    title: '历年累计与上年报告不符',
    titleEn: 'Cumulative figure does not follow from last year’s report',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '2019 年以前的统计表常有“历年累计”一列。同一机关上一年度的报告在手时，每一行的历年累计应等于上年报告同一行的历年累计加本年数。' +
      '两年的行按指标名称对应，名称在表中重复的行不比较；只读取保留了表格边框的表（网页复制成一串数字的表不作检查）。' +
      '比较的各行全都不符时，两年的累计口径可能不同（起算年份不同），不作提示。',
    basis: '由统计表结构推得：历年累计 = 上年累计 + 本年数（参考资料 §3.2、§3.3）',
  },
  check({ doc, previous, recovered, report }) {
    if (!previous?.cumulative || recovered) return;
    for (const table of doc.tables) {
      for (const { row: r, was, year, expected } of cumulativeMismatches(table, previous)) {
        report({
          message: `“${r.label}”的历年累计应为${placeText(previous, was.cumulative)}的历年累计 ${was.cumulative.raw} + 本年 ${year} = ${expected}，此处为 ${r.cumulative.text}`,
          range: r.cumulative.range,
          related: [relatedIn(previous, was.cumulative, `“${was.label}”历年累计`)],
          data: { row: r.key, expected, written: exactValue(r.cumulative), ...previousData(previous, was.cumulative) },
        });
      }
    }
  },
};
