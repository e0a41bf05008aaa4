// A statutory part with nothing written in it: the heading, perhaps sub-headings and guidance
// comments, and no text or table. The skeleton of 新建年度报告 is like this until it is filled in;
// a report published so says nothing on a point the 条例 requires.

import type { Rule } from './types';
import type { Heading } from '../model';
import { distinctParts, headingLabel } from '../analysis/structure-util';
import { partHasContent } from '../analysis/part-content';

function nextHeadingLine(headings: readonly Heading[], line: number): number | undefined {
  return headings.find((h) => h.line > line)?.line;
}

export const rule: Rule = {
  meta: {
    id: 'part-empty',
    title: '部分没有内容',
    titleEn: 'Part has no content',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '法定部分的标题下应有正文或统计表。只有标题、小标题或填写说明（HTML 注释，如新建报告骨架中的说明）的部分视为尚未填写：注释在发布的报告中不显示，不算内容。确实没有需要报告的事项时，也应写明（如“本年度无其他需要报告的事项”）。',
    basis: '《条例》第五十条：年度报告应当包括的内容；国办公开办函〔2021〕30号所附格式',
  },
  check(ctx) {
    if (!ctx.profile.annualReport) return;
    const parts = ctx.facts.parts;
    // Heading lines of parts written a second time: one pasted right under a part holds that part's
    // text, which is part-duplicate's finding (the stray heading), not an empty part.
    const duplicateLines = parts.filter((p) => p.duplicateOf).map((p) => p.heading.line);
    for (const m of distinctParts(parts)) {
      if (partHasContent(ctx.doc, m, parts)) continue;
      if (duplicateLines.some((line) => line > m.heading.line && nextHeadingLine(ctx.doc.headings, m.heading.line) === line)) continue;
      const sub = m.section.children.length ? '只有小标题，' : '';
      ctx.report({
        message: `「${headingLabel(m.heading)}」下${sub}还没有内容（注释不算）：请写明本部分的情况；确无可报告的，也应写明`,
        range: m.heading.range,
        data: { partId: m.spec.id },
      });
    }
  },
};
