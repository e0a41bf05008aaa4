// Numbers as writers write them: Arabic, full-width, thousands separators, decimals, Chinese
// numerals, approximate counts (400余条), and the non-numbers of a table cell (blank, —, /, 不适用).
// Scanning is a single left-to-right pass with sticky regexes, so a 1 MB line stays linear.

import type { NumberKind } from '../model';
import { isSpace } from '../text/chars';

/** A number found in a string; offsets are UTF-16 indices into that string. */
export interface NumberToken {
  kind: NumberKind;
  value: number | null;
  raw: string;
  unit?: string;
  decimals: number;
  /** Start offset of the number (including a leading 约/近 approximation word). */
  start: number;
  /** End offset of the number itself (excluding unit and trailing 余/多). */
  end: number;
  /** End offset including the unit and a trailing 余/多/左右. */
  endWithUnit: number;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二万五千 → 25000, 十二 → 12, 二〇一八 → 2018 (digit by digit), 〇 → 0; null when not a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  // Digit-by-digit years: 二〇一八
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s) && /[〇零]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + CN_DIGIT[ch];
    return v;
  }
  // yi: what is already counted in 亿 (everything before the last 亿, times 10^8); wan: what is
  // counted in 万 since then; section: the part below 万; digit: a digit not yet given a unit.
  // 一万亿 = (一万) × 亿 = 10^12, 三亿五千万 = 3 × 10^8 + 5000 × 10^4.
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
    } else if (ch in CN_SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_SMALL_UNIT[ch];
      digit = -1;
    } else if (ch === '万') {
      const below = section + (digit < 0 ? 0 : digit);
      // 万万 (10^8, archaic): a 万 with nothing new before it multiplies what is counted in 万.
      wan = below === 0 && wan > 0 ? wan * 1e4 : wan + (below || 1) * 1e4;
      section = 0;
      digit = -1;
    } else if (ch === '亿') {
      const below = wan + section + (digit < 0 ? 0 : digit);
      yi = (yi + below || 1) * 1e8;
      wan = 0;
      section = 0;
      digit = -1;
    } else {
      return null;
    }
  }
  return yi + wan + section + (digit < 0 ? 0 : digit);
}

// Units a count or an amount carries in these reports, longest first so 万元 wins over 万.
const UNITS = [
  '个工作日', '工作日', '人次', '批次', '万人次', '万元', '亿元', '千元', '元', '万', '亿',
  '%', '％', '‰', '条', '件', '个', '项', '篇', '次', '人', '名', '期', '场', '家', '所', '份', '页', '天',
  '户', '起', '类', '套', '部', '台', '张', '本', '册', '组', '批', '处', '座', '栏目', '小时', '分钟', '年', '月', '日', '号',
];
const UNIT_RE = new RegExp('\\s*(' + UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|') + ')', 'y');
const APPROX_SUFFIX_RE = /\s*(余|多|左右|以上|来)/y;
const APPROX_PREFIX = ['约', '近', '逾', '超过', '大约', '将近', '接近', '上'];

const CN_MULTIPLIER_RE = /\s*(万|亿)(?![元人])/y;

/**
 * A figure beyond what a double holds exactly (a pasted serial number, 400 nines, 亿亿亿…) is still
 * found as written, but gets no value: no sum, comparison or message computes with it.
 */
function usable(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : null;
}

function arabicValue(raw: string): { value: number; decimals: number } {
  const half = raw.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,\u0020\u00a0\u2009\u202f]/g, '');
  const dot = half.indexOf('.');
  return { value: Number(half), decimals: dot < 0 ? 0 : half.length - dot - 1 };
}

// What may start a number, by UTF-16 code: scanning a 1 MB draft char by char with string
// comparisons allocates a string per CJK character; a lookup table allocates nothing.
const ARABIC_START = 1;
const CN_START = 2;
const START = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) START[c] = ARABIC_START;
for (let c = 0xff10; c <= 0xff19; c++) START[c] = ARABIC_START;
for (const ch of '〇零一二两三四五六七八九十百千') START[ch.charCodeAt(0)] = CN_START;

