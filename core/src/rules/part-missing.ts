// Required parts that are absent: one finding for all of them (a new draft with five parts not yet
// written is one thing to do, not five errors), at the place the first belongs, with a fix that
// inserts every one of them where it belongs. The fix follows the draft: its numbering (the parts
// after an insertion are renumbered), its markup (## headings), plain text in a plain-text draft,
// and no second statistics table where the draft already has one.

import type { Position, ReportDocument, TextEdit } from '../model';
import type { PartMatch } from '../facts/types';
import type { PartSpec } from '../profiles/types';
import type { Rule, RuleContext } from './types';
import { distinctParts, eolOf, headingLabel, wholeLineRange, statutoryNumber, numeralRange } from '../analysis/structure-util';
import { chineseNumeral } from '../text/numerals';
import { hasStatisticsTable, missingParts, tableAsPlainText } from '../analysis/part-presence';
import { annexStart } from '../facts/parts';

export const rule: Rule = {
  meta: {
    id: 'part-missing',
    title: '缺少法定部分',
    titleEn: 'Required part missing',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '年度报告应包括《条例》规定的各部分（2021 年格式为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项）。' +
      '缺少的部分合为一条报告，位置在第一个缺少部分应插入处；快速修复把每个缺少的部分（带编号的标题、填写说明和统一格式的空表）插到各自的位置，并顺延其后各部分的编号。' +
      '2018 年及以前的报告：各地标题不一，正文中写到了该部分内容的（如在依申请公开部分写明“未收到行政复议申请”）不算缺少；附有统计表即满足“统计表”部分；“概述”为当时通行做法而非法定内容，缺少时只作提示。' +
      '一个部分标题都认不出时只报告一次。不是年度报告的文稿（通用检查）不做此项检查。',
    basis: '《条例》第五十条（2007 年《条例》第三十二条）；国办公开办函〔2021〕30号、〔2019〕60号',
  },
  check(ctx) {
    const { doc, profile } = ctx;
    if (!profile.annualReport || profile.parts.length === 0) return;
    const found = distinctParts(ctx.facts.parts);
    if (found.length === 0) {
      reportNoParts(ctx);
      return;
    }
    const present = new Set(found.map((m) => m.specIndex));
    const missing = missingParts(ctx);
    if (missing.length === 0) return;
    const places = missing.map(({ spec, index }) => ({ spec, index, next: nextPresent(found, index), number: statutoryNumber(profile, present, index) }));
    const first = places[0];
    const names = places.map((p) => `「${chineseNumeral(p.number)}、${p.spec.title}」（依据：${p.spec.basis}）`);
    const annex = annexStart(doc);
    const where = first.next ? `第一个应补在「${headingLabel(first.next.heading)}」之前` : annex < Infinity ? '应补在所附统计表之前' : '应补在文末';
    const anchorLine = first.next ? first.next.heading.line : annex < Infinity ? annex : lastTextLine(doc);
    const statute = missing.some(({ spec }) => (spec.demand ?? 'statute') === 'statute');
    ctx.report({
      message:
        missing.length === 1
          ? `缺少第${chineseNumeral(first.number)}部分${names[0]}，${where.replace('第一个', '')}`
          : `缺少 ${missing.length} 个部分：${names.join('；')}，${where}`,
      range: anchorLine < 0 ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : wholeLineRange(doc, anchorLine),
      // A part only the practice of the time asked for (概述 before 2019) is no defect in law: a hint.
      severity: statute ? 'error' : 'info',
      data: { partIds: missing.map((m) => m.spec.id), headings: places.map((p) => `${chineseNumeral(p.number)}、${p.spec.title}`) },
      fix: {
        title: missing.length === 1 ? `插入「${chineseNumeral(first.number)}、${first.spec.title}」及填写说明` : `插入缺少的 ${missing.length} 个部分及填写说明`,
        edits: insertions(ctx, found, places),
      },
    });
  },
};

/** Not one part heading recognised: one warning saying what the report should have. */
function reportNoParts(ctx: RuleContext): void {
  const { doc, profile } = ctx;
  const required = profile.parts.filter((p) => !p.optional);
  ctx.report({
    message: `未识别出任何部分标题：按「${profile.name}」，报告应有 ${required.length} 个部分（${required
      .map((p, i) => `${chineseNumeral(i + 1)}、${p.title}`)
      .join('；')}）。部分标题应单独成行，如「一、${required[0]?.title ?? ''}」`,
    range: doc.title?.range ?? wholeLineRange(doc, Math.max(0, doc.lines.findIndex((l) => l.trim() !== ''))),
    data: { partIds: required.map((p) => p.id) },
    // The parts may well be there, only not on lines of their own.
    severity: 'warning',
  });
}

function nextPresent(found: PartMatch[], index: number): PartMatch | undefined {
  return found.filter((m) => m.specIndex > index).sort((a, b) => a.specIndex - b.specIndex)[0];
}

function lastTextLine(doc: ReportDocument): number {
  for (let l = doc.lines.length - 1; l >= 0; l--) if (doc.lines[l].trim() !== '') return l;
  return -1;
}

