// Arithmetic shared by the table rules: reading a cell as a term of a sum, comparing sums written
// with decimals, and writing the sum out in a message the way a reviewer would check it by hand.

import type { Cell } from '../model';

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