// Characters that may open what readTail reads (spacing, 余/多/左右/以上/来, a unit): after any other
// character there is no tail, and the three sticky regexes need not run.
const TAIL_START = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isSpace(c)) TAIL_START[c] = 1;
for (const w of ['余', '多', '左右', '以上', '来', ...UNITS]) TAIL_START[w.charCodeAt(0)] = 1;

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Reads unit and approximation marks after a number ending at `end`. */
function readTail(text: string, end: number): { unit?: string; approx: boolean; endWithUnit: number } {
  if (end >= text.length || !TAIL_START[text.charCodeAt(end)]) return { unit: undefined, approx: false, endWithUnit: end };
  let pos = end;
  let approx = false;
  let unit: string | undefined;
  let m = matchAt(APPROX_SUFFIX_RE, text, pos);
  if (m && m[1] !== '来') {
    // 400余条: approximation before the unit
    approx = true;
    pos += m[0].length;
  }
  m = matchAt(UNIT_RE, text, pos);
  if (m) {
    unit = m[1] === '％' ? '%' : m[1];
    pos += m[0].length;
  }
  if (!approx) {
    m = matchAt(APPROX_SUFFIX_RE, text, pos);
    if (m && unit) {
      // 300人多 is rare; 7000多万元 handled above; "50人左右", "100件以上"
      if (m[1] === '左右' || m[1] === '以上' || m[1] === '余' || m[1] === '多') {
        approx = true;
        pos += m[0].length;
      }
    }
  }
  return { unit, approx, endWithUnit: pos };
}

function approxPrefixBefore(text: string, start: number): number {
  for (const p of APPROX_PREFIX) {
    if (start >= p.length && text.startsWith(p, start - p.length)) {
      // 近年 / 上年 are not approximations of a number that follows; require the prefix to sit right before it.
      // 上百条 / 上千人 are approximations; 上年 / 上1个 are not.
      if (p === '上' && !/[百千万]/.test(text[start] ?? '')) continue;
      return start - p.length;
    }
  }
  return -1;
}

// The characters of a Chinese numeral, by code.
const CN_NUMERAL = new Uint8Array(0x10000);
for (const ch of '〇零一二两三四五六七八九十百千万亿') CN_NUMERAL[ch.charCodeAt(0)] = 1;

/** End of the run of Chinese numeral characters starting at `i` (`i` itself when there is none). */
function cnNumeralEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && CN_NUMERAL[text.charCodeAt(j)]) j++;
  return j;
}

const isArabicDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/** Thousands groups may be set off by a space, a no-break space, a thin space or a narrow no-break space (GB/T 15835). */
const isGroupSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;

/** True when exactly three digits start at `j` (and no fourth follows). */
function threeDigitsAt(text: string, j: number): boolean {
  return isArabicDigit(text.charCodeAt(j)) && isArabicDigit(text.charCodeAt(j + 1)) && isArabicDigit(text.charCodeAt(j + 2)) && !isArabicDigit(text.charCodeAt(j + 3));
}

/**
 * End of the Arabic number starting at `i`: digits, then thousands groups (a comma and exactly
 * three digits: 12,846; or, after at most three digits, one kind of space and exactly three digits:
 * 1 268, 1 234 567), then an optional decimal part. Found without a match array.
 */
