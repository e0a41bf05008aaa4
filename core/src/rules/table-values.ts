// table-values: what may stand in a cell of a national table. Counts are whole numbers ≥ 0; only
// amount columns (万元) take decimals and only 本年增/减 may be negative; the format expects 0 rather
// than a blank, a dash or 不适用; an approximate figure (约、余、多) has no place in a statistical table.

import type { Cell, Table } from '../model';
import { memoKey } from '../check-cache';
import type { Rule, RuleContext } from './types';
import type { TableSpec } from '../profiles/types';

export const rule: Rule = {
  meta: {
    id: 'table-values',
    title: '统计表数值规范',
    titleEn: 'Values in national tables',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '国家格式统计表中的数值应为大于等于 0 的整数（“本年收费金额（单位：万元）”等金额栏可有小数，2019 年格式“本年增/减”可为负数）；' +
      '无数据时应填 0，不应留空或填“—”“/”“不适用”（警告）；统计表中不应出现“约”“余”“多”等约数（错误）。其他表格中的约数给出警告。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式（统计表填报数量、金额）',
  },
  check(ctx) {
    for (const table of ctx.facts.nationalTables) {
      const empty: Empty[] = [];
      for (const found of table.rows.values()) {
        for (const [col, cell] of found.values) checkCell(ctx, table.spec, found.spec.id, col, cell, found.spec.isGroup === true, empty);
      }
      reportEmpty(ctx, table.spec, empty);
    }
    // Approximate figures in any other table: a statistical table states counts. (The national
    // tables' cells are gathered only once such a figure turns up; most drafts have none.)
    let national: Set<Cell> | undefined;
    for (const t of ctx.doc.tables)
      for (const cell of ctx.cache.get(APPROX_CELLS, t)) {
        national ??= nationalCells(ctx);
        if (national.has(cell)) continue;
        ctx.report({
          message: `表格中的“${cell.number!.raw}”是约数，统计数据应填写确切数字`,
          range: cell.number!.range,
          severity: 'warning',
        });
      }
  },
};

// Per table, so that an editor session does not revisit every cell of the unchanged tables.
const APPROX_CELLS = memoKey('approximate cells', (table: Table): Cell[] => {
  const out: Cell[] = [];
  for (const row of table.rows) for (const cell of row.values) if (cell.number?.kind === 'approx') out.push(cell);
  return out;
});

function nationalCells(ctx: RuleContext): Set<Cell> {
  const set = new Set<Cell>();
  for (const table of ctx.facts.nationalTables) for (const found of table.rows.values()) for (const cell of found.values.values()) set.add(cell);
  return set;
}

/** A cell left blank, or with 「—」「/」「不适用」, where the format wants 0. */
interface Empty {
  cell: Cell;
  where: string;
}

/**
 * Cells without a figure: one finding per table (a table left half-empty is one thing to fill in),
 * at the first such cell, with the count and a fix that writes 0 into every one.
 */
function reportEmpty(ctx: RuleContext, spec: TableSpec, empty: Empty[]): void {
  if (empty.length === 0) return;
  const [first] = empty;
  const marks = [...new Set(empty.map((e) => (e.cell.number!.kind === 'blank' ? '空白' : `“${e.cell.number!.raw}”`)))].join('、');
  const edits = empty.map((e) => {
    const n = e.cell.number!;
    return { range: n.range, newText: n.kind === 'blank' ? zeroFor(ctx, n.range) : '0' };
  });
  ctx.report({
    message:
      empty.length === 1
        ? `${first.where}${first.cell.number!.kind === 'blank' ? '为空' : `填写了“${first.cell.number!.raw}”`}，格式要求无数据时填 0`
        : `${spec.title}有 ${empty.length} 格为${marks}（首个为${first.where}），格式要求无数据时填 0`,
    range: first.cell.range,
    severity: 'warning',
    related: empty.slice(1, 20).map((e) => ({ range: e.cell.range, message: e.where })),
    data: { count: empty.length },
    fix: { title: empty.length === 1 ? '填入 0' : `${empty.length} 格都填入 0`, edits },
  });
}

function checkCell(ctx: RuleContext, spec: TableSpec, rowId: string, col: string, cell: Cell, isGroup: boolean, empty: Empty[]): void {
  const n = cell.number;
  if (!n) return;
  // Most cells are fine: the column and the wording are looked up only for a cell reported.
  if (n.kind === 'exact' && fineExact(spec, rowId, col, n.value ?? 0, n.decimals, n.unit)) return;
  const column = spec.columns.find((c) => c.id === col);
  const where = `「${spec.rows.find((r) => r.id === rowId)?.label ?? rowId}」行${spec.columns.length > 1 ? `「${column?.label ?? col}」栏` : ''}`;
  switch (n.kind) {
    case 'blank':
    case 'dash':
    case 'na':
      // A group row prints no numbers in the format; blanks there are as designed.
      if (!isGroup) empty.push({ cell, where });
      return;
    case 'approx':
      ctx.report({
        message: `${where}的“${n.raw}”是约数，统计表应填写确切数字`,
        range: n.range,
        severity: 'error',
      });
      return;
    case 'exact':
      break;
  }
  const v = n.value ?? 0;
  if (v < 0 && !spec.signedColumns?.includes(col)) {
    ctx.report({ message: `${where}为负数 ${n.raw}，统计数不能小于 0`, range: n.range, severity: 'error' });
  }
  const decimalsAllowed = spec.decimalColumns?.includes(col) || spec.decimalRows?.includes(rowId);
  if (!decimalsAllowed && (n.decimals > 0 || !Number.isInteger(v))) {
    ctx.report({ message: `${where}为 ${n.raw}，此栏是件数（次数），应为整数`, range: n.range, severity: 'error' });
  }
  const unit = column?.unit ?? spec.rows.find((r) => r.id === rowId)?.unit;
  if (decimalsAllowed && unit && n.unit && n.unit !== unit) {
    ctx.report({
      message: `${where}写的是“${n.raw}”，此栏单位为${unit}，请换算后只填数字`,
      range: n.range,
      severity: 'warning',
    });
  }
}

/** True when an exact value raises none of the findings below (whole, not negative, in its unit). */
function fineExact(spec: TableSpec, rowId: string, col: string, v: number, decimals: number, unit: string | undefined): boolean {
  if (v < 0 && !spec.signedColumns?.includes(col)) return false;
  const decimalsAllowed = spec.decimalColumns?.includes(col) || spec.decimalRows?.includes(rowId);
  if (!decimalsAllowed) return decimals === 0 && Number.isInteger(v);
  // A unit written in an amount column is reported only when the column or row names a unit.
  return !unit;
}

/** 0 written into an empty pipe cell keeps the cell padded: "| |" → "| 0 |", "||" → "| 0 |". */
function zeroFor(ctx: RuleContext, range: { start: { line: number; character: number } }): string {
  const line = ctx.doc.lines[range.start.line] ?? '';
  const before = line[range.start.character - 1];
  const at = line[range.start.character];
  if (before !== '|') return '0';
  return at === ' ' ? ' 0' : ' 0 ';
}