interface Place {
  spec: PartSpec;
  index: number;
  next: PartMatch | undefined;
  number: number;
}

/**
 * The edits of the fix: each missing part inserted before the next part present (or at the end).
 * Numbers follow the draft's own sequence of 一、 headings (which may hold sections that are not
 * parts): an inserted part takes the number after the heading before it, and the headings after it
 * move up where they would collide — a draft that left the gap for the missing number keeps its own.
 */
function insertions(ctx: RuleContext, found: PartMatch[], places: Place[]): TextEdit[] {
  const { doc } = ctx;
  const eol = eolOf(doc);
  const plain = ctx.plainText;
  const depth = plain ? 0 : (found.find((m) => m.heading.markdownDepth > 0)?.heading.markdownDepth ?? 0);
  // A draft whose parts are bare Markdown headings (## 总体情况) gets bare titles too.
  const bare = found.every((m) => m.heading.style === 'none');
  const level1 = doc.headings.filter((h) => h.level === 1 && h.style === 'cn' && h.ordinal !== null);
  // Where each group of parts goes: before a present part's heading, before an attached statistics
  // table, or at the end (line Infinity).
  const annex = annexStart(doc);
  const groups = new Map<number, Place[]>();
  for (const p of places) {
    const line = p.next ? p.next.heading.line : annex;
    groups.set(line, [...(groups.get(line) ?? []), p]);
  }
  // Walk the final sequence: present 一、 headings and inserted parts in document order.
  const numberOf = new Map<Place, number>();
  const renumber: { line: number; want: number }[] = [];
  let last = 0;
  const insertBefore = (line: number) => {
    for (const p of groups.get(line) ?? []) numberOf.set(p, (last = last + 1));
  };
  for (const h of level1) {
    insertBefore(h.line);
    const want = Math.max(h.ordinal!, last + 1);
    if (want !== h.ordinal) renumber.push({ line: h.line, want });
    last = want;
  }
  for (const line of groups.keys()) if (!level1.some((h) => h.line === line)) insertBefore(line);
  const edits: TextEdit[] = [];
  const renumbered = new Set<number>();
  // In the draft's own form of number: 五、 or, where its parts are so headed, 第五部分.
  const byPart = level1.length > 0 && level1.every((h) => h.enumerator.startsWith('第'));
  const headingText = (n: number, title: string) => (byPart ? `第${chineseNumeral(n)}部分 ${title}` : `${chineseNumeral(n)}、${title}`);
  for (const [line, group] of groups) {
    const body = group.map((p) => block(ctx, p.spec, bare ? p.spec.title : headingText(numberOf.get(p)!, p.spec.title), depth, plain)).join(eol + eol);
    const text = body.split(/\r\n|\r|\n/).join(eol);
    if (line !== Infinity) {
      const at: Position = { line, character: 0 };
      // The heading the parts go before may itself be renumbered: one edit up to its numeral, so
      // the insertion and the new number never overlap.
      const r = bare ? undefined : renumber.find((x) => x.line === line);
      const numeral = r && numeralRange(level1.find((h) => h.line === line)!);
      if (r && numeral) {
        renumbered.add(line);
        const lead = doc.lines[line].slice(0, numeral.start.character);
        edits.push({ range: { start: at, end: numeral.end }, newText: text + eol + eol + lead + chineseNumeral(r.want) });
      } else edits.push({ range: { start: at, end: at }, newText: text + eol + eol });
    } else {
      const end = doc.lines.length - 1;
      const at: Position = { line: end, character: doc.lines[end]?.length ?? 0 };
      const lead = lastTextLine(doc) < 0 ? '' : doc.lines[end].trim() === '' ? eol : eol + eol;
      edits.push({ range: { start: at, end: at }, newText: lead + text + eol });
    }
  }
  if (!bare) {
    for (const { line, want } of renumber) {
      if (renumbered.has(line)) continue;
      const h = level1.find((x) => x.line === line)!;
      const range = numeralRange(h);
      if (range) edits.push({ range, newText: chineseNumeral(want) });
    }
  }
  return edits;
}

/** Heading, guidance and blank tables of one part, in the draft's markup (or as plain text). */
function block(ctx: RuleContext, spec: PartSpec, heading: string, depth: number, plain: boolean): string {
  const blocks = [(depth ? '#'.repeat(depth) + ' ' : '') + heading];
  const guidance = spec.template.trim();
  // In a plain-text draft a comment would show as text: the guidance is left out.
  if (guidance && !plain) blocks.push(guidance);
  for (const id of spec.tables ?? []) {
    const table = ctx.profile.tables.find((t) => t.id === id);
    if (!table?.template.trim()) continue;
    // Never a second copy of a table the draft already has, wherever it stands.
    if (ctx.facts.nationalTables.some((t) => t.spec.id === id) || ctx.facts.unreadableTables.some((t) => t.tableId === id)) continue;
    if (table.loose && hasStatisticsTable(ctx)) continue;
    blocks.push(plain ? tableAsPlainText(table.template) : table.template.trim());
  }
  return blocks.join('\n\n');
}
