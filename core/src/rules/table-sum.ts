// table-sum: sums inside ANY table, whatever its format. Rows or columns labelled 合计/总计/小计 must
// equal what they total; an item followed by 其中 parts must equal their sum when the parts are an
// exhaustive numbered list (ending in a catch-all 其他, or a known complementary pair such as
// 专职/兼职), and otherwise no part may exceed it. Where the same information may be counted under
// several parts (不同渠道和方式公开相同信息计1条; 电子 and 纸制 copies) parts only must not exceed the
// total. Sums that table-balance checks on a national table are left to it. In a table with a year
// column beside a running total (2017年度 | 历年累计) no year figure may exceed its total; a cell that
// breaks this is the one to correct, so a sum it takes part in is not reported besides (one mistake,
// one finding, on the cell that is wrong).

import type { Cell, Table, TableRow } from '../model';
import { memoKey } from '../check-cache';
import { normalizeLabel, toHalfWidth } from '../text/normalize';
import { BUILTIN_PROFILES } from '../profiles/index';
import { rowKey } from '../facts/table-labels';
import type { Rule, RuleContext } from './types';
import { decimalsOf, differenceText, formatAmount, sameAmount, sumOf, termOf, type Term } from '../analysis/table-arith';
import { runningTotalViolations } from '../facts/running-totals';
import { cumulativeMismatches } from '../crossyear/cumulative';

const TOTAL_KEYS = new Set(['合计', '总计', '小计', '总数', '共计']);
const QIZHONG = /^\s*其中\s*[:：,，]?\s*/;
/** Notes that say one item may be counted under several parts. */
const OVERLAP_NOTE = /相同信息计\s*1|同一.{0,8}计\s*1|可重复|不重复计算/;
/** Part pairs that always overlap (the same information kept in both forms). */
const OVERLAP_PAIRS = [['电子', '纸']];
/** Part sets that together make up the whole: complementary by definition. */
const COMPLEMENTS = [
  ['专职', '兼职'],
  ['按时', '延期'],
];

type Style = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled' | 'none';

function styleOf(text: string): Style {
  const s = toHalfWidth(text).trim().replace(QIZHONG, '');
  if (/^[一二三四五六七八九十]+\s*[、.,]/.test(s)) return 'cn';
  if (/^\(\s*[一二三四五六七八九十]+\s*\)/.test(s)) return 'paren-cn';
  if (/^\d{1,2}\s*[、.．](?!\d)/.test(s)) return 'arabic';
  if (/^\(\s*\d{1,2}\s*\)/.test(s)) return 'paren-arabic';
  if (/^[①-⑳]/.test(s)) return 'circled';
  return 'none';
}

const labelText = (row: TableRow) => row.labels.map((c) => c.text).join('');
const written = (cells: Cell[]) => cells.some((c) => c.number && c.number.kind !== 'blank');
const numberRange = (c: Cell) => c.number?.range ?? c.range;

