// Arithmetic shared by the table rules: reading a cell as a term of a sum, comparing sums written
// with decimals, writing the sum out in a message the way a reviewer would check it by hand, and
// evaluating the sums (SumCheck data) a profile's national table must satisfy.

import type { Cell } from '../model';
import type { NationalTable } from '../facts/types';
import type { SumCheck } from '../profiles/types';

export interface Term {
  /** Name of the term in messages (三（七）, 自然人, 1.专职人员数). */
  name: string;
  cell: Cell;
  /** Value used in the sum: blanks count as 0. */
  value: number;
  blank: boolean;
  decimals: number;
}

/**
 * Reads a cell as a term: exact numbers count, blanks count as 0 (the format expects 0 there and
 * table-values says so); approximate figures, dashes and 不适用 cannot be added up → undefined.
 */
export function termOf(name: string, cell: Cell | undefined): Term | undefined {
  const n = cell?.number;
  if (!cell || !n) return undefined;
  if (n.kind === 'blank') return { name, cell, value: 0, blank: true, decimals: 0 };
  if (n.kind !== 'exact' || n.value === null) return undefined;
  return { name, cell, value: n.value, blank: false, decimals: n.decimals };
}

export const sumOf = (terms: Term[]) => terms.reduce((s, t) => s + t.value, 0);
export const decimalsOf = (terms: Term[]) => terms.reduce((d, t) => Math.max(d, t.decimals), 0);

/** Equal at the precision written (0.1 + 0.2 = 0.3 when the cells have one decimal). */
export function sameAmount(a: number, b: number, decimals: number): boolean {
  const f = 10 ** Math.min(decimals, 6);
  return Math.round(a * f) === Math.round(b * f);
}

export function formatAmount(v: number, decimals: number): string {
  return decimals > 0 ? v.toFixed(Math.min(decimals, 6)) : String(Math.round(v));
}

const MAX_NAMED_TERMS = 6;
const MAX_LISTED_VALUES = 8;

/**
 * One side of an equation as text: 「一 + 二 = 3 + 1 = 4」, 「总计 = 9」, or for long sides
 * 「各办理结果之和 = 5 + 2 + 1（其余为 0）= 8」.
 */
export function sideText(terms: Term[], name: string | undefined, decimals: number): string {
  const total = formatAmount(sumOf(terms), decimals);
  const show = (t: Term) => (t.blank ? '空(0)' : formatAmount(t.value, t.decimals));
  if (terms.length === 1) return `${name ?? terms[0].name} = ${show(terms[0])}`;
  if (terms.length <= MAX_NAMED_TERMS) {
    return `${plus(terms.map((t) => t.name))} = ${terms.map(show).join(' + ')} = ${total}`;
  }
  const label = name ?? '各项之和';
  const nonZero = terms.filter((t) => t.value !== 0);
  if (nonZero.length === 0) return `${label} = 0`;
  if (nonZero.length <= MAX_LISTED_VALUES) {
    const zeros = nonZero.length < terms.length ? '（其余为 0）' : '';
    return `${label} = ${nonZero.map(show).join(' + ')}${zeros}${zeros ? '= ' : ' = '}${total}`;
  }
  return `${label} = ${nonZero.slice(0, MAX_LISTED_VALUES).map(show).join(' + ')} + … = ${total}`;
}

/** Joins names with +, without a space next to a full-width bracket: 三（七）+ 四. */
function plus(names: string[]): string {
  return names.reduce((acc, n) => (acc === '' ? n : `${acc}${acc.endsWith('）') ? '' : ' '}+ ${n}`), '');
}

/** The difference as a positive figure at the precision written. */
export function differenceText(a: number, b: number, decimals: number): string {
  return formatAmount(Math.abs(a - b), decimals);
}

// ------------------------------------------------------------------ the sums of a national table

