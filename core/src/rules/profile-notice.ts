// Says which profile applies and why, once, at the title, when that is not obvious: a text that is
// not an annual report (so it is not buried in missing-part errors: the part rules stay silent
// under `generic`), or a report whose format was inferred from its headings rather than its year.
// Also points at a profile directive whose id does not exist.

import { BUILTIN_PROFILES } from '../profiles/index';
import { formatName } from '../profiles/select';
import type { Rule } from './types';
import { wholeLineRange } from '../analysis/structure-util';

const IDS = BUILTIN_PROFILES.map((p) => p.id).join('、');

export const rule: Rule = {
  meta: {
    id: 'profile-notice',
    title: '适用的检查格式',
    titleEn: 'Profile in use',
    category: 'structure',
    defaultSeverity: 'info',
    fixable: false,
    description:
      '说明本文按哪种格式检查及原因：不是政府信息公开工作年度报告的文稿（如半年总结、自评报告）只做通用检查；标题没有年份时按部分标题推断格式。可在文首用 <!-- nianbao-profile: gov-2021 --> 指定格式。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号；2007 年《条例》第三十二条',
  },
  check(ctx) {
    const { doc, choice } = ctx;
    const at = doc.title?.range ?? wholeLineRange(doc, 0);
    const directive = doc.directives.find((d) => d.kind === 'profile');
    if (directive && choice.source !== 'directive') {
      ctx.report({
        message: `指令指定的格式「${directive.args[0] ?? ''}」不存在（可用：${IDS}），已改为自动选择「${choice.profile.name}」`,
        range: directive.range,
        severity: 'warning',
        data: { given: directive.args[0], chosen: choice.profile.id },
      });
    }
    // A profile the writer named (directive, --profile, config) needs no announcement.
    const automatic = choice.source === 'fallback' || choice.source === 'headings' || choice.source === 'title-year';
    if (!automatic) return;
    if (!choice.profile.annualReport) {
      ctx.report({
        message: `按「${choice.profile.name}」检查：${choice.reason}。不检查年度报告的法定部分和统计表；如本文确是年度报告，可在文首加 <!-- nianbao-profile: gov-2021 --> 指定格式`,
        range: at,
        data: { profile: choice.profile.id, source: choice.source },
      });
    } else if (choice.source === 'headings') {
      ctx.report({
        message: `按${formatName(choice.profile)}检查：${choice.reason}。如不对，可在文首加 <!-- nianbao-profile: 格式 id --> 指定（${IDS}）`,
        range: at,
        data: { profile: choice.profile.id, source: choice.source },
      });
    }
  },
};
