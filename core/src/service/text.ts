// Small Chinese-text helpers shared by the service features.

import { chineseNumeral } from '../text/numerals';

/** The enumerator of a GB/T 9704 heading level for the n-th item. */
export function enumerator(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** 「第三部分」 for the part at profile index 2. */
export function partPlace(specIndex: number): string {
  return `第${chineseNumeral(specIndex + 1)}部分`;
}

/** Compares labels the way writers vary them: no spaces, full-width brackets, no trailing punctuation. */
export function normLabel(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[：:。，,、．.]+$/u, '');
}

/** Formats a number for messages: 1234.5 → 1234.5, 0.1 + 0.2 → 0.3. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
