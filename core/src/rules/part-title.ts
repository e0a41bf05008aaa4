// A part heading recognised only through an alias or keywords: suggest the title the format
// prints. The fix replaces the title text only, never the enumerator or a run-in body.

import type { Rule } from './types';
import { titleKey } from '../facts/parts';
import { editDistance } from '../text/distance';

export const rule: Rule = {
  meta: {
    id: 'part-title',
    title: '部分标题与格式不一致',
    titleEn: 'Part title differs from the format',
    category: 'heading',
    defaultSeverity: 'info',
    fixable: true,
    description:
      '部分标题能认出是哪一部分，但与统一格式的标题不同：错字（如「行政法复议」）或只是意思相近的写法，建议改用格式标题。常见的别称（如按《条例》条文的写法）不提示。' +
      '2018 年及以前没有统一格式，各地标题不一，不做此项检查。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式',
  },
  check(ctx) {
    // Only a format that prescribes its titles; a known variant (an alias) is the writer's choice.
    if (!ctx.profile.annualReport || !ctx.profile.prescribed) return;
    for (const m of ctx.facts.parts) {
      if (m.duplicateOf || (m.how !== 'keywords' && m.how !== 'typo')) continue;
      const typo = closestTitle(m.heading.title, [m.spec.title, ...m.spec.aliases]);
      const how = typo ? `与格式标题只差${typo.d === 1 ? '一' : '两'}个字，疑有错字` : '与格式标题只是相近';
      ctx.report({
        message: `标题「${m.heading.title}」${how}，格式标题为「${m.spec.title}」`,
        range: m.heading.titleRange,
        data: { partId: m.spec.id, expected: m.spec.title, how: m.how },
        fix: {
          title: `改为「${m.spec.title}」`,
          edits: [{ range: m.heading.titleRange, newText: m.spec.title }],
          // A typo is certainly this part; a keyword resemblance deserves a look before changing it.
          preferred: !!typo,
        },
      });
    }
  },
};

/** The nearest title within two characters (after the same normalisation as part matching). */
function closestTitle(title: string, candidates: string[]): { d: number } | undefined {
  const key = titleKey(title);
  let best: number | undefined;
  for (const c of candidates) {
    const d = editDistance(key, titleKey(c), 2);
    if (d <= 2 && (best === undefined || d < best)) best = d;
  }
  return best === undefined || best === 0 ? undefined : { d: best };
}
