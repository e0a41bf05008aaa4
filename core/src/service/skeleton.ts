// The whole-report skeleton: title, lead paragraph with the reporting period, every statutory
// part with its template text and national tables. One source for the "new report" command and
// the skeleton snippet, built from the profile data.

import { GENERIC, getProfile, profileForYear as yearProfile } from '../profiles/index';
import type { ResolvedConfig } from '../config/types';
import type { PartSpec, Profile, TableSpec } from '../profiles/types';
import { chineseNumeral } from '../text/numerals';
import { enumerator } from './text';

export interface SkeletonOptions {
  /** Reporting body, e.g. 某某市某某局; a placeholder is used when empty. */
  body?: string;
  year?: number;
}

/** The profile a report for `year` gets (the years each format applies to are profile data). */
export function profileForYear(year: number): Profile {
  return yearProfile(year);
}

/** A built-in or workspace-defined profile by id; an unknown id gets the generic checks. */
export function profileById(id: string, config?: ResolvedConfig): Profile {
  return getProfile(id, config?.extraProfiles) ?? GENERIC;
}

export function reportTitle(opts: SkeletonOptions): string {
  const body = opts.body?.trim() || '×××';
  const year = opts.year ?? new Date().getFullYear() - 1;
  return `${body}${year}年政府信息公开工作年度报告`;
}

export function partHeading(part: PartSpec, ordinal: number): string {
  return `${enumerator(1, ordinal)}${part.title}`;
}

/** Heading, template text and tables of one part, ready to insert (ends with a newline). */
export function partBlock(profile: Profile, part: PartSpec, ordinal: number, eol = '\n'): string {
  const chunks = [partHeading(part, ordinal)];
  const template = part.template.trim();
  if (template) chunks.push(template);
  // The standard sub-headings (总体情况's five topics) give the writer the outline to fill in.
  (part.subheadings ?? []).forEach((title, i) => chunks.push(`${enumerator(2, i + 1)}${title}`));
  for (const table of tablesOfPart(profile, part)) {
    const tableText = table.template.trim();
    // Some part templates already carry their tables; never print one twice.
    if (tableText && !template.includes(tableText.split(/\r?\n/)[0])) chunks.push(tableText);
  }
  return chunks.join('\n\n').replace(/\r?\n/g, eol) + eol;
}

export function tablesOfPart(profile: Profile, part: PartSpec): TableSpec[] {
  return (part.tables ?? []).map((id) => profile.tables.find((t) => t.id === id)).filter((t): t is TableSpec => !!t);
}

export function reportSkeleton(profile: Profile, opts: SkeletonOptions, eol = '\n'): string {
  const year = opts.year ?? new Date().getFullYear() - 1;
  const count = profile.parts.filter((p) => !p.optional).length;
  const lead =
    `本报告依照《中华人民共和国政府信息公开条例》的要求编写` +
    (count ? `，共分${chineseNumeral(count)}个部分。` : '。') +
    `报告中所列数据的统计期限为${year}年1月1日至${year}年12月31日。`;
  const blocks = [`# ${reportTitle({ ...opts, year })}`, lead];
  profile.parts.forEach((part, i) => blocks.push(partBlock(profile, part, i + 1, '\n').trimEnd()));
  return (blocks.join('\n\n') + '\n').replace(/\n/g, eol);
}
