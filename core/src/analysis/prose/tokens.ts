// Numbers in running text as the prose rules need them: the scanner's tokens plus what the
// scanner leaves to context — traditional-character units (條, 餘) in pasted or garbled drafts,
// whether a figure is a percentage or a date part, and whether it sits inside parentheses
// (a remark such as "（含上年结转 189 件）" is never a term of the enumeration around it).

import { scanNumbers, type NumberToken } from '../../parse/numbers';
import { CheckCache, memoKey } from '../../check-cache';
import { isSpace } from '../../text/chars';

export interface ProseNumber extends NumberToken {
  /** Unit in simplified form (條 → 条, ％ → %), if any. */
  unit?: string;
  isPercent: boolean;
  /** A year, month, day or document number (2021年, 12月, 30号): never a count. */
  isDateLike: boolean;
  /** Parenthesis depth at the number (0 = running text). */
  depth: number;
}

// Units a traditional-character draft writes where the scanner expects simplified ones (first
// characters all differ, so the order of the checks does not matter).
const TRADITIONAL_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['條', '条'],
  ['個', '个'],
  ['項', '项'],
  ['場', '场'],
  ['則', '则'],
  ['萬元', '万元'],
];
// What may open a traditional unit: most numbers carry a unit or none of these, and skip the look.
const TRADITIONAL_START = new Set(TRADITIONAL_UNITS.map(([t]) => t.charCodeAt(0)));
const TRADITIONAL_APPROX = 0x9918; // 餘
const DATE_UNITS = new Set(['年', '月', '日', '号']);

// Most paragraphs open no parenthesis: their depths are all 0, read from one shared array of zeros
// (callers only read depths) instead of a fresh one per paragraph.
const SHARED_ZEROS_MAX = 4096;
const ZEROS = new Int32Array(SHARED_ZEROS_MAX + 1);

/** Parenthesis depth before each index of `text` (full- and half-width, never negative). */
export function parenDepths(text: string): Int32Array {
  if (text.length <= SHARED_ZEROS_MAX && !text.includes('(') && !text.includes('（')) return ZEROS;
  const depth = new Int32Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29 /* ) */ || c === 0xff09 /* ） */) d = Math.max(0, d - 1);
    depth[i] = d;
    if (c === 0x28 /* ( */ || c === 0xff08 /* （ */) d++;
  }
  depth[text.length] = d;
  return depth;
}

/** First index from `from` (below `limit`) that is not a space. */
function skipSpaces(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  return i;
}

// Character codes read around a number (comparing codes allocates nothing, unlike text[i]).
const DU = 0x5ea6; // 度
const CLOSE_DOC_NUMBER = new Set([0x3015 /* 〕 */, 0x5d /* ] */, 0x3011 /* 】 */]);
const OPEN_DOC_NUMBER = 0x3014; // 〔
const DI = 0x7b2c; // 第

export function proseNumbers(text: string, depths: Int32Array = parenDepths(text)): ProseNumber[] {
  const tokens = scanNumbers(text);
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    let unit = tok.unit;
    let kind = tok.kind;
    let endWithUnit = tok.endWithUnit;
    if (!unit) {
      let pos = tok.end;
      // "400餘條": the approximation mark, within four characters.
      const a = skipSpaces(text, pos, Math.min(text.length, pos + 4));
      if (a < Math.min(text.length, pos + 4) && text.charCodeAt(a) === TRADITIONAL_APPROX) {
        kind = 'approx';
        pos = a + 1;
      }
      // A traditional unit within the next three characters (spaces included).
      const limit = Math.min(text.length, pos + 3);
      const u = skipSpaces(text, pos, limit);
      if (u < limit && TRADITIONAL_START.has(text.charCodeAt(u))) {
        for (const [trad, simp] of TRADITIONAL_UNITS) {
          if (u + trad.length <= limit && text.startsWith(trad, u)) {
            unit = simp;
            pos = u + trad.length;
            break;
          }
        }
      }
      endWithUnit = Math.max(endWithUnit, pos);
    }
    if (unit === '％') unit = '%';
    const isPercent = unit === '%' || unit === '‰';
    const isDateLike =
      (unit !== undefined && DATE_UNITS.has(unit)) ||
      text.charCodeAt(endWithUnit) === DU ||
      // 〔2021〕30号 / [2021] / 2021-2035: a year in a document number or span
      CLOSE_DOC_NUMBER.has(text.charCodeAt(tok.end)) ||
      text.charCodeAt(tok.start - 1) === OPEN_DOC_NUMBER ||
      text.charCodeAt(tok.start - 1) === DI;
    // The scanner's token becomes the prose number in place (it is this call's own): one object per
    // figure instead of two halves what a paragraph of 100,000 figures keeps alive for the collector.
    const p = tok as ProseNumber;
    p.kind = kind;
    p.unit = unit;
    p.endWithUnit = endWithUnit;
    p.isPercent = isPercent;
    p.isDateLike = isDateLike;
    p.depth = depths[tok.start];
  }
  return tokens as ProseNumber[];
}

