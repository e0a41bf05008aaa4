// Heading numbers within one level under one parent: skipped or repeated numbers (一、二、四),
// a level that jumps (一、 straight to 1.), half-width （一） written as (一), and 一、 written 一． or 一，.
// Fixes touch only the numeral or only the two parentheses, never the title.

import { inTextTable } from '../facts/text-tables';
import type { Heading, Range, Section, TextEdit } from '../model';
import type { PartMatch } from '../facts/types';
import type { Profile } from '../profiles/types';
import type { Rule, RuleContext } from './types';
import { chineseNumeral } from '../text/numerals';
import { distinctParts, headingLabel, numeralFor, numeralRange, statutoryNumber } from '../analysis/structure-util';

const LEVEL_SAMPLE: Record<number, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };

export const rule: Rule = {
  meta: {
    id: 'heading-numbering',
    title: '标题编号不规范',
    titleEn: 'Heading numbering',
    category: 'heading',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '同一上级标题下的同级标题应连续编号（一、二、三……），层级依次为「一、」「（一）」「1.」「（1）」，不跳级；「（一）」「（1）」用全角括号，「一、」用顿号（写成「一．」「一，」的也认作一级标题，提示一次）。年度报告的部分标题按统一格式的部分序号编号。',
    basis: 'GB/T 9704—2012《党政机关公文格式》7.3.3',
  },
  check(ctx) {
    // A PDF conversion breaks rows and headings by itself (input-quality says so once).
    if (ctx.facts.conversion) return;
    const parts = distinctParts(ctx.facts.parts);
    // A part written a second time is part-duplicate's finding, not a number out of sequence.
    const duplicates = new Set(ctx.facts.parts.filter((m) => m.duplicateOf).map((m) => m.heading.line));
    const byLine = new Map<number, PartMatch>(parts.map((m) => [m.heading.line, m]));
    const present = new Set(parts.map((m) => m.specIndex));
    const halfWidth: Heading[] = [];
    const notComma: Heading[] = [];
    const jumps: Jump[] = [];
    // Numbered items that are sentences ("1.政策解读形式单一，图解偏少；", a line ending in 。 or ；)
    // are a list, not a heading level.
    const isItem = (h: Heading) => /[，,；;]/.test(h.title) || /[。；;]$/.test((ctx.doc.lines[h.line] ?? '').trim());
    const visit = (all: Section[], parent: Section | undefined) => {
      // The rows of a table given as plain lines (（一）予以公开 …) are no headings.
      const siblings = all.filter((s) => !inTextTable(ctx.facts.unreadableTables, s.heading.line) && !(parent === undefined && duplicates.has(s.heading.line)));
      if (parent) findJump(parent, siblings, jumps, isItem);
      for (const group of groupsOf(siblings)) checkSequence(ctx, group, parent, parent ? undefined : { byLine, present });
      for (const s of siblings) {
        if (s.heading.style === 'paren-cn-half' || s.heading.style === 'paren-arabic') halfWidth.push(s.heading);
        if (s.heading.style === 'cn' && !s.heading.enumerator.endsWith('、') && !s.heading.enumerator.startsWith('第')) notComma.push(s.heading);
        visit(s.children, s);
      }
    };
    visit(ctx.doc.sections, undefined);
    reportJumps(ctx, jumps);
    checkParens(ctx, halfWidth);
    checkSeparators(ctx, notComma);
  },
};

/** Enumerated sibling headings by level. Markdown depth is not part of the key: converted drafts
 * mix `### （二）` and a plain `（三）` in one list (table captions written as `### 一、` restart at 一,
 * which sequentialNumbers accepts). */
function groupsOf(siblings: Section[]): Heading[][] {
  const groups = new Map<string, Heading[]>();
  for (const s of siblings) {
    const h = s.heading;
    if (h.style === 'none' || h.ordinal === null) continue;
    const key = String(h.level);
    const list = groups.get(key) ?? [];
    list.push(h);
    groups.set(key, list);
  }
  return [...groups.values()];
}

