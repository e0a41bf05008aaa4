// A statutory part written twice (two headings with the same part title).

import type { Rule } from './types';
import { headingLabel } from '../analysis/structure-util';

export const rule: Rule = {
  meta: {
    id: 'part-duplicate',
    title: '部分重复',
    titleEn: 'Part appears twice',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: '同一法定部分在报告中出现了两次（常见于合并稿件或复制上年报告时），应合并为一处。',
    basis: '《条例》第五十条；国办公开办函〔2021〕30号、〔2019〕60号',
  },
  check(ctx) {
    if (!ctx.profile.annualReport) return;
    for (const m of ctx.facts.parts) {
      const first = m.duplicateOf;
      if (!first) continue;
      ctx.report({
        message: `「${headingLabel(m.heading)}」与第 ${first.heading.line + 1} 行的「${headingLabel(first.heading)}」是同一部分（${m.spec.title}），应合并为一处`,
        range: m.heading.range,
        related: [{ range: first.heading.range, message: `「${m.spec.title}」第一次出现` }],
        data: { partId: m.spec.id, firstLine: first.heading.line },
      });
    }
  },
};