export interface ProseScan {
  depths: Int32Array;
  nums: readonly ProseNumber[];
}

// Three prose rules read the numbers of every paragraph; scanning once per paragraph and check is
// the single largest saving on big drafts.
/** The numbers of a paragraph and its parenthesis depths, computed once per check. */
export function scanProse(cache: CheckCache, text: string): ProseScan {
  return cache.get(SCAN, text);
}
const SCAN = memoKey('prose scan', (text: string): ProseScan => {
  const depths = parenDepths(text);
  return { depths, nums: proseNumbers(text, depths) };
});

/**
 * A count (not a percentage, not a date), written in running text rather than in a remark. An
 * ambiguous figure (1,2000) is a count without a value: a breakdown holding one is not added up.
 */
export function isCount(n: ProseNumber): boolean {
  return !n.isPercent && !n.isDateLike && n.depth === 0 && (n.value !== null || n.kind === 'ambiguous');
}

const NO_NUMBERS: readonly ProseNumber[] = Object.freeze([]);

/** The index of the first number starting at or after `start` (nums.length when none does). */
export function firstNumberFrom(nums: readonly ProseNumber[], start: number): number {
  let lo = 0;
  let hi = nums.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nums[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Numbers lying wholly inside [start, end), by binary search over `nums` (sorted by start). Read
 * only: a span without numbers (most clauses) gets one shared empty list.
 */
export function numbersIn(nums: readonly ProseNumber[], start: number, end: number): readonly ProseNumber[] {
  const lo = firstNumberFrom(nums, start);
  if (lo >= nums.length || nums[lo].start >= end) return NO_NUMBERS;
  const out: ProseNumber[] = [];
  for (let i = lo; i < nums.length && nums[i].start < end; i++) if (nums[i].end <= end) out.push(nums[i]);
  return out;
}

const SENTENCE_END = /[。！？!?]/g;

/** Sentences of a paragraph as [start, end) pairs; the end includes the closing mark. */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** 0-9 in either width, by UTF-16 code (NaN, past either end of the text, is no digit). */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * 12,846: a comma between a digit and exactly three digits belongs to the number; so does any
 * ASCII comma between two digits ("1,2000", a separator out of place that the scanner keeps as one
 * ambiguous figure): clauses are separated by full-width commas or by a comma and a space.
 */
function isThousandsSeparator(text: string, i: number): boolean {
  if (text.charCodeAt(i) === 0x2c && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) return true;
  return (
    isDigit(text.charCodeAt(i - 1)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    isDigit(text.charCodeAt(i + 3)) &&
    !isDigit(text.charCodeAt(i + 4))
  );
}

/** ，,；;：: by UTF-16 code. */
function isClauseSeparator(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a;
}

/**
 * The start of the clause holding `at`: just after the last clause or sentence mark before it,
 * looking back at most `reach` characters (else `at - reach`).
 */
export function clauseStartBefore(text: string, at: number, reach: number): number {
  for (let i = at - 1; i >= 0 && i >= at - reach; i--) if ('，,；;。：:！？'.includes(text[i])) return i + 1;
  return Math.max(0, at - reach);
}

/** Clauses of [start, end) split at commas, semicolons and colons outside parentheses. */
export function clauses(text: string, start: number, end: number, depths: Int32Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (isClauseSeparator(text.charCodeAt(i)) && depths[i] === 0 && !isThousandsSeparator(text, i)) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  out.push([s, end]);
  return out;
}
