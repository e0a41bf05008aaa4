// Phrases a part must contain, read from the profile (PartSpec.mustMention entries addressed to
// this rule): in a gov-2021 report, part 六 must say whether 信息处理费 was collected.
// Any profile, including one from a workspace config, can ask for such a statement.

import type { ReportDocument } from '../model';
import type { PartMatch } from '../facts/types';
import { normalizeLabel } from '../text/normalize';
import type { Rule } from './types';
import { distinctParts, headingLabel } from '../analysis/structure-util';
import { partHasContent } from '../analysis/part-content';

export const rule: Rule = {
  meta: {
    id: 'fee-statement',
    title: '未说明信息处理费',
    titleEn: 'Information processing fee not stated',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '按 2021 年格式，第六部分「其他需要报告的事项」应报告收取信息处理费的情况；未收取的也应写明（如“本年度未收取信息处理费”）。',
    basis: '国办公开办函〔2021〕30号所附格式第六部分；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  check(ctx) {
    for (const m of distinctParts(ctx.facts.parts)) {
      // An empty part is part-empty's finding; saying what it lacks besides would be a second one.
      if (!partHasContent(ctx.doc, m, ctx.facts.parts)) continue;
      for (const need of m.spec.mustMention ?? []) {
        if (need.ruleId !== rule.meta.id) continue;
        const text = normalizeLabel(partText(ctx.doc, m, ctx.facts.parts));
        if (need.any.some((w) => text.includes(normalizeLabel(w)))) continue;
        ctx.report({
          // The first two words name what is missing; the rest are other ways of saying it.
          message: `「${headingLabel(m.heading)}」未提及${need.any.slice(0, 2).map((w) => `「${w}」`).join('或')}：${need.message}`,
          range: m.heading.range,
          data: { partId: m.spec.id, any: need.any },
        });
      }
    }
  },
};

/** The part's text: from its heading to the next part heading (or its section's end, or the end). */
function partText(doc: ReportDocument, m: PartMatch, parts: readonly PartMatch[]): string {
  const start = m.heading.line;
  const nextPart = parts.map((p) => p.heading.line).filter((l) => l > start).sort((a, b) => a - b)[0];
  const sectionEnd = m.section.range.end.line >= start ? m.section.range.end.line : doc.lines.length - 1;
  const end = Math.min(nextPart !== undefined ? nextPart - 1 : doc.lines.length - 1, Math.max(sectionEnd, start));
  // Comments (the skeleton's guidance among them) are not in the published report.
  return doc.lines.slice(start, end + 1).join('\n').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}
