// Scans source lines for a list of patterns and returns non-overlapping matches, for rules that
// look at the raw text (placeholders, garbled characters) rather than at numbers.

import { allMatches } from '../../facts/all-matches';

export interface LinePattern {
  kind: string;
  re: RegExp; // must be global
  /** Return false to drop a match (context checks a lookbehind cannot express). */
  accept?: (line: string, start: number, end: number) => boolean;
  /**
   * Characters of which every match contains at least one. When every pattern of a list names them,
   * a line holding none is skipped before any pattern runs (most lines of a report hold none).
   */
  anyOf?: string;
}

export interface LineMatch {
  kind: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

const URL = /(?:https?:\/\/|www\.)[^\s，。；、）)】>"'”]+/g;

/** Spans of a line that are never prose: URLs and HTML comments (directives). */
function excludedSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // (A URL holds :// or www., a comment <!--: most lines have neither and skip both searches.)
  if (line.includes('://') || line.includes('www.')) for (const m of allMatches(URL, line)) spans.push([m.index, m.index + m[0].length]);
  // Comments by indexOf: /<!--.*?-->/g re-reads the rest of the line from every unclosed <!--.
  for (let open = line.indexOf('<!--'); open >= 0; ) {
    const close = line.indexOf('-->', open + 4);
    if (close < 0) break;
    spans.push([open, close + 3]);
    open = line.indexOf('<!--', close + 3);
  }
  return spans;
}

// One combined regex per pattern list: most lines match none of the patterns, and one test
// says so far faster than running every pattern over every line.
const UNIONS = new WeakMap<readonly LinePattern[], RegExp>();

function unionOf(patterns: readonly LinePattern[]): RegExp {
  let re = UNIONS.get(patterns);
  if (!re) {
    const flags = [...new Set(patterns.flatMap((p) => [...p.re.flags.replace('g', '').replace('y', '')]))].join('');
    re = new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), flags);
    UNIONS.set(patterns, re);
  }
  return re;
}

// Prefiltering: each pattern list whose patterns all name their characters gets a bit; TRIGGERS
// holds, per UTF-16 code, the bits of the lists that character may open. One pass over a document's
// lines (shared by the rules, one table lookup per character) marks each line with the bits of the
// characters it holds; a character-class regex per line and list costs several times more.
const TRIGGERS = new Uint8Array(0x10000);
const MAX_BITS = 8;
let registered = 0; // bits handed out so far
const BIT_OF = new WeakMap<readonly LinePattern[], number>();

function bitOf(patterns: readonly LinePattern[]): number {
  let bit = BIT_OF.get(patterns);
  if (bit === undefined) {
    bit = 0;
    if (registered < MAX_BITS && patterns.length > 0 && patterns.every((p) => p.anyOf)) {
      bit = 1 << registered++;
      for (const p of patterns) for (let i = 0; i < p.anyOf!.length; i++) TRIGGERS[p.anyOf!.charCodeAt(i)] |= bit;
    }
    BIT_OF.set(patterns, bit);
  }
  return bit;
}

interface LineMarks {
  /** Bits covered: the lists registered when the marks were made. */
  covered: number;
  marks: Uint8Array;
}

// Marks of a line array; the array never changes once parsed, and the marks are a pure function of it.
const MARKS = new WeakMap<readonly string[], LineMarks>();

function marksOf(lines: readonly string[], bit: number): Uint8Array {
  const cached = MARKS.get(lines);
  if (cached && (cached.covered & bit) === bit) return cached.marks;
  const all = (1 << registered) - 1;
  const marks = new Uint8Array(lines.length);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    let m = 0;
    for (let i = 0; i < line.length && m !== all; i++) m |= TRIGGERS[line.charCodeAt(i)];
    marks[l] = m;
  }
  MARKS.set(lines, { covered: all, marks });
  return marks;
}

export function scanLines(lines: readonly string[], patterns: readonly LinePattern[]): LineMatch[] {
  const out: LineMatch[] = [];
  const any = unionOf(patterns);
  const bit = bitOf(patterns);
  const marks = bit ? marksOf(lines, bit) : undefined;
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    if (marks && !(marks[lineNo] & bit)) continue;
    const line = lines[lineNo];
    if (line.length === 0 || !any.test(line)) continue;
    const excluded = excludedSpans(line);
    const found: LineMatch[] = [];
    for (const p of patterns) {
      for (const m of allMatches(p.re, line)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (end === start) continue;
        if (excluded.some(([s, e]) => start < e && end > s)) continue;
        if (p.accept && !p.accept(line, start, end)) continue;
        found.push({ kind: p.kind, line: lineNo, start, end, text: m[0] });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const f of found) {
      if (f.start < lastEnd) continue; // overlaps an earlier, longer match
      out.push(f);
      lastEnd = f.end;
    }
  }
  return out;
}
