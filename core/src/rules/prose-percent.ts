// A share stated in the text ("303条，占71.3%") must agree with the total it is a share of; a ratio
// against a base written with it ("完成目标任务1600件的144.69%") or a growth on last year's figure
// ("上年20件，同比增长50%") must agree with those figures.

import type { RelatedInfo, Rule, RuleContext } from './types';
import { findPercentStatements } from '../analysis/prose/percent-statements';
import { findRatioStatements, type RatioStatement } from '../analysis/prose/ratio-statements';
import { joinedParagraphs, type JoinedParagraph } from '../analysis/prose/continuation';
import type { ProseNumber } from '../analysis/prose/tokens';

function withUnit(n: ProseNumber): string {
  return `${n.raw}${n.unit ?? ''}`;
}

function reportRatio(p: JoinedParagraph, s: RatioStatement, report: RuleContext['report']): void {
  const d = s.percent.decimals;
  const computed = Math.abs(s.computed).toFixed(Math.max(d, 2));
  let arithmetic: string;
  let related: RelatedInfo[];
  if (s.kind === 'of-base') {
    arithmetic = `${s.part.raw} ÷ ${s.base.raw} = ${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `基数 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `数量 ${withUnit(s.part)}` },
    ];
  } else if (s.change) {
    const previous = s.part.value! - Math.sign(s.computed || 1) * s.base.value!;
    arithmetic = `${s.base.raw} ÷ ${previous}（上年 = ${s.part.raw} ${s.computed < 0 ? '+' : '−'} ${s.base.raw}）= ${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `变化量 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `本年 ${withUnit(s.part)}` },
    ];
  } else {
    arithmetic = `（${s.part.raw} − ${s.base.raw}）÷ ${s.base.raw} = ${s.computed < 0 ? '−' : ''}${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `上年 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `本年 ${withUnit(s.part)}` },
    ];
  }
  const direction = s.kind === 'growth' && s.computed !== 0 && Math.sign(s.computed) !== s.sign ? `，且方向相反（${s.computed < 0 ? '实为下降' : '实为增长'}）` : '';
  report({
    message: `${arithmetic}，与所写 ${s.percent.raw}% 不符${direction}`,
    range: p.rangeOf(s.percent.start, s.percent.endWithUnit),
    related,
    data: { kind: s.kind, part: s.part.value, base: s.base.value, computed: s.computed, written: s.percent.value },
  });
}

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
      '同段任一同单位数字能对上即视为正确；都对不上时，仅在前文有明确标为总数的数字（共、受理、收到、办结、总数，或“其中”之前的数）时提示；找不到可信的总数时不提示。' +
      '“完成目标任务N件的P%”“占总数N件的P%”按其前的数量除以 N 检查；“上年N件……同比增长P%”“比上年增加D件，增长P%”在两年的数字都写明时按增长率检查。' +
      '约数（余、多、约）不作检查；因分页断开的句子接起来读。',
    basis: '由文字表述推得：占比 = 分项 ÷ 总数；增长率 = （本年 − 上年）÷ 上年',
  },
  check({ doc, cache, report }) {
    for (const p of joinedParagraphs(doc)) {
      for (const s of findPercentStatements(cache, p.text)) {
        if (s.fits) continue;
        const d = s.percent.decimals;
        const computed = s.computed.toFixed(Math.max(d, 2));
        report({
          message: `${s.part.raw} ÷ ${s.base.raw} = ${computed}%，与所写 ${s.percent.raw}% 不符`,
          range: p.rangeOf(s.percent.start, s.percent.endWithUnit),
          related: [
            { range: p.rangeOf(s.base.start, s.base.end), message: `总数 ${withUnit(s.base)}` },
            { range: p.rangeOf(s.part.start, s.part.end), message: `分项 ${withUnit(s.part)}` },
          ],
          data: { part: s.part.value, base: s.base.value, computed: s.computed, written: s.percent.value },
        });
      }
      for (const s of findRatioStatements(cache, p.text)) if (!s.fits) reportRatio(p, s, report);
    }
  },
};