export const rule: Rule = {
  meta: {
    id: 'table-sum',
    title: '表格合计与分项',
    titleEn: 'Totals and breakdowns in tables',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '核对任意表格中的“合计”“总计”“小计”行或列是否等于其所合计的各项之和；核对“其中：”分项：编号列出且含“其他”兜底项（或专职/兼职、按时/延期这类互补项）的，' +
      '分项之和应等于总数；注明“不同渠道和方式公开相同信息计1条”或电子、纸质重复计数等可能重叠的分项，只要求每项不超过总数。国家格式统计表的求和由“统计表勾稽关系”检查。' +
      '表中同时有本年（“2017年度”“本年”“本期实际”）和累计（“历年累计”“累计数”“本年累计”）两栏时，累计数包含本年数，本年数不应大于累计数（多见于 2019 年以前各地的统计表）；' +
      '这样的一格就是要改的一格，它所在的求和不再另报。百分比、增长率、占比、平均数这类不能相加的栏不求和；合计注明“相同信息计1条”“不重复计算”的，各项之和可以大于合计；' +
      '“其中：”之后未标“其中”的几行恰好合计为上一项的，是上一项的分项，不计入合计。',
    basis: '由表格结构推得（合计等于各项之和；其中项不大于总数；本年数不大于累计数，见莆田、定西等地统计表）',
  },
  check(ctx) {
    const covered = coveredRows(ctx);
    for (const table of ctx.doc.tables) {
      // A national table read under another profile (generic, or a copy the profile did not claim)
      // has totals that the generic reading gets wrong (一 + 二 + 四 is not （七）总计); leave it alone.
      if (ctx.cache.get(LOOKS_NATIONAL, table)) continue;
      const wrong = checkRunningTotals(ctx, table);
      // Sums holding a cell already reported are not reported again.
      const sums: SumReporter = (where, totalName, total, parts, fixTotal) => {
        if (wrong.has(total.cell) || parts.some((t) => wrong.has(t.cell))) return;
        reportSum(ctx, where, totalName, total, parts, fixTotal);
      };
      checkTotalRows(table.rows, covered, sums);
      checkTotalColumns(table.rows, covered, sums);
      // A 历年累计 that last year's report contradicts (cross-year-cumulative) is the cell a breakdown
      // it breaks is blamed on: the two findings meet on it and are merged.
      const contradicted = new Set(ctx.previous && !ctx.recovered ? cumulativeMismatches(table, ctx.previous).map((m) => m.row.cumulative) : []);
      checkBreakdowns(ctx, table.rows, covered, sums, wrong, contradicted);
    }
  },
};

// The national formats' tables (not the loose pre-2019 统计表, whose 其中 sums are this rule's to check).
const NATIONAL_SIGNATURES = BUILTIN_PROFILES.flatMap((p) => p.tables.filter((t) => !t.loose)).map((t) => t.signature.map(normalizeLabel));

// Per table, so that an editor session does not re-read the labels of unchanged tables.
const LOOKS_NATIONAL = memoKey('looks national', (table: Table) => looksLikeNationalTable(table.rows));

/**
 * Three or more signature words of one national table among the labels. Two are not enough: a local
 * pre-2019 统计表 with rows 行政复议数 and 行政诉讼数 holds two of 表四's, and its sums were then
 * checked by no rule. Every national table's own header already holds three.
 */
function looksLikeNationalTable(rows: TableRow[]): boolean {
  const labels: string[] = [];
  for (const r of rows) for (const c of r.labels) labels.push(c.norm);
  for (const sig of NATIONAL_SIGNATURES) {
    let found = 0;
    for (const w of sig) if (labels.some((l) => l.includes(w)) && ++found >= NATIONAL_SIGNATURE_WORDS) return true;
  }
  return false;
}
const NATIONAL_SIGNATURE_WORDS = 3;

/** Rows of a national table that take part in one of its SumChecks: table-balance owns their sums. */
function coveredRows(ctx: RuleContext): Set<TableRow> {
  const set = new Set<TableRow>();
  for (const t of ctx.facts.nationalTables) {
    const ids = new Set<string>();
    for (const c of t.spec.checks) {
      if (c.axis === 'column') {
        // table-balance skips a sum with a row it did not find (a local 统计表 read loosely as the
        // national one matches a few of its rows): such rows stay this rule's to check.
        const rows = [...c.left, ...c.right];
        if (rows.every((id) => t.rows.has(id))) rows.forEach((id) => ids.add(id));
      } else (c.rows ?? [...t.rows.keys()]).forEach((id) => ids.add(id));
    }
    for (const [id, r] of t.rows) {
      if (!ids.has(id)) continue;
      set.add(r.row);
      for (const x of r.extraRows ?? []) set.add(x);
    }
  }
  return set;
}

/** Aligns the value cells of several rows from the right; rows with another count are not comparable. */
function aligned(rows: Cell[][]): Cell[][] | undefined {
  const n = rows[0].length;
  if (n === 0 || rows.some((r) => r.length !== n)) return undefined;
  return rows;
}

type SumReporter = (where: string, totalName: string, total: Term, parts: Term[], fixTotal: boolean) => void;

