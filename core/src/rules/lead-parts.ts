// lead-parts: the lead paragraph of a report usually lists its parts (本报告包括总体情况、主动公开政府信息
// 情况……等六个部分). A lead carried over from an old report still names a part by the title it had
// under an earlier format (因政府信息公开申请行政复议、提起行政诉讼的情况 for 2007-era reports), while
// the heading below uses the current one.

import type { Profile } from '../profiles/types';
import { BUILTIN_PROFILES } from '../profiles/index';
import { titleKey } from '../facts/parts';
import { keyStream } from '../recover/key-stream';
import type { Rule } from './types';

/** The sentence that lists the parts: 本报告包括 / 全文由 … 组成 / 共分 N 个部分. */
const PART_LIST = /(?:本(?:年度)?报告|全文|报告)[^。]{0,20}?(?:包括|包含|由|分为|共分|主要有)[^。]{8,400}?(?:部分|组成|事项)/g;

/** Titles the parts of `profile` bore in the formats of earlier years, by part id. */
function formerTitles(profile: Profile): Map<string, { title: string; format: Profile }[]> {
  const from = profile.years?.from;
  const out = new Map<string, { title: string; format: Profile }[]>();
  if (from === undefined) return out;
  for (const older of BUILTIN_PROFILES) {
    if (!older.annualReport || older === profile || (older.years?.to ?? Infinity) >= from) continue;
    for (const part of older.parts) {
      const current = profile.parts.find((p) => p.id === part.id);
      if (!current || titleKey(current.title) === titleKey(part.title)) continue;
      out.set(part.id, [...(out.get(part.id) ?? []), { title: part.title, format: older }]);
    }
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'lead-parts',
    title: '导语所列部分名称过时',
    titleEn: 'Lead names a part by an old title',
    category: 'structure',
    defaultSeverity: 'info',
    fixable: true,
    description:
      '报告开头常列出全文各部分（“本报告包括总体情况、主动公开政府信息情况……”）。沿用旧报告的导语时，列出的部分名称可能还是以前格式的写法' +
      '（如 2021 年格式的报告仍写“因政府信息公开申请行政复议、提起行政诉讼的情况”），与正文标题不一致。快速修复改为正文中该部分的标题。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式的部分标题',
  },
  check(ctx) {
    const { doc, profile, facts } = ctx;
    if (!profile.annualReport || !profile.prescribed) return;
    const former = formerTitles(profile);
    if (former.size === 0) return;
    const firstPart = Math.min(doc.lines.length, ...facts.parts.map((p) => p.heading.line));
    for (const p of doc.paragraphs) {
      if (p.range.start.line >= firstPart) break;
      PART_LIST.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PART_LIST.exec(p.text))) {
        const stream = keyStream(p.text, m.index, m.index + m[0].length, true);
        for (const [partId, titles] of former) {
          const part = profile.parts.find((x) => x.id === partId)!;
          for (const { title, format } of titles) {
            const key = titleKey(title);
            const at = stream.keys.indexOf(key);
            if (at < 0) continue;
            const start = stream.offsets[at];
            const end = stream.offsets[at + key.length - 1] + 1;
            const heading = facts.parts.find((x) => x.spec.id === partId && !x.duplicateOf)?.heading.title ?? part.title;
            // The lead agrees with the body's own heading (which part-title judges): nothing to align.
            if (titleKey(heading) === key) break;
            const range = { start: p.positionAt(start), end: p.positionAt(end) };
            ctx.report({
              message: `导语列出的部分中，「${p.text.slice(start, end)}」是「${format.name}」的写法，正文该部分为「${heading}」`,
              range,
              data: { partId, expected: heading },
              fix: range.start.line === range.end.line ? { title: `改为「${heading}」`, edits: [{ range, newText: heading }] } : undefined,
            });
            break;
          }
        }
      }
    }
  },
};
