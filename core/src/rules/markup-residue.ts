// Word and HTML markup left in the text by a copy from a web page or a "save as HTML": conditional
// comments (<!--[if !supportLists]-->), character entities (&nbsp; &lt; &ldquo;), tags (<span …>,
// </p>, <o:p>), mso- styles, runs of no-break spaces inside a line. One cause is one finding for the
// whole document, with the count, on the first occurrence, and a fix that removes every instance
// (each edit covers exactly the residue it removes).

import type { TextEdit } from '../model';
import type { RelatedInfo, Rule } from './types';
import { lineRange } from '../analysis/prose/ranges';
import { allMatches } from '../facts/all-matches';
import type { CheckCache } from '../check-cache';
import { resultsByLine } from '../line-reuse';

type Kind = 'conditional' | 'tag' | 'entity' | 'mso' | 'nbsp';

// Tag names Word and web editors leave behind (not <br>, <sup>, <sub>: Markdown drafts use them).
const TAG_NAMES =
  'span|font|div|p|table|tbody|thead|tfoot|tr|td|th|col|colgroup|caption|a|img|b|i|u|s|strong|em|style|script|meta|link|ul|ol|li|dl|dt|dd|h[1-6]|center|section|article|header|footer|nav|label|input|iframe|small|big|blockquote|pre|hr|(?:o|w|v|m|st1):[A-Za-z]{1,30}';
// Each pattern is linear: bounded repetitions, or a class that stops at the next '<' / line end.
const PATTERNS: Array<{ kind: Kind; re: RegExp }> = [
  { kind: 'conditional', re: /<!(?:--)?\[(?:if [^\]\n]{1,40}|endif)\](?:--)?>/g },
  { kind: 'tag', re: new RegExp(`</?(?:${TAG_NAMES})(?=[\\s>/])[^<>\\n]{0,500}>`, 'g') },
  // The same tags escaped: &lt;span style=…&gt;
  { kind: 'tag', re: new RegExp(`&lt;/?(?:${TAG_NAMES})(?=[\\s&/])[^<>&\\n]{0,500}&gt;`, 'g') },
  {
    kind: 'entity',
    re: /&(?:nbsp|ensp|emsp|thinsp|lt|gt|amp|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|bull|times|divide|deg|plusmn|yen|copy|reg|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});/g,
  },
  // mso-bidi-font-family:仿宋 / mso-border-alt:0.5000pt solid windowtext; — the value is CSS words
  // or a font name, never the prose after it.
  {
    kind: 'mso',
    re: /mso-[a-z]{1,30}(?:-[a-z]{1,30}){0,6}[ \t]?:[ \t]?(?:[A-Za-z0-9#.%_-]{1,40}(?: [A-Za-z0-9#.%_-]{1,40}){0,4}|[\u4e00-\u9fff]{1,8}[A-Za-z0-9_]{0,10})?;?/g,
  },
  // Two or more no-break spaces (with ordinary spaces between) inside a line.
  { kind: 'nbsp', re: /\u00a0[\u00a0 ]{0,200}\u00a0/g },
];
// Every pattern's match holds one of these characters: most lines hold none and are skipped.
const TRIGGER = /[<&\u00a0]|mso-/;
const URL = /(?:https?:\/\/|www\.)[^\s，。；、）)】"'”]{1,500}/g;

const ENTITY: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', yen: '¥', copy: '©', reg: '®',
};
const SPACE_ENTITIES = new Set(['nbsp', 'ensp', 'emsp', 'thinsp', '#160', '#12288', '#xa0', '#xA0', '#x3000']);

const WHAT: Record<Kind, string> = {
  conditional: 'Word 条件注释',
  tag: 'HTML 标签',
  entity: 'HTML 字符实体',
  mso: 'Word 样式代码',
  nbsp: '连续的不间断空格',
};

const FIX_TITLE: Record<Kind, (n: number) => string> = {
  conditional: (n) => `删除 ${n} 处条件注释`,
  tag: (n) => `删除 ${n} 处标签`,
  entity: (n) => `将 ${n} 处字符实体换回原字符`,
  mso: (n) => `删除 ${n} 处样式代码`,
  nbsp: (n) => `清除 ${n} 处不间断空格`,
};