/** Year figures above their running total, reported on the year's cell; returns the cells reported. */
function checkRunningTotals(ctx: RuleContext, table: Table): Set<Cell> {
  const reported = new Set<Cell>();
  for (const v of runningTotalViolations(table)) {
    const decimals = Math.max(v.year.decimals, v.total.decimals);
    const name = itemLabel(v.row) || v.row.labels[0]?.text || '';
    ctx.report({
      message: `「${name}」${v.yearName} ${formatAmount(v.year.value, decimals)} 大于${v.totalName} ${formatAmount(v.total.value, decimals)}：累计数包含本年数，本年数不应超过累计数，请核对这两格`,
      range: numberRange(v.year.cell),
      related: [{ range: numberRange(v.total.cell), message: `${v.totalName}：${v.total.cell.text}` }],
      data: { expected: `≤ ${v.total.value}`, actual: v.year.value, formula: `${v.yearName} ≤ ${v.totalName}` },
    });
    reported.add(v.year.cell);
    reported.add(v.total.cell);
  }
  return reported;
}

function reportSum(
  ctx: RuleContext,
  where: string,
  totalName: string,
  total: Term,
  parts: Term[],
  fixTotal: boolean,
): void {
  const decimals = decimalsOf([total, ...parts]);
  const sum = sumOf(parts);
  if (sameAmount(sum, total.value, decimals)) return;
  const terms = parts.map((t) => formatAmount(t.value, t.decimals)).join('+');
  const sumText = formatAmount(sum, decimals);
  ctx.report({
    message: `${where}分项之和 ${sumText}（${terms}）与${totalName} ${formatAmount(total.value, total.decimals)} 不符，相差 ${differenceText(sum, total.value, decimals)}`,
    range: numberRange(total.cell),
    related: parts.map((t) => ({ range: numberRange(t.cell), message: `${t.name}：${t.blank ? '空（按 0 计）' : (t.cell.number?.raw ?? formatAmount(t.value, t.decimals))}` })),
    fix: fixTotal ? { title: `将${totalName}改为分项之和 ${sumText}`, edits: [{ range: numberRange(total.cell), newText: sumText }] } : undefined,
    data: { expected: sum, actual: total.value, formula: `${totalName} = 分项之和` },
  });
}

// ------------------------------------------------------------------ 合计 rows

// A column of rates, shares or averages (同比增长, 占比, 平均用时, 办结率) does not add up.
const NOT_ADDITIVE = /率|平均|均值|人均|占比|比例|比重|同比|环比|增长|增幅|增减|百分比|%|％/;
// A total that counts an item once however many parts hold it ("合计（不同渠道公开相同信息计1条）").
const DEDUP_TOTAL = /相同信息计\s*1|同一.{0,8}计\s*1|不重复|去重|重复计/;

/** Whether a column of a block (the total's cell and the parts' cells) is one of rates or shares. */
function notAdditive(cells: Cell[], header: TableRow | undefined, col: number, width: number): boolean {
  if (cells.some((c) => c.number?.unit === '%' || /[%％]\s*$/.test(c.text))) return true;
  if (!header) return false;
  // The header's cells over the value columns, aligned from the right as the values are.
  const names = header.cells.slice(header.cells.length - width);
  return names.length === width && NOT_ADDITIVE.test(names[col]?.text ?? '');
}

/**
 * Rows after a 其中 row that are its siblings though unmarked ("行政许可 3,318 / 其中：医师执业注册
 * 1,206 / 护士执业注册 1,512 / 其他许可 600 / 行政处罚 27"): the rows from the 其中 row on whose first
 * values add up to the item just before it exactly. Those rows are sub-items, not parts of the total.
 */
function unmarkedSubItems(block: TableRow[]): Set<TableRow> {
  const out = new Set<TableRow>();
  for (let i = 1; i < block.length; i++) {
    if (!QIZHONG.test(labelText(block[i]))) continue;
    const item = block[i - 1].values[0]?.number?.value;
    if (item === undefined || item === null) continue;
    let sum = 0;
    for (let k = i; k < block.length; k++) {
      sum += block[k].values[0]?.number?.value ?? 0;
      if (Math.abs(sum - item) < 1e-9) {
        for (let j = i; j <= k; j++) out.add(block[j]);
        break;
      }
      if (sum > item) break;
    }
  }
  return out;
}

