// A share stated in the text ("303条，占71.3%") must agree with the total it is a share of.

import type { Rule } from './types';
import { paragraphRange } from './prose/ranges';
import { findPercentStatements } from './prose/percent-statements';

export const rule: Rule = {
  meta: {
    id: 'prose-percent',
    title: '正文百分比与数量不符',
    titleEn: 'Stated percentage does not match its figures',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '检查“X件，占Y%”“X件（Y%）”这类表述：Y 应等于 X 除以同段前文中同单位的总数（按所写小数位四舍五入或截断）。' +
      '同段任一同单位数字能对上即视为正确；都对不上时，仅在前文有明确标为总数的数字（共、受理、收到、办结、总数，或“其中”之前的数）时提示；找不到可信的总数时不提示。',
    basis: '由文字表述推得：占比 = 分项 ÷ 总数',
  },
  check({ doc, cache, report }) {
    for (const p of doc.paragraphs) {
      for (const s of findPercentStatements(cache, p.text)) {
        if (s.fits) continue;
        const d = s.percent.decimals;
        const computed = s.computed.toFixed(Math.max(d, 2));
        report({
          message: `${s.part.raw} ÷ ${s.base.raw} = ${computed}%，与所写 ${s.percent.raw}% 不符`,
          range: paragraphRange(p, s.percent.start, s.percent.endWithUnit),
          related: [
            { range: paragraphRange(p, s.base.start, s.base.end), message: `总数 ${s.base.raw}${s.base.unit ?? ''}` },
            { range: paragraphRange(p, s.part.start, s.part.end), message: `分项 ${s.part.raw}${s.part.unit ?? ''}` },
          ],
          data: { part: s.part.value, base: s.base.value, computed: s.computed, written: s.percent.value },
        });
      }
    }
  },
};
