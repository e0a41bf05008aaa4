// Draft text → ReportDocument. Total: any input (binary bytes, a 10 MB line, ragged tables)
// yields a model, never an exception. One pass classifies lines, a second builds blocks.

import type { DocumentTitle, Heading, Paragraph, ParseNote, Position, Range, ReportDocument, Section, Table } from '../model';
import { maskLines, splitLines } from './lines';
import { readHeading, type HeadingCandidate } from './headings';
import { buildTable, holdsPipeCells, isDelimiterRow, isPipeLine, isTabLine, pipeSlots } from './tables';
import { looksLikeTitle, readTitle } from './title';
import { CheckCache } from '../check-cache';
import { resultsByLine } from '../line-reuse';

type LineKind = 'blank' | 'heading' | 'pipe' | 'tab' | 'text' | 'rule' | 'code';

const YEAR_AND_REPORT = /(?:19|20)\d{2}\s*年|[〇零一二][〇零一二三四五六七八九]{3}年/;
const NON_SPACE = /\S/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/** A thematic break starts with - * or _ after at most three spaces; other lines skip the regex. */
function mayBeRule(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  return c === 45 || c === 42 || c === 95;
}

/** What a line is by its own text; a heading's ranges are on line `ln`. */
type LineClass = Exclude<LineKind, 'heading' | 'code'> | HeadingCandidate;

function classifyLine(m: string, ln = 0): LineClass {
  if (!NON_SPACE.test(m)) return 'blank';
  if (mayBeRule(m) && THEMATIC_BREAK.test(m)) return 'rule';
  if (isPipeLine(m)) return 'pipe';
  if (isTabLine(m)) return 'tab';
  return readHeading(m, ln) ?? 'text';
}

/** Names the parser's per-line classes in an editor session (line-reuse.ts). */
const LINE_CLASSES = {};

/**
 * The model's heading for a candidate. A candidate kept by an editor session was read as if on line
 * 0 and may serve several checks: its heading gets fresh ranges on line `ln` (`placed`); one read
 * where it stands lends its own. Field by field: object rest/spread here was the parser's single
 * costliest line.
 */
function headingOf(c: HeadingCandidate, ln: number, level: number, placed: boolean): Heading {
  const at = (r: Range): Range => (placed ? { start: { line: ln, character: r.start.character }, end: { line: ln, character: r.end.character } } : r);
  return {
    style: c.style,
    enumerator: c.enumerator,
    ordinal: c.ordinal,
    title: c.title,
    markdownDepth: c.markdownDepth,
    runIn: c.runIn,
    line: ln,
    range: at(c.range),
    enumeratorRange: at(c.enumeratorRange),
    titleRange: at(c.titleRange),
    level,
  };
}

/**
 * GFM lets a table leave out its outer pipes, and then the lines of a two-column table hold one pipe
 * each (`信息内容 | 本年制发件数` over `---|---`), which alone does not make a table line. As in GFM, a
 * delimiter row under a line of as many cells makes that line a table's header, and the lines after
 * it that hold a pipe are its rows.
 */
function markPipelessTables(masked: string[], kinds: LineKind[], headingAt: Map<number, HeadingCandidate>): void {
  const mayBeRow = (ln: number) => kinds[ln] === 'text' || kinds[ln] === 'heading' || kinds[ln] === 'pipe';
  const mark = (ln: number) => {
    kinds[ln] = 'pipe';
    headingAt.delete(ln);
  };
  for (let ln = 1; ln < masked.length; ln++) {
    // Most lines hold no pipe or no dash: two indexOf each.
    const m = masked[ln];
    if (m.indexOf('|') < 0 || m.indexOf('-') < 0 || !mayBeRow(ln) || !mayBeRow(ln - 1) || !isDelimiterRow(m)) continue;
    if (pipeSlots(masked[ln - 1]) !== pipeSlots(m)) continue;
    mark(ln - 1);
    mark(ln);
    // (holdsPipeCells, not pipeSlots: every row of every ordinary pipe table passes here, and
    // building its cell bounds beside the table's own split was a tenth of the parser's time.)
    while (ln + 1 < masked.length && mayBeRow(ln + 1) && holdsPipeCells(masked[ln + 1])) mark(++ln);
  }
}

// "附件：1.政府信息公开申请办理情况统计表" and the numbered lines under it list the attachments.
const ATTACHMENTS = /^\s*附\s*件\s*[:：]/;