function checkTotalRows(rows: TableRow[], covered: Set<TableRow>, reportSum: SumReporter): void {
  let start = 0;
  let header: TableRow | undefined;
  rows.forEach((row, i) => {
    const key = row.labels.length ? rowKey(row.labels[row.labels.length - 1].text) : '';
    const isHeader = !written(row.values);
    if (isHeader && !TOTAL_KEYS.has(key)) {
      start = i + 1;
      header = row;
      return;
    }
    if (!TOTAL_KEYS.has(key)) return;
    const block = rows.slice(start, i).filter((r) => r.values.length > 0);
    start = i + 1;
    if (covered.has(row) || block.some((r) => covered.has(r))) return;
    // Only the top level of the block is summed: sub-items (deeper enumerators, 其中 parts) are inside it.
    const sub = unmarkedSubItems(block);
    const body = block.filter((r) => !QIZHONG.test(labelText(r)) && !sub.has(r));
    if (body.length < 2) return;
    const top = styleOf(labelText(body[0]));
    const summands = body.filter((r) => styleOf(labelText(r)) === top);
    if (summands.length < 2) return;
    const cells = aligned([row.values, ...summands.map((r) => r.values)]);
    if (!cells) return;
    const [totalCells, ...partCells] = cells;
    const dedup = DEDUP_TOTAL.test(labelText(row));
    totalCells.forEach((cell, col) => {
      if (notAdditive([cell, ...partCells.map((p) => p[col])], header, col, totalCells.length)) return;
      const total = termOf(row.labels[row.labels.length - 1].text, cell);
      const parts = partCells.map((p, k) => termOf(labelText(summands[k]), p[col]));
      if (!total || total.blank || parts.some((p) => !p) || parts.every((p) => p!.blank)) return;
      // Counted once however many parts hold it: the parts may exceed the total, never fall short.
      if (dedup && sumOf(parts as Term[]) >= total.value) return;
      const where = `「${row.labels[row.labels.length - 1].text}」行${totalCells.length > 1 ? `第 ${col + 1} 个数值` : ''}：`;
      reportSum(where, row.labels[row.labels.length - 1].text, total, parts as Term[], true);
    });
  });
}

// ------------------------------------------------------------------ 合计 columns

function checkTotalColumns(rows: TableRow[], covered: Set<TableRow>, reportSum: SumReporter): void {
  let header: { index: number; width: number; name: string; firstValue: number } | undefined;
  for (const row of rows) {
    if (!written(row.values)) {
      // A header row: a cell 合计/总计/小计 names the column that totals the value columns before it.
      const idx = row.cells.findIndex((c) => TOTAL_KEYS.has(rowKey(c.text)));
      const firstLabelEnd = row.cells.findIndex((c) => c.text.trim() !== '' && !TOTAL_KEYS.has(rowKey(c.text)));
      header = idx > 0 && firstLabelEnd >= 0 && firstLabelEnd < idx ? { index: idx, width: row.cells.length, name: row.cells[idx].text, firstValue: firstLabelEnd + 1 } : undefined;
      continue;
    }
    if (!header || covered.has(row) || row.cells.length !== header.width) continue;
    const totalCell = row.cells[header.index];
    const partCells = row.cells.slice(header.firstValue, header.index).filter((c) => c.number);
    if (partCells.length < 2 || !totalCell.number) continue;
    const label = row.labels[0]?.text ?? '';
    const total = termOf(header.name, totalCell);
    const parts = partCells.map((c, k) => termOf(`第 ${k + 1} 项`, c));
    if (!total || total.blank || parts.some((p) => !p) || parts.every((p) => p!.blank)) continue;
    reportSum(`${label ? `「${label}」行` : ''}「${header.name}」列：`, header.name, total, parts as Term[], true);
  }
}

// ------------------------------------------------------------------ 其中 breakdowns

const UNIT_CELL = /^(件|条|次|人|个|篇|人次|万元|元|家|项|期|份|场|批|户|名|天|页|%|％)$/;

/**
 * The label that names a row's figures: the last label that is not a unit column (件, 条). In a
 * flattened table a row may carry labels of several items whose blanks were dropped; the figures
 * belong to the last one.
 */