interface Hit {
  kind: Kind;
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Whether a space between these neighbours is needed: only between two characters of a Latin word or figure. */
function needsSpace(before: string, after: string): boolean {
  const latin = (c: string) => /[A-Za-z0-9]/.test(c);
  return latin(before) && latin(after);
}

function replacementFor(hit: Hit, line: string): string {
  if (hit.kind === 'entity') {
    const name = hit.text.slice(1, -1);
    if (SPACE_ENTITIES.has(name)) return needsSpace(line[hit.start - 1] ?? '', line[hit.end] ?? '') ? ' ' : '';
    if (ENTITY[name] !== undefined) return ENTITY[name];
    const code = name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // A control character or an unpaired surrogate is not text to put back.
    return code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
  }
  if (hit.kind === 'nbsp') return needsSpace(line[hit.start - 1] ?? '', line[hit.end] ?? '') ? ' ' : '';
  return '';
}

type LineHit = Omit<Hit, 'line'>;
const NO_HITS: readonly LineHit[] = Object.freeze([]);

function hitsOfLine(line: string): readonly LineHit[] {
  if (!TRIGGER.test(line)) return NO_HITS;
  const urls: Array<[number, number]> = [];
  if (line.includes('://') || line.includes('www.')) for (const m of allMatches(URL, line)) urls.push([m.index, m.index + m[0].length]);
  const found: LineHit[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of allMatches(re, line)) {
      const start = m.index;
      const end = start + m[0].length;
      if (urls.some(([s, e]) => start < e && end > s)) continue;
      // A run of no-break spaces at either end of the line is indentation or trailing space.
      if (kind === 'nbsp' && (line.slice(0, start).trim() === '' || line.slice(end).trim() === '')) continue;
      found.push({ kind, start, end, text: m[0] });
    }
  }
  if (found.length === 0) return NO_HITS;
  // Overlaps (mso- inside a tag, &nbsp; inside an escaped tag): the earlier, longer match wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LineHit[] = [];
  let lastEnd = -1;
  for (const h of found) {
    if (h.start < lastEnd) continue;
    kept.push(h);
    lastEnd = h.end;
  }
  return kept;
}

/** Names this rule's per-line results in an editor session (line-reuse.ts). */
const LINE_HITS = {};

/** The residue of every line; in an editor session only the lines a keystroke changed are read again. */
function hitsOf(lines: readonly string[], cache: CheckCache): Hit[] {
  const hits: Hit[] = [];
  const perLine = resultsByLine(cache, LINE_HITS, lines, hitsOfLine);
  for (let line = 0; line < perLine.length; line++) {
    const found = perLine[line];
    for (let k = 0; k < found.length; k++) hits.push({ kind: found[k].kind, line, start: found[k].start, end: found[k].end, text: found[k].text });
  }
  return hits;
}

const MAX_RELATED = 20;

export const rule: Rule = {
  meta: {
    id: 'markup-residue',
    title: '残留 Word/网页代码',
    titleEn: 'Word or HTML markup left in the text',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '检查从网页或 Word 复制时带入正文的代码：Word 条件注释“<!--[if !supportLists]-->”“<!--[endif]-->”、HTML 字符实体“&nbsp;”“&lt;”“&ldquo;”、' +
      '残留标签“<span …>”“</p>”“<o:p>”、“mso-”样式代码，以及行内连续的不间断空格（提示）。同一类残留全文只报告一次，写明处数，' +
      '快速修复一次删除全部（字符实体换回对应字符）。网址中的字符和 Markdown 常用的 <br>、<sup>、<sub> 不计。',
    basis: '公开发布的文本应干净可读',
  },
  check({ doc, cache, report }) {
    const byKind = new Map<Kind, Hit[]>();
    for (const h of hitsOf(doc.lines, cache)) {
      const list = byKind.get(h.kind);
      if (list) list.push(h);
      else byKind.set(h.kind, [h]);
    }
    for (const [kind, hits] of byKind) {
      const first = hits[0];
      const edits: TextEdit[] = hits.map((h) => ({ range: lineRange(h.line, h.start, h.end), newText: replacementFor(h, doc.lines[h.line]) }));
      const related: RelatedInfo[] = hits
        .slice(1, 1 + MAX_RELATED)
        .map((h) => ({ range: lineRange(h.line, h.start, h.end), message: `另一处${WHAT[kind]}` }));
      // (A run of no-break spaces is invisible: named by its code point.)
      const sample = kind === 'nbsp' ? 'U+00A0' : first.text.length > 40 ? first.text.slice(0, 40) + '…' : first.text;
      const todo = kind === 'entity' ? '应换回原字符' : kind === 'nbsp' ? '应清除' : '应删除';
      report({
        message:
          hits.length > 1
            ? `文中有 ${hits.length} 处${WHAT[kind]}（如“${sample}”），是从网页或 Word 复制时带入的，${todo}`
            : `文中有${WHAT[kind]}“${sample}”，是从网页或 Word 复制时带入的，${todo}`,
        range: lineRange(first.line, first.start, first.end),
        severity: kind === 'nbsp' ? 'info' : undefined,
        related,
        data: { kind, count: hits.length },
        fix: { title: FIX_TITLE[kind](hits.length), edits, preferred: true },
      });
    }
  },
};
