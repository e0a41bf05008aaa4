// Numbers in running text as the prose rules need them: the scanner's tokens plus what the
// scanner leaves to context — traditional-character units (條, 餘) in pasted or garbled drafts,
// whether a figure is a percentage or a date part, and whether it sits inside parentheses
// (a remark such as "（含上年结转 189 件）" is never a term of the enumeration around it).

import { scanNumbers, type NumberToken } from '../../parse/numbers';
import { perCheckCache } from '../../per-check-cache';

export interface ProseNumber extends NumberToken {
  /** Unit in simplified form (條 → 条, ％ → %), if any. */
  unit?: string;
  isPercent: boolean;
  /** A year, month, day or document number (2021年, 12月, 30号): never a count. */
  isDateLike: boolean;
  /** Parenthesis depth at the number (0 = running text). */
  depth: number;
}

// Units a traditional-character draft writes where the scanner expects simplified ones.
const TRADITIONAL_UNITS: Record<string, string> = { 條: '条', 個: '个', 項: '项', 場: '场', 則: '则', 萬元: '万元' };
const TRADITIONAL_APPROX = /^\s*餘/;
const DATE_UNITS = new Set(['年', '月', '日', '号']);

/** Parenthesis depth before each index of `text` (full- and half-width, never negative). */
export function parenDepths(text: string): Int32Array {
  const depth = new Int32Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ')' || c === '）') d = Math.max(0, d - 1);
    depth[i] = d;
    if (c === '(' || c === '（') d++;
  }
  depth[text.length] = d;
  return depth;
}

export function proseNumbers(text: string, depths: Int32Array = parenDepths(text)): ProseNumber[] {
  return scanNumbers(text).map((tok) => {
    let { unit, kind, endWithUnit } = tok;
    if (!unit) {
      let pos = tok.end;
      const approx = TRADITIONAL_APPROX.exec(text.slice(pos, pos + 4));
      if (approx) {
        kind = 'approx';
        pos += approx[0].length;
      }
      const rest = text.slice(pos, pos + 3).trimStart();
      for (const [trad, simp] of Object.entries(TRADITIONAL_UNITS)) {
        if (rest.startsWith(trad)) {
          unit = simp;
          pos = text.indexOf(trad, pos) + trad.length;
          break;
        }
      }
      endWithUnit = Math.max(endWithUnit, pos);
    }
    if (unit === '％') unit = '%';
    const isPercent = unit === '%' || unit === '‰';
    const after = text.slice(endWithUnit, endWithUnit + 2);
    const isDateLike =
      (unit !== undefined && DATE_UNITS.has(unit)) ||
      /^度/.test(after) ||
      // 〔2021〕30号 / [2021] / 2021-2035: a year in a document number or span
      /^[〕\]】]/.test(text.slice(tok.end, tok.end + 1)) ||
      text[tok.start - 1] === '〔' ||
      text[tok.start - 1] === '第';
    return { ...tok, unit, kind, endWithUnit, isPercent, isDateLike, depth: depths[tok.start] };
  });
}

export interface ProseScan {
  depths: Int32Array;
  nums: readonly ProseNumber[];
}

// Three prose rules read the numbers of every paragraph; scanning once per paragraph and check is
// the single largest saving on big drafts.
const SCANS = perCheckCache<string, ProseScan>();

/** The numbers of a paragraph and its parenthesis depths, computed once per check. */
export function scanProse(text: string): ProseScan {
  let hit = SCANS.get(text);
  if (!hit) {
    const depths = parenDepths(text);
    hit = { depths, nums: proseNumbers(text, depths) };
    SCANS.set(text, hit);
  }
  return hit;
}

/** A count (not a percentage, not a date), written in running text rather than in a remark. */
export function isCount(n: ProseNumber): boolean {
  return !n.isPercent && !n.isDateLike && n.depth === 0 && n.value !== null;
}

/** Numbers lying wholly inside [start, end), by binary search over `nums` (sorted by start). */
export function numbersIn(nums: readonly ProseNumber[], start: number, end: number): ProseNumber[] {
  let lo = 0;
  let hi = nums.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nums[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
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

const DIGIT = /[0-9０-９]/;

/** 12,846: a comma between a digit and exactly three digits belongs to the number. */
function isThousandsSeparator(text: string, i: number): boolean {
  return (
    DIGIT.test(text[i - 1] ?? '') &&
    DIGIT.test(text[i + 1] ?? '') &&
    DIGIT.test(text[i + 2] ?? '') &&
    DIGIT.test(text[i + 3] ?? '') &&
    !DIGIT.test(text[i + 4] ?? '')
  );
}

const CLAUSE_SEP = new Set(['，', ',', '；', ';', '：', ':']);

/** Clauses of [start, end) split at commas, semicolons and colons outside parentheses. */
export function clauses(text: string, start: number, end: number, depths: Int32Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (CLAUSE_SEP.has(text[i]) && depths[i] === 0 && !isThousandsSeparator(text, i)) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  out.push([s, end]);
  return out;
}
