// Numbers as writers write them: Arabic, full-width, thousands separators, decimals, Chinese
// numerals, approximate counts (400余条), and the non-numbers of a table cell (blank, —, /, 不适用).
// (API fixed; implementation being written)

import type { NumberKind } from '../model';

/** A number found in a string; offsets are UTF-16 indices into that string. */
export interface NumberToken {
  kind: NumberKind;
  value: number | null;
  raw: string;
  unit?: string;
  decimals: number;
  /** Start offset of the number (including a leading 约/近 approximation word). */
  start: number;
  /** End offset of the number (excluding the unit). */
  end: number;
  /** End offset including the unit and a trailing 余/多. */
  endWithUnit: number;
}

/** Finds every number in running text. Years and dates are returned like any number, with unit 年/月/日. */
export function scanNumbers(_text: string): NumberToken[] {
  return [];
}

/** Reads a table cell: a number, a blank, a dash or 不适用; undefined when the cell is a label. */
export function readValueCell(_text: string): Omit<NumberToken, 'start' | 'end' | 'endWithUnit'> | undefined {
  return undefined;
}

/** 二万五千 → 25000, 十二 → 12, 〇 → 0; null when the string is not a Chinese numeral. */
export function parseChineseNumeral(_s: string): number | null {
  return null;
}
