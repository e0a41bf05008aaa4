// Word's automatic numbering: a paragraph with w:numPr shows a label (「一、」「（一）」「1.」) that is not
// in its text but computed from numbering.xml. Reports numbered this way would lose every heading
// number on conversion, so the labels are computed here as Word prints them.

export interface LevelDef {
  fmt: string;
  text: string;
  start: number;
}

export interface NumberingDefs {
  abstract: Map<string, Map<number, LevelDef>>;
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && i === 0 ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Counters per list, advanced paragraph by paragraph in document order. */
export class Numbering {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefs) {}

  /** The label of the next paragraph of list `numId` at level `ilvl`, e.g. 「（二）」; '' for bullets. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.abstract.get(num.abstractId);
    if (!num || !levels) return '';
    const level = Math.max(0, Math.min(8, ilvl));
    const key = num.abstractId;
    const counts = this.counters.get(key) ?? [];
    const startOf = (l: number) => num.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level] + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined as unknown as number;
    this.counters.set(key, counts);
    const def = levels.get(level);
    if (!def || def.fmt === 'bullet' || def.fmt === 'none') return '';
    return def.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const fmt = levels.get(l)?.fmt ?? 'decimal';
      return format(counts[l] ?? startOf(l), fmt);
    });
  }
}