/** The numbered lines right after 附件： are the items of its list, not headings. */
function markAttachmentLists(masked: string[], kinds: LineKind[], headingAt: Map<number, HeadingCandidate>): void {
  for (let ln = 0; ln < masked.length; ln++) {
    if (masked[ln].indexOf('附') < 0 || !ATTACHMENTS.test(masked[ln])) continue;
    if (kinds[ln] === 'heading') {
      kinds[ln] = 'text';
      headingAt.delete(ln);
    }
    for (let next = ln + 1; next < masked.length && kinds[next] === 'heading'; next++) {
      const style = headingAt.get(next)?.style;
      if (style !== 'arabic' && style !== 'paren-arabic') break;
      kinds[next] = 'text';
      headingAt.delete(next);
    }
  }
}

const CONTENTS = /^\s*目\s*录\s*[:：]?\s*$/;

/**
 * A table of contents (目录, then the part titles) lists the headings, it does not open the parts:
 * its lines are text, up to the heading whose number starts again (the first part itself).
 */
function markContents(masked: string[], kinds: LineKind[], headingAt: Map<number, HeadingCandidate>): void {
  const at = masked.findIndex((m, ln) => ln < 40 && m.indexOf('录') >= 0 && CONTENTS.test(m));
  if (at < 0) return;
  const listed: number[] = [];
  let last: HeadingCandidate | undefined;
  for (let ln = at + 1; ln < masked.length; ln++) {
    if (kinds[ln] === 'blank') continue;
    const h = kinds[ln] === 'heading' ? headingAt.get(ln) : undefined;
    if (!h) break;
    if (last && h.style === last.style && h.ordinal !== null && last.ordinal !== null && h.ordinal <= last.ordinal) break;
    if (!last || h.style === last.style) last = h;
    listed.push(ln);
  }
  if (listed.length < 2) return;
  for (const ln of listed) {
    kinds[ln] = 'text';
    headingAt.delete(ln);
  }
}

/** How many non-empty lines from the top may hold the title. */
const TITLE_WINDOW = 12;

export function parse(text: string, cache: CheckCache = new CheckCache()): ReportDocument {
  const { lines, eols, lineStarts } = splitLines(text);
  const { masked, inCode, directives } = maskLines(lines);
  const notes: ParseNote[] = [];
  if (masked[0]?.charCodeAt(0) === 0xfeff) masked[0] = ' ' + masked[0].slice(1); // BOM is not text
  scanInputProblems(text, lines, notes);

  // Pass 1: classify every line. In an editor session the classes of the lines a keystroke did
  // not change are the last check's (a heading read as if on line 0: see headingOf); without one,
  // each line is read where it stands, with nothing kept.
  const classes = cache.session ? resultsByLine(cache, LINE_CLASSES, masked, classifyLine) : undefined;
  const kinds = new Array<LineKind>(lines.length);
  const headingAt = new Map<number, HeadingCandidate>();
  for (let ln = 0; ln < lines.length; ln++) {
    if (inCode[ln]) {
      kinds[ln] = 'code';
      continue;
    }
    const c = classes ? classes[ln] : classifyLine(masked[ln], ln);
    if (typeof c === 'string') kinds[ln] = c;
    else {
      kinds[ln] = 'heading';
      headingAt.set(ln, c);
    }
  }

  markPipelessTables(masked, kinds, headingAt);
  markAttachmentLists(masked, kinds, headingAt);
  markContents(masked, kinds, headingAt);
  const title = findTitle(lines, masked, kinds, headingAt);
  if (title) {
    for (let l = title.line; l <= title.range.end.line; l++) {
      kinds[l] = 'blank';
      headingAt.delete(l);
    }
  }

  // Markdown headings without an enumerator take their level from their # depth, one less when
  // the title itself is the single # heading.
  const titleIsAtx = title !== undefined && /^ {0,3}#(?!#)/.test(masked[title.line]);
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];

  // Pass 2: blocks.
  let ln = 0;
  while (ln < lines.length) {
    const kind = kinds[ln];
    if (kind === 'heading') {
      const c = headingAt.get(ln)!;
      const level = c.enumLevel || Math.max(1, c.markdownDepth - (titleIsAtx ? 1 : 0));
      const bodyStart = c.bodyStart;
      const heading = headingOf(c, ln, level, classes !== undefined);
      headings.push(heading);
      if (bodyStart >= 0) {
        const bodyText = masked[ln].slice(bodyStart).trimEnd();
        paragraphs.push(makeParagraph([{ line: ln, from: bodyStart, text: bodyText }], heading));
      }
      ln++;
    } else if (kind === 'pipe' || kind === 'tab') {
      let end = ln;
      while (end + 1 < lines.length && kinds[end + 1] === kind) end++;
      tables.push(tableAt(cache, masked, ln, end, kind, headings.length - 1));
      ln = end + 1;
    } else if (kind === 'text') {
      const segs: Segment[] = [];
      while (ln < lines.length && kinds[ln] === 'text') {
        const m = masked[ln];
        const from = m.length - m.trimStart().length;
        segs.push({ line: ln, from, text: m.slice(from).trimEnd() });
        ln++;
      }
      paragraphs.push(makeParagraph(segs));
    } else ln++;
  }

  return {
    text,
    lines,
    lineStarts,
    eols,
    title,
    headings,
    sections: buildSections(nestUnderPartHeadings(headings), paragraphs, tables, lines),
    paragraphs,
    tables,
    directives,
    notes,
  };
}