function itemLabel(row: TableRow): string {
  for (let i = row.labels.length - 1; i >= 0; i--) if (!UNIT_CELL.test(row.labels[i].text.trim())) return row.labels[i].text;
  return '';
}

function checkBreakdowns(ctx: RuleContext, rows: TableRow[], covered: Set<TableRow>, reportSum: SumReporter, wrong: Set<Cell>, contradicted: Set<Cell>): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const parent = rows[i];
    const first = rows[i + 1];
    const parentText = itemLabel(parent);
    if (!parentText || QIZHONG.test(parentText) || !QIZHONG.test(itemLabel(first))) continue;
    const totalCells = parent.values;
    if (!written(totalCells)) continue;
    const partStyle = styleOf(itemLabel(first));
    const parts = [first];
    for (let j = i + 2; j < rows.length; j++) {
      const text = itemLabel(rows[j]);
      if (!text || QIZHONG.test(text) || rows[j].values.length === 0 || TOTAL_KEYS.has(rowKey(text))) break;
      if (styleOf(text) !== partStyle) break;
      parts.push(rows[j]);
    }
    if (covered.has(parent) && parts.every((p) => covered.has(p))) continue;
    const keys = parts.map((p) => rowKey(itemLabel(p)));
    const overlap =
      OVERLAP_NOTE.test(toHalfWidth(parentText)) || OVERLAP_PAIRS.some((pair) => pair.every((w) => keys.some((k) => k.includes(w))));
    const numbered = partStyle !== 'none' && parts.length >= 2;
    const catchAll = numbered && /^其[他它]/.test(keys[keys.length - 1]);
    const complement = COMPLEMENTS.some((set) => keys.length === set.length && set.every((w) => keys.some((k) => k.includes(w))));
    const exhaustive = !overlap && (catchAll || complement);
    const n = totalCells.length;
    // Parts align with the total column by column; a part with fewer cells lost its trailing blanks
    // (flattened tables drop empty cells), so it is read from the left.
    const partCells = parts.map((p) => {
      const v = p.values;
      return v.length >= n ? v.slice(v.length - n) : v;
    });
    const name = rowKey(parentText) || parentText;
    totalCells.forEach((cell, col) => {
      const total = termOf(name, cell);
      if (!total || total.blank) return;
      const terms: Term[] = [];
      for (let k = 0; k < parts.length; k++) {
        const c = partCells[k][col];
        if (!c) continue; // a dropped blank
        const t = termOf(keys[k], c);
        if (!t) return; // an approximate figure or a dash: no arithmetic
        terms.push(t);
      }
      if (terms.length === 0 || terms.every((t) => t.blank)) return;
      const where = `「${name}」${n > 1 ? `第 ${col + 1} 个数值` : ''}：`;
      if (exhaustive) {
        reportSum(where, '总数', total, terms, true);
        return;
      }
      if (wrong.has(total.cell)) return;
      for (const t of terms) {
        if (t.value <= total.value + 1e-9 || wrong.has(t.cell)) continue;
        if (contradicted.has(total.cell)) {
          ctx.report({
            message: `${where}总数 ${formatAmount(total.value, total.decimals)} 小于其中项「${t.name}」${formatAmount(t.value, t.decimals)}，分项不能超过总数`,
            range: numberRange(total.cell),
            related: [{ range: numberRange(t.cell), message: `其中项：${t.cell.text}` }],
            data: { expected: `≥ ${t.value}`, actual: total.value, formula: '其中项 ≤ 总数' },
          });
          continue;
        }
        ctx.report({
          message: `${where}其中项「${t.name}」${formatAmount(t.value, t.decimals)} 大于总数 ${formatAmount(total.value, total.decimals)}，分项不能超过总数`,
          range: numberRange(t.cell),
          related: [{ range: numberRange(total.cell), message: `总数：${total.cell.number?.raw ?? formatAmount(total.value, total.decimals)}` }],
          data: { expected: `≤ ${total.value}`, actual: t.value, formula: '其中项 ≤ 总数' },
        });
      }
    });
  }
}
