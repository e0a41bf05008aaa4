// table-balance: the sums a national table must satisfy (SumCheck data of the profile's tables):
// part 三 一 + 二 = 三（七）+ 四 per column (printed in the format), 总计 = the applicant columns per
// row, 三（七） = every result row, filled group rows = their sub-rows; part 四 总计 = its four results.

import type { Cell } from '../model';
import type { NationalTable } from '../facts/types';
import type { SumCheck } from '../profiles/types';
import type { Rule } from './types';
import { decimalsOf, differenceText, formatAmount, sameAmount, sideText, sumOf, termOf, type Term } from './table-arith';

export interface SumOutcome {
  check: SumCheck;
  /** Where the sum sits: 第 4 列（社会公益组织）, 「（三）1」行, 行政复议. */
  where: string;
  left: Term[];
  right: Term[];
  decimals: number;
  /** The single total cell, when one side is exactly one cell and the other a sum. */
  total?: { side: 'left' | 'right'; term: Term };
}

/** Evaluates every SumCheck of a national table; sums with an unreadable or missing cell are skipped. */
export function evaluateChecks(table: NationalTable): SumOutcome[] {
  const out: SumOutcome[] = [];
  const spec = table.spec;
  // Names and column positions are asked for every cell of every sum: looked up once each.
  const rowNames = new Map<string, string>();
  const rowName = (id: string) => {
    let name = rowNames.get(id);
    if (name === undefined) {
      const r = table.rows.get(id)?.spec ?? spec.rows.find((x) => x.id === id);
      name = r?.short || r?.label || id;
      rowNames.set(id, name);
    }
    return name;
  };
  const colNames = new Map<string, string>();
  const colName = (id: string) => {
    let name = colNames.get(id);
    if (name === undefined) {
      const c = spec.columns.find((x) => x.id === id);
      name = c?.short || c?.label || id;
      colNames.set(id, name);
    }
    return name;
  };
  const cellAt = (rowId: string, colId: string): Cell | undefined => {
    const found = table.rows.get(rowId);
    if (!found) return undefined;
    if (found.spec.columns && !found.spec.columns.includes(colId)) return undefined;
    return found.values.get(colId);
  };
  /** The terms of one side: rows `ids` of column `fixed`, or (by row) columns `ids` of row `fixed`. */
  const terms = (ids: readonly string[], fixed: string, byColumn: boolean): Term[] | undefined => {
    const list: Term[] = [];
    for (const id of ids) {
      const row = byColumn ? id : fixed;
      const col = byColumn ? fixed : id;
      const t = termOf(byColumn ? rowName(id) : colName(id), cellAt(row, col));
      if (!t) return undefined;
      // A blank total (上海 2019 left the 总计 column empty) means "not filled in", not 0: skip the sum.
      if (t.blank && (isTotalId(row) || isTotalId(col))) return undefined;
      list.push(t);
    }
    return list;
  };

  for (const check of spec.checks) {
    if (check.axis === 'column') {
      const cols = check.columns ?? spec.columns.map((c) => c.id);
      for (const col of cols) {
        const left = terms(check.left, col, true);
        const right = left && terms(check.right, col, true);
        if (!left || !right) continue;
        const i = spec.columns.findIndex((c) => c.id === col);
        const where = spec.columns.length > 1 ? `第 ${i + 1} 列（${spec.columns[i].label}）` : '';
        pushOutcome(out, check, where, left, right);
      }
    } else {
      const rowIds = check.rows ?? [...table.rows.keys()];
      for (const rowId of rowIds) {
        const left = terms(check.left, rowId, false);
        const right = left && terms(check.right, rowId, false);
        if (!left || !right) continue;
        const where = check.label ?? `「${rowName(rowId)}」行`;
        pushOutcome(out, check, where, left, right);
      }
    }
  }
  return out;
}

const isTotalId = (id: string) => id === 'total' || id.endsWith('-total');

function pushOutcome(out: SumOutcome[], check: SumCheck, where: string, left: Term[], right: Term[]): void {
  // Nothing written on one side (all blank) is a blank-cell problem, not a wrong sum.
  if (left.every((t) => t.blank) || right.every((t) => t.blank)) return;
  let total: SumOutcome['total'];
  if (left.length === 1 && right.length > 1) total = { side: 'left', term: left[0] };
  else if (right.length === 1 && left.length > 1) total = { side: 'right', term: right[0] };
  if (total?.term.blank) return;
  out.push({ check, where, left, right, decimals: decimalsOf([...left, ...right]), total });
}

export const isBalanced = (o: SumOutcome) => sameAmount(sumOf(o.left), sumOf(o.right), o.decimals);

export const rule: Rule = {
  meta: {
    id: 'table-balance',
    title: '统计表勾稽关系',
    titleEn: 'National table sums',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '核对国家格式统计表的勾稽关系：表三每列“第一项加第二项之和，等于第三项加第四项之和”（表内印制）；表三每行“总计”等于申请人各列之和；' +
      '三（七）总计等于各办理结果之和；分组行如填数应等于其小项之和；表四各组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。' +
      '总计只有一个单元格时可一键改为计算值；一、二与三（七）、四不符时无法判断哪一格有误，不提供修改。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式；表三勾稽关系为表内印制，其余由表格结构推得',
  },
  check(ctx) {
    for (const table of ctx.facts.nationalTables) {
      for (const o of evaluateChecks(table)) {
        if (isBalanced(o)) continue;
        const l = sumOf(o.left);
        const r = sumOf(o.right);
        const message = `${o.where ? `${o.where}：` : ''}${sideText(o.left, o.check.leftName, o.decimals)}，${sideText(
          o.right,
          o.check.rightName,
          o.decimals,
        )}，相差 ${differenceText(l, r, o.decimals)}（${o.check.formula}）`;
        const anchor = o.total?.term ?? o.right[0];
        const expected = o.total ? (o.total.side === 'left' ? r : l) : l;
        const actual = o.total ? o.total.term.value : r;
        const range = anchor.cell.number?.range ?? anchor.cell.range;
        const expectedText = formatAmount(expected, o.decimals);
        ctx.report({
          message,
          range,
          related: [...o.left, ...o.right].map((t) => ({
            range: t.cell.number?.range ?? t.cell.range,
            message: `${t.name}：${t.blank ? '空（按 0 计）' : t.cell.number?.raw ?? t.cell.text}`,
          })),
          fix: o.total
            ? {
                title: `将${o.total.term.name}改为计算值 ${expectedText}`,
                edits: [{ range, newText: expectedText }],
              }
            : undefined,
          data: { expected, actual, formula: o.check.formula, check: o.check.id, table: table.spec.id },
        });
      }
    }
  },
};