/**
 * A table from its lines; in an editor session the table of the previous check is reused when its
 * lines, place and section are unchanged (a table depends on nothing else), so a keystroke in prose
 * re-reads no table.
 */
function tableAt(cache: CheckCache, masked: string[], from: number, to: number, kind: 'pipe' | 'tab', sectionIndex: number): Table {
  if (!cache.session) return buildTable(masked, from, to, kind, sectionIndex);
  // Keyed by place; the lines are compared one by one, which is cheaper than hashing the whole table.
  const memo = cache.memo<string, { lines: string[]; table: Table }>(TABLE_MEMO);
  const key = `${kind} ${from} ${to} ${sectionIndex}`;
  const known = memo.get(key);
  if (known && sameLines(known.lines, masked, from)) return known.table;
  const table = buildTable(masked, from, to, kind, sectionIndex);
  memo.set(key, { lines: masked.slice(from, to + 1), table });
  return table;
}

function sameLines(lines: string[], masked: string[], from: number): boolean {
  for (let i = 0; i < lines.length; i++) if (lines[i] !== masked[from + i]) return false;
  return true;
}
const TABLE_MEMO = {};

function findTitle(
  lines: string[],
  masked: string[],
  kinds: LineKind[],
  headingAt: Map<number, HeadingCandidate>,
): DocumentTitle | undefined {
  const top: number[] = [];
  for (let ln = 0; ln < lines.length && top.length < TITLE_WINDOW; ln++) {
    if (kinds[ln] === 'blank' || kinds[ln] === 'code' || kinds[ln] === 'rule') continue;
    const h = headingAt.get(ln);
    if (h && h.style !== 'none') break; // the first part heading ends the search
    if (kinds[ln] === 'pipe' || kinds[ln] === 'tab') break;
    top.push(ln);
  }
  const textOf = (ln: number) => {
    const h = headingAt.get(ln);
    return h ? h.title : masked[ln].trim();
  };
  const atx = top.find((ln) => headingAt.get(ln)?.markdownDepth === 1);
  const broken = atx === undefined ? brokenTitle(top, masked, headingAt) : undefined;
  if (broken) return broken;
  const pick =
    atx ??
    top.find((ln) => looksLikeTitle(textOf(ln)) && YEAR_AND_REPORT.test(textOf(ln))) ??
    top.find((ln) => looksLikeTitle(textOf(ln))) ??
    // The first line is the title only when it reads like one: short and not a sentence.
    (top.length && textOf(top[0]).length <= 60 && !/[。；;！!？?]/.test(textOf(top[0])) ? top[0] : undefined);
  if (pick === undefined) return undefined;
  const t = textOf(pick);
  const h = headingAt.get(pick);
  const character = h ? h.titleRange.start.character : masked[pick].indexOf(t);
  return readTitle(t, pick, Math.max(0, character));
}

/**
 * A title that a PDF broke over two lines (…2023 年政府信息公开工作年 / 度报告): the first two lines
 * of the top, one right below the other, neither a heading nor a sentence, name a report with its
 * year only together.
 */
function brokenTitle(top: number[], masked: string[], headingAt: Map<number, HeadingCandidate>): DocumentTitle | undefined {
  const [first, second] = top;
  if (second !== first + 1 || headingAt.has(first) || headingAt.has(second)) return undefined;
  const a = masked[first].trim();
  const b = masked[second].trim();
  // Neither a sentence nor page chrome (当前位置：首页 > …).
  if (b.length > 40 || looksLikeTitle(a) || /[。；;！!？?，,：:>]/.test(a + b)) return undefined;
  const joined = a + b;
  if (!looksLikeTitle(joined) || !YEAR_AND_REPORT.test(joined)) return undefined;
  return readTitle(joined, first, masked[first].indexOf(a), { line: second, character: masked[second].indexOf(b), at: a.length });
}

interface Segment {
  line: number;
  /** Column of the segment's first character in its line. */
  from: number;
  text: string;
}

const LATIN_END = /[A-Za-z0-9,.;]/;

