// A required statutory part is absent. Reported once per missing part, at the place it belongs
// (the heading of the next part present, or the end of the draft), with a fix that inserts the
// numbered heading, the part's writing guidance and, where the format has one, its blank table.

import type { Position, ReportDocument } from '../model';
import type { PartMatch } from '../facts/types';
import type { PartSpec, Profile } from '../profiles/types';
import type { Rule } from './types';
import { distinctParts, eolOf, headingLabel, lineRange, statutoryNumber, cnNumeral } from './structure-util';

export const rule: Rule = {
  meta: {
    id: 'part-missing',
    title: '缺少法定部分',
    titleEn: 'Required part missing',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '年度报告应包括《条例》规定的各部分（2021 年格式为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项）。缺少的部分在应插入的位置报告一次，快速修复插入带编号的标题、填写说明和统一格式的空表。一个部分标题都认不出时（多为标题与正文连成一行的网页转贴稿）只报告一次。不是年度报告的文稿（通用检查）不做此项检查。',
    basis: '《条例》第五十条（2007 年《条例》第三十二条）；国办公开办函〔2021〕30号、〔2019〕60号',
  },
  check(ctx) {
    const { doc, profile } = ctx;
    if (!profile.annualReport || profile.parts.length === 0) return;
    const found = distinctParts(ctx.facts.parts);
    const present = new Set(found.map((m) => m.specIndex));
    if (found.length === 0) {
      // Not one part heading recognised: the draft is most likely flattened (headings run on with
      // the text, as in reports copied from web pages), so one finding says so instead of a list.
      const required = profile.parts.filter((p) => !p.optional);
      ctx.report({
        message: `未识别出任何部分标题：按「${profile.name}」，报告应有 ${required.length} 个部分（${required
          .map((p, i) => `${cnNumeral(i + 1)}、${p.title}`)
          .join('；')}）。部分标题应单独成行，如「一、${required[0]?.title ?? ''}」`,
        range: doc.title?.range ?? lineRange(doc, Math.max(0, firstTextLine(doc))),
        data: { partIds: required.map((p) => p.id) },
        // The parts may well be there, only not on lines of their own.
        severity: 'warning',
      });
      return;
    }
    profile.parts.forEach((spec, i) => {
      if (spec.optional || present.has(i)) return;
      const next = found.filter((m) => m.specIndex > i).sort((a, b) => a.specIndex - b.specIndex)[0];
      const number = statutoryNumber(profile, present, i);
      const heading = `${cnNumeral(number)}、${spec.title}`;
      const where = next ? `应补在「${headingLabel(next.heading)}」之前` : '应补在文末';
      const place = next ? next.heading.line : lastTextLine(doc);
      ctx.report({
        message: `缺少第${cnNumeral(number)}部分「${heading}」（依据：${spec.basis}），${where}`,
        range: place < 0 ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : lineRange(doc, place),
        data: { partId: spec.id, heading },
        fix: {
          title: `插入「${heading}」及填写说明`,
          edits: [insertion(doc, profile, spec, heading, found, next)],
        },
      });
    });
  },
};

function firstTextLine(doc: ReportDocument): number {
  return doc.lines.findIndex((l) => l.trim() !== '');
}

function lastTextLine(doc: ReportDocument): number {
  for (let l = doc.lines.length - 1; l >= 0; l--) if (doc.lines[l].trim() !== '') return l;
  return -1;
}

function insertion(doc: ReportDocument, profile: Profile, spec: PartSpec, heading: string, found: PartMatch[], next: PartMatch | undefined) {
  const eol = eolOf(doc);
  // Match the draft's own markup: `## 一、…` when its parts are Markdown headings.
  const depth = found.find((m) => m.heading.markdownDepth > 0)?.heading.markdownDepth ?? 0;
  // A draft whose parts are bare Markdown headings (## 总体情况) gets a bare title too.
  const bare = found.every((m) => m.heading.style === 'none');
  const line = bare ? spec.title : heading;
  const blocks = [(depth ? '#'.repeat(depth) + ' ' : '') + line, spec.template.trim()];
  for (const id of spec.tables ?? []) {
    const table = profile.tables.find((t) => t.id === id);
    if (table?.template.trim()) blocks.push(table.template.trim());
  }
  const body = blocks.filter((b) => b !== '').join('\n\n').split(/\r\n|\r|\n/).join(eol);
  if (next) {
    const at: Position = { line: next.heading.line, character: 0 };
    return { range: { start: at, end: at }, newText: body + eol + eol };
  }
  const last = doc.lines.length - 1;
  const at: Position = { line: last, character: doc.lines[last]?.length ?? 0 };
  const lead = lastTextLine(doc) < 0 ? '' : doc.lines[last].trim() === '' ? eol : eol + eol;
  return { range: { start: at, end: at }, newText: lead + body + eol };
}
