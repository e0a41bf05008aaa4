// Small Chinese-text helpers shared by the service features.

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 36 → 三十六 (enough for enumerators). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
  }
  return String(n);
}

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