function arabicEnd(text: string, i: number): number {
  let j = i;
  while (isArabicDigit(text.charCodeAt(j))) j++;
  const lead = j - i;
  const c0 = text.charCodeAt(j);
  if (c0 === 0x2c || c0 === 0xff0c) {
    while ((text.charCodeAt(j) === 0x2c || text.charCodeAt(j) === 0xff0c) && threeDigitsAt(text, j + 1)) j += 4;
  } else if (lead <= 3 && isGroupSpace(c0) && threeDigitsAt(text, j + 1)) {
    let k = j;
    while (text.charCodeAt(k) === c0 && threeDigitsAt(text, k + 1)) k += 4;
    // "120 345 0": figures in a row set apart by spaces, not one grouped number.
    if (!(text.charCodeAt(k) === c0 && isArabicDigit(text.charCodeAt(k + 1)))) j = k;
  }
  const c = text.charCodeAt(j);
  if ((c === 0x2e || c === 0xff0e) && isArabicDigit(text.charCodeAt(j + 1))) {
    j++;
    while (isArabicDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * "1,2000": an ASCII comma right before a digit where no thousands group is (a separator out of
 * place, or figures run together). The end of the whole run of digits and commas, or `end` itself
 * when the number is well formed. Such a figure has no value: it could be 12000 or 1 and 2000.
 */
function misplacedSeparatorEnd(text: string, end: number): number {
  if (text.charCodeAt(end) !== 0x2c || !isArabicDigit(text.charCodeAt(end + 1))) return end;
  let j = end;
  while (text.charCodeAt(j) === 0x2c && isArabicDigit(text.charCodeAt(j + 1))) {
    j++;
    while (isArabicDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

function asciiDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Finds every number in running text. Arabic numbers are always found; Chinese numerals only when a
 * unit follows (一是 / 统一 / 十九大 are words, not counts), or when they mix with Arabic (2万五千).
 */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = START[text.charCodeAt(i)];
    if (start === 0) {
      i++;
      continue;
    }
    if (start === ARABIC_START) {
      let end = arabicEnd(text, i);
      const misplaced = misplacedSeparatorEnd(text, end);
      if (text[i - 1] === '第') {
        i = misplaced; // 第3次 is an ordinal, not a count
        continue;
      }
      if (misplaced > end) {
        // Found as written, so nothing reads "2000" out of "1,2000"; no value, so nothing adds it up.
        const tail = readTail(text, misplaced);
        out.push({ kind: 'ambiguous', value: null, raw: text.slice(i, misplaced), unit: tail.unit, decimals: 0, start: i, end: misplaced, endWithUnit: tail.endWithUnit });
        i = Math.max(tail.endWithUnit, misplaced);
        continue;
      }
      const written = text.slice(i, end);
      let { value, decimals } = asciiDigits(written) ? { value: Number(written), decimals: 0 } : arabicValue(written);
      // 2万五千 / 1.5万 as a count (not 万元): multiply.
      const next = text.charCodeAt(end);
      const mult = next === 0x4e07 || next === 0x4ebf || isSpace(next) ? matchAt(CN_MULTIPLIER_RE, text, end) : null;
      if (mult) {
        let tailStart = end + mult[0].length;
        value *= mult[1] === '万' ? 1e4 : 1e8;
        // 1万亿 / 1.5万亿: 万亿 is one multiplier (10^12), not 10^4 plus 亿.
        const again = mult[1] === '万' ? matchAt(CN_MULTIPLIER_RE, text, tailStart) : null;
        if (again && again[1] === '亿' && again[0].length === 1) {
          value *= 1e8;
          tailStart++;
        }
        const restEnd = cnNumeralEnd(text, tailStart);
        end = tailStart;
        if (restEnd > tailStart) {
          const extra = parseChineseNumeral(text.slice(tailStart, restEnd));
          if (extra !== null) {
            // 2万五千: 五千 counts in units of 1 ("2万五" would be 5000 colloquially; treat as written)
            value += extra;
            end = restEnd;
          }
        }
        decimals = 0;
      }
      const tail = readTail(text, end);
      const pre = approxPrefixBefore(text, i);
      out.push({
        kind: tail.approx || pre >= 0 ? 'approx' : 'exact',
        value: usable(value),
        raw: mult ? text.slice(i, end) : written, // (a second slice of the same figure was a string per number)
        unit: tail.unit,
        decimals,
        start: pre >= 0 ? pre : i,
        end,
        endWithUnit: tail.endWithUnit,
      });
      i = Math.max(tail.endWithUnit, end);
      continue;
    }
    {
      const end = cnNumeralEnd(text, i);
      // 统一 / 进一步 / 一是: most Chinese numerals in prose are words; without a tail they are skipped
      // before anything is computed.
      if (end >= n || !TAIL_START[text.charCodeAt(end)]) {
        i = end;
        continue;
      }
      const tail = readTail(text, end);
      const numeral = text.slice(i, end);
      const value = parseChineseNumeral(numeral);
      if (text[i - 1] === '第') {
        i = end; // 第一次 / 第三批 are ordinals, not counts
        continue;
      }
      // Only a numeral followed by a unit is a count; and never the enumerators 一是/（一）.
      if (value !== null && tail.unit && !['年', '月', '日', '号', '万', '亿'].includes(tail.unit)) {
        const pre = approxPrefixBefore(text, i);
        out.push({
          kind: tail.approx || pre >= 0 ? 'approx' : 'exact',
          value: usable(value),
          raw: numeral,
          unit: tail.unit,
          decimals: 0,
          start: pre >= 0 ? pre : i,
          end,
          endWithUnit: tail.endWithUnit,
        });
        i = tail.endWithUnit;
        continue;
      }
      i = end;
      continue;
    }
  }
  return out;
}

export type CellValue = Omit<NumberToken, 'start' | 'end' | 'endWithUnit'> & {
  /** Offsets of the number within the cell text (for edits that replace just the figure). */
  numberStart: number;
  numberEnd: number;
};

const DASHES = /^[—–\-－―─/／\\]+$|^——$/;
const NOT_APPLICABLE = /^(不适用|无|暂无|空|N\/?A|n\/?a)$/;

/**
 * Reads a table cell: a number (with an optional unit or 余/多), a blank, a dash or 不适用;
 * undefined when the cell is a label (1.属于国家秘密, 2013年发生数, 条).
 */
const PLAIN_INTEGER = /^\s*(\d{1,15})\s*$/;
const VALUE_START = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (START[c]) VALUE_START[c] = 1;
// Signs as Word and web pages write them too: − (U+2212), – (en dash), ﹣ (small), ＋ (full-width).
const MINUS_SIGNS = '-－−–﹣';
const PLUS_SIGNS = '+＋﹢';
for (const ch of `万亿${MINUS_SIGNS}${PLUS_SIGNS}`) VALUE_START[ch.charCodeAt(0)] = 1;
for (const p of APPROX_PREFIX) VALUE_START[p.charCodeAt(0)] = 1;

/** A trimmed cell of 1–15 ASCII digits: its value, or -1. No regex, no new string. */
export function bareInteger(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export function readValueCell(text: string): CellValue | undefined {
  // Fastest path, for the cells that fill national tables: the trimmed text is the figure itself.
  const bare = bareInteger(text);
  if (bare >= 0) return { kind: 'exact', value: bare, raw: text, decimals: 0, numberStart: 0, numberEnd: text.length };
  // Fast path: a plain integer such as 0 or 12, with spaces around it.
  const plain = PLAIN_INTEGER.exec(text);
  if (plain) {
    const numberStart = text.indexOf(plain[1]);
    return { kind: 'exact', value: Number(plain[1]), raw: plain[1], decimals: 0, numberStart, numberEnd: numberStart + plain[1].length };
  }
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  if (t === '') return { kind: 'blank', value: null, raw: '', decimals: 0, numberStart: lead, numberEnd: lead };
  if (DASHES.test(t)) return { kind: 'dash', value: null, raw: t, decimals: 0, numberStart: lead, numberEnd: lead + t.length };
  if (NOT_APPLICABLE.test(t)) return { kind: 'na', value: null, raw: t, decimals: 0, numberStart: lead, numberEnd: lead + t.length };
  // A value starts with a digit, a Chinese numeral, a sign or an approximation word; labels such
  // as （一）… or 本年新收 are told apart here without scanning them.
  if (!VALUE_START[t.charCodeAt(0)]) return undefined;
  const tokens = scanNumbers(t);
  if (tokens.length !== 1) {
    // A bare Chinese numeral cell such as 二万五千 has no unit, so the scanner skipped it.
    const cn = /^[〇零一二两三四五六七八九十百千万亿]{2,}$/.test(t) ? parseChineseNumeral(t) : null;
    if (cn !== null) return { kind: 'exact', value: usable(cn), raw: t, decimals: 0, numberStart: lead, numberEnd: lead + t.length };
    return undefined;
  }
  const tok = tokens[0];
  // The whole cell must be the number (plus unit); a signed value keeps its sign.
  let start = tok.start;
  let value = tok.value;
  if (start === 1 && (MINUS_SIGNS.includes(t[0]) || PLUS_SIGNS.includes(t[0]))) {
    start = 0;
    if (value !== null && MINUS_SIGNS.includes(t[0])) value = -value;
  }
  if (start !== 0 && !(tok.kind === 'approx' && tok.start === 0)) return undefined;
  if (tok.endWithUnit !== t.length) return undefined;
  if (tok.unit && ['年', '月', '日', '号'].includes(tok.unit)) return undefined;
  const numberStart = lead + (tok.start === 0 && tok.kind === 'approx' ? tok.end - tok.raw.length : start);
  return {
    kind: tok.kind,
    value,
    raw: t,
    unit: tok.unit,
    decimals: tok.decimals,
    numberStart,
    numberEnd: lead + tok.end,
  };
}
