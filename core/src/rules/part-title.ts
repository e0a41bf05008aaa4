// A part heading recognised only through an alias or keywords: suggest the title the format
// prints. The fix replaces the title text only, never the enumerator or a run-in body.

import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'part-title',
    title: '部分标题与格式不一致',
    titleEn: 'Part title differs from the format',
    category: 'heading',
    defaultSeverity: 'info',
    fixable: true,
    description: '部分标题能认出是哪一部分，但写法与统一格式不同（如「存在问题及改进情况」、错字「行政法复议」），建议改用格式标题。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式',
  },
  check(ctx) {
    if (!ctx.profile.annualReport) return;
    for (const m of ctx.facts.parts) {
      if (m.duplicateOf || m.how === 'canonical') continue;
      const how = m.how === 'alias' ? '是常见的别称' : '与格式标题只是相近';
      ctx.report({
        message: `标题「${m.heading.title}」${how}，格式标题为「${m.spec.title}」`,
        range: m.heading.titleRange,
        data: { partId: m.spec.id, expected: m.spec.title, how: m.how },
        fix: {
          title: `改为「${m.spec.title}」`,
          edits: [{ range: m.heading.titleRange, newText: m.spec.title }],
          // An alias is certainly this part; a keyword resemblance deserves a look before changing it.
          preferred: m.how === 'alias',
        },
      });
    }
  },
};