interface PartInfo {
  byLine: Map<number, PartMatch>;
  present: Set<number>;
}

function checkSequence(ctx: RuleContext, group: Heading[], parent: Section | undefined, top: PartInfo | undefined): void {
  const byStatute = statutoryNumbers(ctx.profile, group, top);
  const expected = byStatute ?? sequentialNumbers(withUnheaded(ctx, group, parent));
  const wrong = group.map((h, i) => ({ h, want: expected[i] })).filter(({ h, want }) => h.ordinal !== want);
  if (wrong.length === 0) return;
  const { h: first, want } = wrong[0];
  const index = group.indexOf(first);
  const prev = index > 0 ? group[index - 1] : undefined;
  const wantText = enumeratorWith(first, want);
  let message: string;
  if (byStatute) {
    const part = top!.byLine.get(first.line)!;
    message = `「${headingLabel(first)}」按格式是第${chineseNumeral(want)}部分（${part.spec.title}），应编为「${wantText}」`;
  } else if (prev && prev.ordinal === first.ordinal) message = `编号「${first.enumerator}」与上一个同级标题重复，应为「${wantText}」`;
  else if (first.ordinal! > want) message = `编号跳过了「${wantText}」：此处为「${first.enumerator}」，应为「${wantText}」`;
  else message = `编号不连续：此处为「${first.enumerator}」，应为「${wantText}」`;
  if (wrong.length > 1) message += `；其后 ${wrong.length - 1} 个同级标题的编号随之调整`;

  const edits: TextEdit[] = [];
  for (const { h, want: n } of wrong) {
    const range = numeralRange(h);
    if (range) edits.push({ range, newText: numeralFor(h, n) });
  }
  ctx.report({
    message,
    range: first.enumeratorRange,
    related: prev ? [{ range: prev.enumeratorRange, message: `上一个同级标题「${headingLabel(prev)}」` }] : undefined,
    data: { expected: want, actual: first.ordinal },
    fix: edits.length ? { title: wrong.length > 1 ? `重新编号（${wrong.length} 处）` : `改为「${wantText}」`, edits, preferred: true } : undefined,
  });
}

/**
 * Level-1 parts of an annual report carry their statutory numbers (a missing part leaves a gap
 * that part-missing fills), but only when every heading of the level is a part, in order.
 */
function statutoryNumbers(profile: Profile, group: Heading[], top: PartInfo | undefined): number[] | undefined {
  // Only a format that prescribes its parts' numbers (pre-2019 reports numbered their own).
  if (!top || !profile.annualReport || !profile.prescribed || group.length === 0) return undefined;
  const matches = group.map((h) => top.byLine.get(h.line));
  if (matches.some((m) => !m)) return undefined;
  for (let i = 1; i < matches.length; i++) if (matches[i]!.specIndex <= matches[i - 1]!.specIndex) return undefined;
  return matches.map((m) => statutoryNumber(profile, top.present, m!.specIndex));
}

interface Numbered {
  ordinal: number | null;
  /** False for a paragraph that opens with the enumerator but whose title could not be told apart. */
  heading: boolean;
}

/**
 * 1, 2, 3 … for the headings of a group; a heading numbered 1 after others starts a new list (an
 * appended table or annex). Paragraphs opening with the next number count in the sequence: 「（一）主动
 * 公开政府信息的数量各乡镇……」 is numbered though its title runs on without a 。 to end it.
 */
function sequentialNumbers(items: Numbered[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it.heading) {
      if (it.ordinal === n + 1) n++;
      continue;
    }
    n = i > 0 && it.ordinal === 1 ? 1 : n + 1;
    out.push(n);
  }
  return out;
}

const OPENING: Record<string, RegExp> = {
  cn: /^\s*([一二三四五六七八九十]{1,3})、/,
  'paren-cn': /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/,
  arabic: /^\s*(\d{1,2})[.．、](?!\d)/,
  'paren-arabic': /^\s*[（(]\s*(\d{1,2})\s*[）)]/,
};

