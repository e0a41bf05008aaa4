// Recognises heading lines: Markdown ATX headings and plain lines that start with the GB/T 9704
// enumerators 一、 （一） 1. （1）. A run-in heading's title ends at the first 。 or ：; the rest of
// the line is body text. A line that merely starts with 一是/二是 is not a heading.

import type { EnumeratorStyle, Heading } from '../model';
import { parseChineseNumeral } from './numbers';

export interface HeadingCandidate extends Omit<Heading, 'level'> {
  /** Level implied by the enumerator; 0 for a Markdown heading without one (resolved later). */
  enumLevel: number;
  /** Offset in the line where the run-in body starts (after the terminator), or -1. */
  bodyStart: number;
}

const CN = '[一二三四五六七八九十百]+';
// Order matters: the parenthesised forms are tried before the bare ones.
const ENUMERATORS: { re: RegExp; style: EnumeratorStyle; level: number; cn: boolean }[] = [
  { re: new RegExp(`^（\\s*(${CN})\\s*）`), style: 'paren-cn', level: 2, cn: true },
  { re: new RegExp(`^\\(\\s*(${CN})\\s*\\)`), style: 'paren-cn-half', level: 2, cn: true },
  { re: new RegExp(`^[（(]\\s*([0-9０-９]{1,2})\\s*[）)]`), style: 'paren-arabic', level: 4, cn: false },
  // 第一部分 总体情况 / 第一部分：概述, as some reports number their parts.
  { re: new RegExp(`^第(${CN})部分(?![为是的])[ \\t\\u3000]*[、，,．.：:]?`), style: 'cn', level: 1, cn: true },
  // 一、 as GB/T 9704 writes it; a comma or a dot after the numeral (一． 一.) is read too, and
  // heading-numbering says once that it should be 、.
  { re: new RegExp(`^(${CN})\\s*[、，,．.](?![0-9０-９])`), style: 'cn', level: 1, cn: true },
  { re: /^([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])/, style: 'arabic', level: 3, cn: false },
];

/** Longest title we still call a heading when no 。/： ends it (a longer line is a paragraph). */
const MAX_PLAIN_TITLE = 50;
/** Longest run-in title before its terminator. */
const MAX_RUNIN_TITLE = 60;