/** Joins wrapped lines into one paragraph; a space only between two Latin characters. */
function makeParagraph(segs: Segment[], runInOf?: Heading): Paragraph {
  let text = '';
  const starts: number[] = [];
  // The joined text's last character is kept aside: reading it (by regex or index) would flatten
  // the growing string at every line, quadratic over a paragraph of thousands of lines.
  let lastChar = '';
  for (const s of segs) {
    if (lastChar && LATIN_END.test(lastChar) && /^[A-Za-z0-9]/.test(s.text)) text += ' ';
    starts.push(text.length);
    text += s.text;
    if (s.text) lastChar = s.text[s.text.length - 1];
  }
  const first = segs[0];
  const last = segs[segs.length - 1];
  const positionAt = (index: number): Position => {
    // Binary search for the segment holding `index`.
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    const off = Math.min(Math.max(0, index - starts[lo]), s.text.length);
    return { line: s.line, character: s.from + off };
  };
  return {
    text,
    range: { start: { line: first.line, character: first.from }, end: { line: last.line, character: last.from + last.text.length } },
    lines: segs.map((s) => s.line),
    positionAt,
    runInOf,
  };
}

/**
 * "第一部分 总体情况" with "一、主动公开情况" beneath it: the 第…部分 headings are the top level and
 * every other heading sits one level lower (else 一、 would read as a part of its own). Only when
 * plain 一、 headings do follow a 第…部分 one; alone, 第…部分 is just how the parts are numbered.
 * The headings are changed in place (before the sections are built from them); returns them.
 */
function nestUnderPartHeadings(headings: Heading[]): Heading[] {
  const isPart = (h: Heading) => h.level === 1 && h.enumerator.startsWith('第');
  let parts = 0;
  let nestedUnder = false;
  for (const h of headings) {
    if (isPart(h)) parts++;
    else if (parts > 0 && h.level === 1 && h.style === 'cn') nestedUnder = true;
  }
  if (parts < 2 || !nestedUnder) return headings;
  let seenPart = false;
  for (const h of headings) {
    if (isPart(h)) seenPart = true;
    else if (seenPart) h.level++;
  }
  return headings;
}

function buildSections(headings: Heading[], paragraphs: Paragraph[], tables: Table[], lines: string[]): Section[] {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: Section[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].heading.level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    const s: Section = { heading: h, children: [], parent, paragraphs: [], tables: [], range: h.range };
    (parent ? parent.children : roots).push(s);
    stack.push(s);
    all.push(s);
  }
  // Ranges: to the line before the next heading of the same or a higher level.
  for (let i = 0; i < all.length; i++) {
    let endLine = lines.length - 1;
    for (let j = i + 1; j < all.length; j++) {
      if (all[j].heading.level <= all[i].heading.level) {
        endLine = all[j].heading.line - 1;
        break;
      }
    }
    while (endLine > all[i].heading.line && lines[endLine].trim() === '') endLine--;
    all[i].range = {
      start: { line: all[i].heading.line, character: 0 },
      end: { line: endLine, character: lines[endLine].length },
    };
  }
  // Blocks belong to the innermost section whose heading precedes them.
  const owner = (line: number): Section | undefined => {
    let lo = 0;
    let hi = all.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].heading.line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? all[found] : undefined;
  };
  for (const p of paragraphs) owner(p.range.start.line)?.paragraphs.push(p);
  for (const t of tables) owner(t.startLine)?.tables.push(t);
  return roots;
}

// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

/** Binary bytes and absurd lines: the model is still built, the writer is told once. */
function scanInputProblems(text: string, lines: string[], notes: ParseNote[]): void {
  let controls = 0;
  let firstAt: Position | undefined;
  const anyControl = text.search(CONTROL_CHARS) >= 0; // one native scan of the whole text; usually false
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    if (anyControl) {
      CONTROL_CHARS.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CONTROL_CHARS.exec(line))) {
        controls++;
        firstAt ??= { line: ln, character: m.index };
      }
    }
    if (line.length > 200_000) {
      notes.push({
        kind: 'long-line',
        message: `第 ${ln + 1} 行长达 ${line.length} 个字符，可能是粘贴时丢失了换行`,
        range: { start: { line: ln, character: 0 }, end: { line: ln, character: 0 } },
      });
    }
  }
  if (controls && firstAt) {
    notes.push({
      kind: 'binary',
      message: `文本含有 ${controls} 个控制字符或二进制字节（如 NUL），可能不是纯文本文件；已尽量按文本检查`,
      range: { start: firstAt, end: { line: firstAt.line, character: firstAt.character + 1 } },
    });
  }
}