/** The group's headings with the paragraphs under the same parent that open with the same kind of number. */
function withUnheaded(ctx: RuleContext, group: Heading[], parent: Section | undefined): Numbered[] {
  const style = group[0].style === 'paren-cn-half' ? 'paren-cn' : group[0].style;
  const re = OPENING[style];
  const items: (Numbered & { line: number })[] = group.map((h) => ({ ordinal: h.ordinal, heading: true, line: h.line }));
  if (re) {
    const from = parent ? parent.range.start.line : 0;
    const to = parent ? parent.range.end.line : ctx.doc.lines.length - 1;
    // Paragraphs are in line order: start at the parent's first line instead of scanning the
    // whole document for every group (a compilation of many reports has thousands of groups).
    const paragraphs = ctx.doc.paragraphs;
    for (let i = firstAfter(paragraphs, from); i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const line = p.range.start.line;
      if (line > to) break;
      if (p.runInOf) continue;
      const m = re.exec(p.text);
      if (m) items.push({ ordinal: style === 'arabic' || style === 'paren-arabic' ? Number(m[1]) : cnValue(m[1]), heading: false, line });
    }
  }
  return items.sort((a, b) => a.line - b.line);
}

/** Index of the first paragraph that starts below `line` (paragraphs sorted by line). */
function firstAfter(paragraphs: readonly { range: Range }[], line: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paragraphs[mid].range.start.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cnValue(s: string): number {
  const d = '一二三四五六七八九';
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d.indexOf(s[1]) + 1;
  if (s.length === 1) return d.indexOf(s) + 1;
  return (d.indexOf(s[0]) + 1) * 10 + (s[2] ? d.indexOf(s[2]) + 1 : 0);
}

function enumeratorWith(h: Heading, n: number): string {
  const range = numeralRange(h);
  if (!range) return h.enumerator;
  const from = range.start.character - h.enumeratorRange.start.character;
  const to = range.end.character - h.enumeratorRange.start.character;
  return h.enumerator.slice(0, from) + numeralFor(h, n) + h.enumerator.slice(to);
}

interface Jump {
  parent: Heading;
  child: Heading;
}

function findJump(parent: Section, children: Section[], out: Jump[], isItem: (h: Heading) => boolean): void {
  const p = parent.heading;
  if (p.style === 'none') return;
  const jump = children.find((c) => c.heading.style !== 'none' && c.heading.level > p.level + 1 && !isItem(c.heading));
  if (jump) out.push({ parent: p, child: jump.heading });
}

/** Levels skipped (一、 straight to 1.): one finding for the document, at the first, naming the others. */
function reportJumps(ctx: RuleContext, jumps: Jump[]): void {
  if (jumps.length === 0) return;
  const { parent: p, child: h } = jumps[0];
  // Under 第…部分 headings every level sits one lower (the parser nests 一、 beneath them).
  const underParts = ctx.doc.headings.some((x) => x.style === 'cn' && x.level === 2);
  const skipped = LEVEL_SAMPLE[underParts ? p.level : p.level + 1] ?? '';
  const order = `${underParts ? '「第一部分」' : ''}「一、」「（一）」「1.」「（1）」`;
  const more = jumps.length > 1 ? `；另有 ${jumps.length - 1} 处同样跳级` : '';
  ctx.report({
    message: `「${headingLabel(p)}」之下直接用了「${h.enumerator}」，跳过了「${skipped}」一级（层级应依次为${order}）${more}`,
    range: h.enumeratorRange,
    related: [
      { range: p.enumeratorRange, message: `上级标题「${headingLabel(p)}」` },
      ...jumps.slice(1, 20).map((j) => ({ range: j.child.enumeratorRange, message: `「${headingLabel(j.parent)}」之下的「${j.child.enumerator}」` })),
    ],
    data: { parentLevel: p.level, level: h.level, count: jumps.length },
    // The order of levels is a convention of style (GB/T 9704), not a mistake in the content.
    severity: 'info',
  });
}

/**
 * Half-width (一) where the format writes （一）: one finding for the document, with the count and a
 * fix for every one. When the whole text is half-width (every comma too: a crawler or OCR did it,
 * not the author) it is an info about the copy rather than a warning about the draft.
 */
function checkParens(ctx: RuleContext, headings: Heading[]): void {
  if (ctx.profile.headingStyle?.level2 !== 'paren-cn' || headings.length === 0) return;
  const edits: TextEdit[] = [];
  for (const h of headings) {
    const line = h.enumeratorRange.start.line;
    for (let i = 0; i < h.enumerator.length; i++) {
      const c = h.enumerator[i];
      if (c !== '(' && c !== ')') continue;
      const at = h.enumeratorRange.start.character + i;
      const range: Range = { start: { line, character: at }, end: { line, character: at + 1 } };
      edits.push({ range, newText: c === '(' ? '（' : '）' });
    }
  }
  if (edits.length === 0) return;
  const first = headings[0];
  const full = first.enumerator.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
  const copied = halfWidthThroughout(ctx.doc.text);
  reportOnce(ctx, headings, edits, {
    message: (count) => `「${first.enumerator}」${count}用了半角括号，公文标题应为全角「${full}」${copied ? '（全文标点都是半角，多半是网页或识别软件转换所致）' : ''}`,
    fixTitle: headings.length > 1 ? `改为全角括号（${headings.length} 处）` : `改为全角括号「${full}」`,
    data: { copied },
  });
}

/**
 * One finding for a style every listed heading shares (half-width brackets, a dot for 、): on the
 * first, the others as related information, one fix for all. Style, not substance: an info, whether
 * the writer or a converter wrote them.
 */
function reportOnce(ctx: RuleContext, headings: Heading[], edits: TextEdit[], what: { message: (count: string) => string; fixTitle: string; data?: Record<string, unknown> }): void {
  const first = headings[0];
  ctx.report({
    message: what.message(headings.length === 1 ? '' : `等 ${headings.length} 处标题`),
    range: first.enumeratorRange,
    severity: 'info',
    related: headings.slice(1, 20).map((h) => ({ range: h.enumeratorRange, message: `「${h.enumerator}${h.title}」` })),
    data: { count: headings.length, ...what.data },
    fix: { title: what.fixTitle, edits, preferred: true },
  });
}

/** 一． 一. 一， written for 一、: one info for all, with a fix that writes 、 in each. */
function checkSeparators(ctx: RuleContext, headings: Heading[]): void {
  if (!ctx.profile.headingStyle || headings.length === 0) return;
  const edits: TextEdit[] = headings.map((h) => {
    const end = h.enumeratorRange.end;
    return { range: { start: { line: end.line, character: end.character - 1 }, end }, newText: '、' };
  });
  const first = headings[0];
  const want = `${first.enumerator.slice(0, -1).trim()}、`;
  reportOnce(ctx, headings, edits, {
    message: (count) => `「${first.enumerator}」${count}的序号后用了「${first.enumerator.slice(-1)}」，公文一级标题的序号后应为顿号，如「${want}」`,
    fixTitle: headings.length > 1 ? `改为顿号（${headings.length} 处）` : `改为「${want}」`,
  });
}

/** True when the text writes half-width commas and parentheses between Chinese words, nearly always. */
function halfWidthThroughout(text: string): boolean {
  let half = 0;
  let full = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (let i = 1; i + 1 < sample.length; i++) {
    const c = sample[i];
    if (c === ',' || c === '(' || c === ')' || c === ';') {
      if (isHan(sample.charCodeAt(i - 1)) || isHan(sample.charCodeAt(i + 1))) half++;
    } else if (c === '，' || c === '（' || c === '）' || c === '；') full++;
  }
  return half >= 10 && half >= 4 * full;
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}