export interface SumOutcome {
  check: SumCheck;
  /** Where the sum sits: 第 4 列（社会公益组织）, 「（三）1」行, 行政复议. */
  where: string;
  left: Term[];
  right: Term[];
  decimals: number;
  /** The single total cell, when one side is exactly one cell and the other a sum. */
  total?: { side: 'left' | 'right'; term: Term };
  /** Σ left and Σ right as sumOf gives them, when known without the terms. */
  leftSum?: number;
  rightSum?: number;
}

/**
 * Evaluates every SumCheck of a national table; sums with an unreadable or missing cell are skipped.
 * Each sum is first added up from its cells without building anything: most sums of a report hold,
 * and their terms (named, one object per cell) are built only when someone asks for them — the
 * blame analysis of a failing table, a hover. This was a tenth of a typical report's allocations.
 */
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
  // 第 4 列（社会公益组织）: the same column is in many sums.
  const columnWheres = new Map<string, string>();
  const columnWhere = (col: string) => {
    let where = columnWheres.get(col);
    if (where === undefined) {
      const i = spec.columns.findIndex((c) => c.id === col);
      where = spec.columns.length > 1 ? `第 ${i + 1} 列（${spec.columns[i].label}）` : '';
      columnWheres.set(col, where);
    }
    return where;
  };
  const cellAt = (rowId: string, colId: string): Cell | undefined => {
    const found = table.rows.get(rowId);
    if (!found) return undefined;
    if (found.spec.columns && !found.spec.columns.includes(colId)) return undefined;
    return found.values.get(colId);
  };
  /** The terms of one side: rows `ids` of column `fixed`, or (by row) columns `ids` of row `fixed`. */
  const terms = (ids: readonly string[], fixed: string, byColumn: boolean): Term[] =>
    ids.map((id) => termOf(byColumn ? rowName(id) : colName(id), byColumn ? cellAt(id, fixed) : cellAt(fixed, id))!);
  const left = new SideSum();
  const right = new SideSum();
  /** Adds up one side as termOf and terms would read it; false when the sum is to be skipped. */
  const add = (side: SideSum, ids: readonly string[], fixed: string, byColumn: boolean): boolean => {
    side.reset();
    for (const id of ids) {
      const row = byColumn ? id : fixed;
      const col = byColumn ? fixed : id;
      const n = cellAt(row, col)?.number;
      if (!n) return false;
      if (n.kind === 'blank') {
        // A blank total (上海 2019 left the 总计 column empty) means "not filled in", not 0: skip the sum.
        if (isTotalId(row) || isTotalId(col)) return false;
        side.add(0, 0, true);
      } else if (n.kind !== 'exact' || n.value === null) return false;
      else side.add(n.value, n.decimals, false);
    }
    return true;
  };
  const keep = (check: SumCheck, where: string, fixed: string, byColumn: boolean) => {
    // Nothing written on one side (all blank, a blank single total among them) is a blank-cell
    // problem, not a wrong sum.
    if (left.allBlank || right.allBlank) return;
    const totalSide = left.count === 1 && right.count > 1 ? 'left' : right.count === 1 && left.count > 1 ? 'right' : undefined;
    const build = (): [Term[], Term[]] => [terms(check.left, fixed, byColumn), terms(check.right, fixed, byColumn)];
    out.push(new LazyOutcome(check, where, Math.max(left.decimals, right.decimals), left.sum, right.sum, totalSide, build));
  };

  const interrupted = rowsAroundUnknown(table);
  for (const check of spec.checks) {
    // A row the format does not have, standing between two rows of a sum down a column (“3.其他”
    // under a 2019 table's （六）其他处理, pasted from the 2021 format): its figures belong to the
    // sum but to none of its terms, so the sum cannot be judged. table-shape names the row.
    if (check.axis === 'column' && interrupted.some(([above, below]) => inCheck(check, above) && inCheck(check, below))) continue;
    if (check.axis === 'column') {
      const cols = check.columns ?? spec.columns.map((c) => c.id);
      for (const col of cols) {
        if (add(left, check.left, col, true) && add(right, check.right, col, true)) keep(check, columnWhere(col), col, true);
      }
    } else {
      const rowIds = check.rows ?? [...table.rows.keys()];
      for (const rowId of rowIds) {
        if (add(left, check.left, rowId, false) && add(right, check.right, rowId, false)) keep(check, check.label ?? `「${rowName(rowId)}」行`, rowId, false);
      }
    }
  }
  return out;
}

