// Scans source lines for a list of patterns and returns non-overlapping matches, for rules that
// look at the raw text (placeholders, garbled characters) rather than at numbers.

export interface LinePattern {
  kind: string;
  re: RegExp; // must be global
  /** Return false to drop a match (context checks a lookbehind cannot express). */
  accept?: (line: string, start: number, end: number) => boolean;
}

export interface LineMatch {
  kind: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

const URL = /(?:https?:\/\/|www\.)[^\s，。；、）)】>"'”]+/g;
const COMMENT = /<!--.*?-->/g;

/** Spans of a line that are never prose: URLs and HTML comments (directives). */
function excludedSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [URL, COMMENT]) for (const m of line.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
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

export function scanLines(lines: readonly string[], patterns: readonly LinePattern[]): LineMatch[] {
  const out: LineMatch[] = [];
  const any = unionOf(patterns);
  lines.forEach((line, lineNo) => {
    if (line.length === 0 || !any.test(line)) return;
    const excluded = excludedSpans(line);
    const found: LineMatch[] = [];
    for (const p of patterns) {
      for (const m of line.matchAll(p.re)) {
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
  });
  return out;
}
