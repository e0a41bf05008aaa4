// Whether a report has what a part asks for without a heading of its own, and what kind of text an
// inserted part must be written in. Shared by the part rules.

import type { RuleContext } from '../rules/types';
import type { PartSpec } from '../profiles/types';
import { normalizeLabel } from '../text/normalize';

/** What presence is judged on: the model, its facts and the profile (a check's result has them too). */
export type PresenceContext = Pick<RuleContext, 'doc' | 'facts' | 'profile'>;

/**
 * The required parts a report lacks, in the profile's order: no heading matched them and nothing
 * else stands for them (part-missing reports these; the CLI's review page counts them).
 */
export function missingParts(ctx: PresenceContext): { spec: PartSpec; index: number }[] {
  const present = new Set(ctx.facts.parts.filter((m) => !m.duplicateOf).map((m) => m.specIndex));
  return ctx.profile.parts
    .map((spec, index) => ({ spec, index }))
    .filter(({ spec, index }) => !spec.optional && !present.has(index) && !satisfied(ctx, spec));
}

/** A part without a heading that is there all the same. */
function satisfied(ctx: PresenceContext, spec: PartSpec): boolean {
  // A part that is only a statistics table (需要说明的其他事项与统计表) is there when the table is.
  const loose = (spec.tables ?? []).length > 0 && (spec.tables ?? []).every((id) => ctx.profile.tables.find((t) => t.id === id)?.loose);
  if (loose && hasStatisticsTable(ctx)) return true;
  return !ctx.profile.prescribed && !!spec.coveredBy && coveredElsewhere(ctx, spec.coveredBy);
}

/** Header and title words of a statistics table (指标名称 | 计量单位 | 年度 | 累计, 统计指标 | 单位 | 统计数). */
const STATISTICS_WORDS = ['指标名称', '统计指标', '计量单位', '历年累计', '累计数', '统计数'];

/**
 * True when the report carries a statistics table: the profile's loose table was read, a local
 * 统计表 was found (even one whose flattened digits could not be read), or a table's cells or the
 * lines above it name one.
 */
export function hasStatisticsTable(ctx: PresenceContext): boolean {
  const { facts, doc, profile } = ctx;
  if (facts.nationalTables.some((t) => t.spec.loose)) return true;
  const loose = new Set(profile.tables.filter((t) => t.loose).map((t) => t.id));
  if (facts.unreadableTables.some((t) => t.tableId === undefined || loose.has(t.tableId))) return true;
  for (const table of doc.tables) {
    const words = table.rows.slice(0, 4).flatMap((r) => r.cells.map((c) => c.norm));
    if (words.some((w) => STATISTICS_WORDS.some((s) => w.includes(s)))) return true;
    // 附件：政府信息公开情况统计表 (or a 表一 caption) on the lines just above the table.
    for (let l = Math.max(0, table.startLine - 3); l < table.startLine; l++) if (/统计(?:报)?表/.test(doc.lines[l] ?? '')) return true;
  }
  return false;
}

/** The lead's list of the report's parts (本报告由概述、……组成) names topics without reporting them. */
const PART_LIST = /(?:本(?:年度)?报告|全文).{0,12}(?:包括|由|分为|共分|主要有)/;

/**
 * True when a sentence inside the parts holds a word of every group: a part written inside another
 * (未收到有关政府信息公开行政复议申请, in the part on applications).
 */
export function coveredElsewhere(ctx: PresenceContext, groups: string[][]): boolean {
  const keys = groups.map((g) => g.map(normalizeLabel));
  const firstPart = Math.min(...ctx.facts.parts.map((p) => p.heading.line));
  for (const p of ctx.doc.paragraphs) {
    if (p.range.start.line < firstPart) continue;
    if (!keys.every((g) => g.some((w) => p.text.includes(w)))) continue;
    for (const sentence of p.text.split(/[。；;！!？?]/)) {
      if (PART_LIST.test(sentence)) continue;
      if (keys.every((g) => g.some((w) => sentence.includes(w)))) return true;
    }
  }
  return false;
}

/** A Markdown table template as tab-separated rows (the layout of a table copied from Word). */
export function tableAsPlainText(template: string): string {
  return template
    .split('\n')
    .filter((l) => !/^\s*\|?\s*:?-{3,}/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
        .join('\t'),
    )
    .join('\n');
}
