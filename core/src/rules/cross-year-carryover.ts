// cross-year-carryover: 表三 二、上年结转政府信息公开申请数量 is, column by column, last year's
// 四、结转下年度继续办理 — the applications carried over are the same ones. Checked only when the
// previous year's report of the same agency is at hand and both tables were read reliably.

import type { Rule } from './types';
import { exactValue, placeText, previousData, relatedIn } from './cross-year-util';
import type { NationalTable } from '../facts/types';

/** Whether 一 + 二 = 三（七）+ 四 fails in this column (table-balance reports it there; one finding per mistake). */
function columnUnbalanced(table: NationalTable, col: string): boolean {
  const v = (row: string) => exactValue(table.rows.get(row)?.values.get(col));
  const [a, b, c, d] = [v('new'), v('carried'), v('total'), v('carry-over')];
  if (a === undefined || b === undefined || c === undefined || d === undefined) return false;
  return Math.abs(a + b - (c + d)) > 1e-9;
}

export const rule: Rule = {
  meta: {
    id: 'cross-year-carryover',
    title: '上年结转与上年报告不符',
    titleEn: 'Carried-over applications differ from last year’s report',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '同一机关上一年度的报告在手时（工作区中、命令行检查的文件夹中，或用 --previous 指定），表三“二、上年结转政府信息公开申请数量”每一列应等于上年报告表三“四、结转下年度继续办理”的同一列。' +
      '只比较两份报告中都确切读出的数；找不到上年报告、年份不相邻或表格数字无法确定时不作检查。本年表三该列自身的勾稽关系（一 + 二 = 三（七）+ 四）不成立时由“统计表勾稽关系”报告，此处不重复；' +
      '申请人各列已有不符时，总计列不再单独报告。',
    basis: '由报告格式推得：本年“上年结转”即上年“结转下年度继续办理”（参考资料 §4.1）',
  },
  check({ facts, previous, report }) {
    const last = previous?.carryOver;
    if (!previous || !last) return;
    const table = facts.nationalTables.find((t) => t.spec.id.endsWith('-requests'));
    const carried = table?.rows.get('carried');
    if (!table || !carried) return;
    const label = (col: string) => table.spec.columns.find((c) => c.id === col)?.label ?? col;
    const wrong: string[] = [];
    for (const [col, cell] of carried.values) {
      const was = last[col];
      const here = exactValue(cell);
      if (!was || here === undefined || Math.abs(here - was.value) < 1e-9 || columnUnbalanced(table, col)) continue;
      wrong.push(col);
    }
    // A wrong applicant column makes the 总计 differ too: the column is the mistake.
    const reported = wrong.length > 1 ? wrong.filter((c) => c !== 'total') : wrong;
    for (const col of reported) {
      const cell = carried.values.get(col)!;
      const was = last[col];
      report({
        message: `二、上年结转（${label(col)}）应为${placeText(previous, was)}四、结转下年度继续办理 的 ${was.raw}，此处为 ${cell.text}`,
        range: cell.range,
        related: [relatedIn(previous, was, `四、结转下年度继续办理（${label(col)}）`)],
        data: { column: col, expected: was.value, written: exactValue(cell), ...previousData(previous, was) },
      });
    }
  },
};
