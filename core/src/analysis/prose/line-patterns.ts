// Scans source lines for a list of patterns and returns non-overlapping matches, for rules that
// look at the raw text (placeholders, garbled characters) rather than at numbers.

import { allMatches } from '../../facts/all-matches';
import type { CheckCache } from '../../check-cache';
import { resultsByLine } from '../../line-reuse';

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

/**
 * A pattern list made ready for scanning, once, where the list is defined: one combined regex (most
 * lines match none of the patterns, and one test says so far faster than running every pattern),
 * and, when every pattern names its characters, a table of the UTF-16 codes that may open a match,
 * so that a line holding none of them is skipped before any regex runs.
 */
export interface PatternSet {
  patterns: readonly LinePattern[];
  union: RegExp;
  triggers?: Uint8Array;
}

export function patternSet(patterns: readonly LinePattern[]): PatternSet {
  const flags = [...new Set(patterns.flatMap((p) => [...p.re.flags.replace('g', '').replace('y', '')]))].join('');
  const union = new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), flags);
  if (patterns.length === 0 || !patterns.every((p) => p.anyOf)) return { patterns, union };
  const triggers = new Uint8Array(0x10000);
  for (const p of patterns) for (let i = 0; i < p.anyOf!.length; i++) triggers[p.anyOf!.charCodeAt(i)] = 1;
  return { patterns, union, triggers };
}

function holdsTrigger(line: string, triggers: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) if (triggers[line.charCodeAt(i)]) return true;
  return false;
}

/** A match within one line (its line number is the caller's). */
type LineHit = Omit<LineMatch, 'line'>;

const NO_HITS: readonly LineHit[] = Object.freeze([]);

/** Non-overlapping matches of the patterns in one line. */
function scanLine(line: string, { patterns, union, triggers }: PatternSet): readonly LineHit[] {
  if (line.length === 0 || (triggers && !holdsTrigger(line, triggers)) || !union.test(line)) return NO_HITS;
  const excluded = excludedSpans(line);
  const found: LineHit[] = [];
  for (const p of patterns) {
    for (const m of allMatches(p.re, line)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) continue;
      if (excluded.some(([s, e]) => start < e && end > s)) continue;
      if (p.accept && !p.accept(line, start, end)) continue;
      found.push({ kind: p.kind, start, end, text: m[0] });
    }
  }
  if (found.length === 0) return NO_HITS;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LineHit[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue; // overlaps an earlier, longer match
    kept.push(f);
    lastEnd = f.end;
  }
  return kept;
}

/**
 * Non-overlapping matches of the patterns in the lines (a list is made ready on the spot). With a
 * check's cache in an editor session and a set made ready where it is defined, only the lines a
 * keystroke changed are scanned again.
 */
export function scanLines(lines: readonly string[], set: PatternSet | readonly LinePattern[], cache?: CheckCache): LineMatch[] {
  const prepared = 'union' in set;
  const ready = prepared ? set : patternSet(set);
  const out: LineMatch[] = [];
  // Results are kept per prepared set (the set names them); a list made ready here has no lasting name.
  const perLine = resultsByLine(prepared ? cache : undefined, ready, lines, (line) => scanLine(line, ready));
  for (let line = 0; line < perLine.length; line++) {
    const hits = perLine[line];
    for (let k = 0; k < hits.length; k++) out.push({ kind: hits[k].kind, line, start: hits[k].start, end: hits[k].end, text: hits[k].text });
  }
  return out;
}
