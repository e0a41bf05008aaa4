// Writing a count as a Chinese numeral, the one way the project writes them: heading enumerators
// (「十二、」「（三）」), part places (「第三部分」) and messages. Reading numerals is the parser's
// (parse/numbers.ts).

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 36 → 三十六 (enough for enumerators); others as digits. */
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
