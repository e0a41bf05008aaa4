// Statutory parts out of order. The longest run of parts already in order is taken as right; each
// part outside it is reported once, saying between which parts it belongs.

import type { PartMatch } from '../facts/types';
import type { Rule } from './types';
import { distinctParts, headingLabel } from '../analysis/structure-util';

export const rule: Rule = {
  meta: {
    id: 'part-order',
    title: '部分顺序不对',
    titleEn: 'Parts out of order',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: '年度报告各部分应按统一格式的顺序排列（一、总体情况……六、其他需要报告的事项）。排错位置的部分逐个指出应放在哪两部分之间。',
    basis: '《条例》第五十条；国办公开办函〔2021〕30号、〔2019〕60号',
  },
  check(ctx) {
    if (!ctx.profile.annualReport) return;
    const parts = distinctParts(ctx.facts.parts);
    const keep = longestInOrder(parts);
    for (let k = 0; k < parts.length; k++) {
      if (keep.has(k)) continue;
      const m = parts[k];
      const inOrder = [...keep].sort((a, b) => a - b).map((i) => parts[i]);
      const before = inOrder.filter((p) => p.specIndex < m.specIndex).pop();
      const after = inOrder.find((p) => p.specIndex > m.specIndex);
      const where =
        before && after
          ? `应排在「${headingLabel(before.heading)}」之后、「${headingLabel(after.heading)}」之前`
          : before
            ? `应排在「${headingLabel(before.heading)}」之后`
            : after
              ? `应排在「${headingLabel(after.heading)}」之前`
              : '位置不对';
      const anchor = before ?? after;
      ctx.report({
        message: `「${headingLabel(m.heading)}」顺序不对：按格式它是「${m.spec.title}」部分，${where}`,
        range: m.heading.range,
        related: anchor ? [{ range: anchor.heading.range, message: `「${headingLabel(anchor.heading)}」` }] : undefined,
        data: { partId: m.spec.id },
      });
    }
  },
};

/** Indexes of a longest subsequence with increasing specIndex (ties: the earliest parts kept). */
function longestInOrder(parts: PartMatch[]): Set<number> {
  const n = parts.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (parts[j].specIndex < parts[i].specIndex && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || len[i] > len[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}