function arabicOrdinal(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Reads a heading from a masked line, or returns undefined. `ln` is the line number; columns are
 * positions in the line (UTF-16).
 */
// What the first non-space character of an enumerated heading can be: （ ( a Chinese numeral, a
// digit or 第 (第一部分), after the ** / __ of a heading set in bold (what pandoc writes for a bold Word paragraph).
const ENUMERATOR_START = /^[ \t\u3000\u00a0]*(?:\*\*|__)?[（(一二三四五六七八九十百0-9０-９第]/;

export function readHeading(line: string, ln: number): HeadingCandidate | undefined {
  // Most lines are prose: reject them before any slicing or matching.
  if (!ENUMERATOR_START.test(line) && !/^ {0,3}#/.test(line)) return undefined;
  let pos: number;
  let markdownDepth = 0;
  const atx = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(line);
  if (atx) {
    markdownDepth = atx[1].length;
    pos = atx[0].length;
  } else {
    // Leading indentation (ASCII, ideographic spaces, NBSP) as pasted from Word.
    const lead = /^[ \t\u3000\u00a0]*/.exec(line)![0];
    pos = lead.length;
  }
  // **一、总体情况** or **（一）主动公开情况。**正文: the heading is what the bold holds.
  const boldEnd = atx ? -1 : closingBold(line, pos);
  if (boldEnd >= 0) pos += 2;
  const rest = line.slice(pos);
  let style: EnumeratorStyle = 'none';
  let enumLevel = 0;
  let ordinal: number | null = null;
  let enumText = '';
  for (const e of ENUMERATORS) {
    const m = e.re.exec(rest);
    if (m) {
      style = e.style;
      enumLevel = e.level;
      ordinal = e.cn ? parseChineseNumeral(m[1]) : arabicOrdinal(m[1]);
      enumText = m[0];
      break;
    }
  }
  if (!markdownDepth && style === 'none') return undefined;

  const enumStart = pos;
  let titleStart = pos + enumText.length;
  while (titleStart < line.length && /[ \t\u3000\u00a0]/.test(line[titleStart])) titleStart++;
  // Title ends at the first 。 or ： (run-in) — or the end of the line.
  let lineEnd = boldEnd >= 0 ? boldEnd : line.length;
  // Closing #s ("## 标题 ##"), looked for after the opening sequence only: " #" or "# ##" is an
  // empty heading, not a heading whose title ends before it starts.
  if (markdownDepth) lineEnd = titleStart + withoutClosingHashes(line.slice(titleStart));
  while (lineEnd > titleStart && /[ \t\u3000\u00a0]/.test(line[lineEnd - 1])) lineEnd--;
  let titleEnd = lineEnd;
  let bodyStart = -1;
  const stop = /[。：:]/g;
  stop.lastIndex = titleStart;
  const sm = stop.exec(line);
  if (sm && sm.index < lineEnd) {
    titleEnd = sm.index;
    let b = sm.index + 1;
    while (b < lineEnd && /[ \t\u3000\u00a0]/.test(line[b])) b++;
    if (b < lineEnd) bodyStart = b;
  }
  if (boldEnd >= 0 && bodyStart < 0) {
    // The body after the bold, past a 。 or ： written after the closing marker.
    let b = boldEnd + 2;
    while (b < line.length && /[。：:\s]/.test(line[b])) b++;
    if (b < line.length) bodyStart = b;
  }
  const title = line.slice(titleStart, titleEnd).trim();

  if (!markdownDepth) {
    // Plain lines need a plausible title: not empty, not too long, not a sentence in disguise.
    if (!title) return undefined;
    if (bodyStart >= 0 ? titleEnd - titleStart > MAX_RUNIN_TITLE : titleEnd - titleStart > MAX_PLAIN_TITLE) return undefined;
    // "1.5万元" was excluded by the enumerator regex; "2018年" never matches; a numbered
    // sentence with a comma-separated clause list is still a heading when short.
    if (/^[是要]/.test(title) && style === 'cn') return undefined; // 一、是… never; guards odd pastes
  }
  return {
    enumLevel,
    style,
    enumerator: enumText.trim(),
    ordinal,
    title,
    markdownDepth,
    runIn: bodyStart >= 0,
    line: ln,
    range: { start: { line: ln, character: style === 'none' ? titleStart : enumStart }, end: { line: ln, character: titleEnd } },
    enumeratorRange: { start: { line: ln, character: enumStart }, end: { line: ln, character: enumStart + enumText.trimEnd().length } },
    titleRange: { start: { line: ln, character: titleStart }, end: { line: ln, character: titleStart + title.length } },
    bodyStart,
  };
}

/** Where the bold that opens the line at `pos` (** or __) closes, or -1 when it does not. */
function closingBold(line: string, pos: number): number {
  const marker = line.startsWith('**', pos) ? '**' : line.startsWith('__', pos) ? '__' : '';
  if (!marker) return -1;
  const close = line.indexOf(marker, pos + 2);
  return close > pos + 2 ? close : -1;
}

/**
 * Length of `s` without its closing #s: what s.replace(/(?:^|[ \t]+)#+[ \t]*$/, '') leaves, found
 * from the end (the regex, unanchored, re-read a long run of spaces from each of its positions).
 */
function withoutClosingHashes(s: string): number {
  const blank = (c: string) => c === ' ' || c === '\t';
  let end = s.length;
  while (end > 0 && blank(s[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && s[hashes - 1] === '#') hashes--;
  if (hashes === end) return s.length; // no closing #s
  if (hashes === 0) return 0;
  if (!blank(s[hashes - 1])) return s.length; // "标题#" keeps its #
  while (hashes > 0 && blank(s[hashes - 1])) hashes--;
  return hashes;
}