const isTotalId = (id: string) => id === 'total' || id.endsWith('-total');

const inCheck = (check: SumCheck, id: string) => check.left.includes(id) || check.right.includes(id);

/** For each row of the source that no spec row claims: the ids of the format's rows just above and below it. */
function rowsAroundUnknown(table: NationalTable): Array<[string, string]> {
  if (table.unknownRows.length === 0) return [];
  const known = [...table.rows.values()].map((r) => ({ line: r.row.line, id: r.spec.id })).sort((a, b) => a.line - b.line);
  const out: Array<[string, string]> = [];
  for (const u of table.unknownRows) {
    const below = known.findIndex((k) => k.line > u.line);
    if (below > 0) out.push([known[below - 1].id, known[below].id]);
  }
  return out;
}

/** One side of a sum being added up: what the sum needs to know of it before its terms exist. */
class SideSum {
  sum = 0;
  decimals = 0;
  count = 0;
  allBlank = true;

  reset(): void {
    this.sum = 0;
    this.decimals = 0;
    this.count = 0;
    this.allBlank = true;
  }

  add(value: number, decimals: number, blank: boolean): void {
    this.sum += value; // in the order of the terms, as sumOf adds them
    if (decimals > this.decimals) this.decimals = decimals;
    this.count++;
    if (!blank) this.allBlank = false;
  }
}

/** A sum as evaluated, its terms built on first use. */
class LazyOutcome implements SumOutcome {
  private built: [Term[], Term[]] | undefined;
  private single: SumOutcome['total'];

  constructor(
    readonly check: SumCheck,
    readonly where: string,
    readonly decimals: number,
    readonly leftSum: number,
    readonly rightSum: number,
    private readonly totalSide: 'left' | 'right' | undefined,
    private readonly build: () => [Term[], Term[]],
  ) {}

  get left(): Term[] {
    return (this.built ??= this.build())[0];
  }

  get right(): Term[] {
    return (this.built ??= this.build())[1];
  }

  get total(): SumOutcome['total'] {
    if (!this.totalSide) return undefined;
    return (this.single ??= { side: this.totalSide, term: this.totalSide === 'left' ? this.left[0] : this.right[0] });
  }
}

export const isBalanced = (o: SumOutcome) => sameAmount(o.leftSum ?? sumOf(o.left), o.rightSum ?? sumOf(o.right), o.decimals);

/** The cell a finding about one sum points at: its single total, else the first cell of the right side. */
export const anchorOf = (o: SumOutcome): Term => o.total?.term ?? o.right[0];

/**
 * The sum written out: 「第 4 列（社会公益组织）：一 + 二 = 1 + 1 = 2，三（七）+ 四 = 1 + 0 = 1，相差 1（一 + 二 = 三（七）+ 四）」.
 */
export function outcomeText(o: SumOutcome, withWhere = true): string {
  const l = sumOf(o.left);
  const r = sumOf(o.right);
  return `${withWhere && o.where ? `${o.where}：` : ''}${sideText(o.left, o.check.leftName, o.decimals)}，${sideText(
    o.right,
    o.check.rightName,
    o.decimals,
  )}，相差 ${differenceText(l, r, o.decimals)}（${o.check.formula}）`;
}

/** The sum named in a few words: 「第 7 列（总计）「三（七）总计 = 各办理结果之和」」, 「行政复议「总计 = 结果维持 + …」」. */
export function sumName(o: SumOutcome): string {
  const { leftName, rightName, formula } = o.check;
  return `${o.where}「${leftName && rightName ? `${leftName} = ${rightName}` : formula}」`;
}
