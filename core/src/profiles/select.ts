// Chooses the profile for a document, in this order: a <!-- nianbao-profile: id --> directive,
// the caller's override (CLI --profile), the workspace config, the year in the title of an
// annual report, the best match of the headings against the profiles' parts, else `generic`.
// An unknown id never stops the check: selection falls through to the next step and says so.

import type { ReportDocument } from '../model';
import type { ResolvedConfig } from '../config/types';
import { matchParts } from '../facts/parts';
import { CheckCache } from '../check-cache';
import { findReportYear } from '../facts/year';
import { findPeriodStatement } from '../facts/period';
import { normalizeLabel } from '../text/normalize';
import { BUILTIN_PROFILES, GENERIC, getProfile, profileForYear } from './index';
import type { Profile, ProfileChoice } from './types';

export interface SelectOptions {
  override?: string;
  config: ResolvedConfig;
}

/** Fewest distinct statutory parts a draft must show before its headings alone decide the format. */
const MIN_PARTS_FOR_HEADINGS = 3;

// Texts about 政务公开 that are not the annual report: half-year or quarterly summaries,
// self-assessments, work plans. Simplified and traditional forms.
const NOT_ANNUAL = /上半年|下半年|半年|季度|自评|自評|自查|总结|總結|工作要点|工作要點|工作计划|工作計劃/;
const ANNUAL = /(信息公开|政务公开|信息公開|政務公開).*(年度报告|年报|年度報告|年報)/;
// A title that ends in the name of another kind of document (关于做好……年度报告编制工作的通知, ……会议纪要)
// is that document, whatever report it mentions: only the draft's own part headings can still make it
// a report (a page titled 关于公布……年度报告的公告 that holds the report itself).
const OTHER_DOCUMENT = /(通知|纪要|紀要|意见|意見|方案|办法|辦法|规定|規定|细则|細則|批复|批覆|决定|決定|公告|通告|通报|通報|讲话|講話|函)$/;
const PAGE_CHROME = /[>＞»›]|首页|当前位置|您的位置|栏目/;
/** The bracketed tail of a title (（全文）, （X政办发〔2023〕5号）): not where its kind is named. */
const BRACKETED_TAIL = /(?:[（(【[][^（()）】\]]*[）)】\]])+$/;

export function selectProfile(doc: ReportDocument, options: SelectOptions, cache: CheckCache = new CheckCache()): ProfileChoice {
  const extra = options.config.extraProfiles;
  const notes: string[] = [];
  const explicit = (id: string | undefined, source: 'directive' | 'option' | 'config', where: string): ProfileChoice | undefined => {
    if (!id || id === 'auto') return undefined;
    const profile = getProfile(id, extra);
    if (profile) return { profile, source, reason: prefix(notes, `${where}指定使用「${profile.name}」（${profile.id}）`) };
    notes.push(`${where}指定的格式「${id}」不存在，已改为自动选择`);
    return undefined;
  };

  const directive = doc.directives.find((d) => d.kind === 'profile');
  const chosen =
    explicit(directive?.args[0], 'directive', `文中指令（第 ${(directive?.line ?? 0) + 1} 行）`) ??
    explicit(options.override, 'option', '命令行参数') ??
    explicit(options.config.profile, 'config', '工作区配置 nianbao.config.json ');
  if (chosen) return chosen;

  const lead = leadText(doc);
  // Only the opening words count: a long first line may be body text that merely mentions 总结.
  const compactLead = lead.replace(/\s+/g, '').slice(0, 60);
  const notAnnual = NOT_ANNUAL.exec(compactLead);
  if (notAnnual) {
    const word = notAnnual[0];
    return { profile: GENERIC, source: 'fallback', reason: prefix(notes, `标题或开头写有「${word}」，不是政府信息公开工作年度报告，只做通用检查`) };
  }

  // Only a title the parser found, never page chrome (首页 > 通知公告) standing first on a pasted page.
  const titleText = doc.title && !PAGE_CHROME.test(doc.title.text) ? doc.title.text.replace(/\s+/g, '').replace(BRACKETED_TAIL, '') : '';
  const otherDocument = OTHER_DOCUMENT.exec(titleText);
  if (otherDocument) return byHeadingsOr(doc, extra, cache, notes, `标题表明是「${otherDocument[1]}」`);

  // A report is recognised by its title, by its name in the opening words (a web page's title sits
  // inside the page chrome), or by a lead that cites the national format or states the 统计期限.
  const opening = doc.text.slice(0, 3000);
  // Read only when the title and the opening words leave the format open (most reports name their year).
  let cited: { profile: Profile | undefined } | undefined;
  const citation = () => (cited ??= { profile: citedFormat(opening) }).profile;
  const period = findPeriodStatement(doc, cache);
  const looksAnnual =
    doc.title?.isAnnualReport === true ||
    ANNUAL.test(normalizeLabel(lead)) ||
    reportNameYear(opening, 1500) !== undefined ||
    (/年度报告/.test(opening) && citation() !== undefined) ||
    (period !== undefined && /本(?:年度)?报告/.test(opening) && period.dates.length >= 2);
  const titleYear = doc.title?.year ?? yearIn(doc.title?.text ?? '');
  // A report pasted from a web page may have no title line of its own: its name then opens the
  // text, or stands in the page chrome (平潭县人民政府2011年政府信息公开工作年度报告 本报告……).
  const nameYear = titleYear === undefined ? reportNameYear(lead) ?? reportNameYear(opening, 1500) : undefined;
  const periodYear = titleYear === undefined && nameYear === undefined ? period?.years[0]?.year : undefined;
  const year = titleYear ?? nameYear ?? periodYear;
  if (looksAnnual && year !== undefined) {
    const profile = profileForYear(year);
    const where = titleYear !== undefined ? '标题年份' : nameYear !== undefined ? '开头的报告名称年份' : '统计期限年份';
    return { profile, source: 'title-year', reason: prefix(notes, `${where} ${year} 年，适用${formatName(profile)}`) };
  }
  const cites = looksAnnual ? citation() : undefined;
  if (cites) {
    return { profile: cites, source: 'title-year', reason: prefix(notes, `未写明年份，文中引用${cites.citations![0]}，适用${formatName(cites)}`) };
  }

  const why = looksAnnual ? '标题未写明年份' : doc.title ? '标题不像年度报告' : '没有找到标题';
  const fallback = looksAnnual ? '标题像年度报告，但既无年份，也认不出法定部分标题' : '标题和部分标题都不像政府信息公开工作年度报告';
  return byHeadingsOr(doc, extra, cache, notes, why, fallback);
}

/** The format the part headings show (at least MIN_PARTS_FOR_HEADINGS parts), else the generic checks. */
function byHeadingsOr(doc: ReportDocument, extra: readonly Profile[], cache: CheckCache, notes: string[], why: string, fallback = `${why}，不是政府信息公开工作年度报告`): ProfileChoice {
  const byHeadings = bestByHeadings(doc, extra, cache);
  if (byHeadings) {
    const { profile, count, tieNote } = byHeadings;
    return {
      profile,
      source: 'headings',
      reason: prefix(notes, `${why}，按标题结构判断：${count} 个部分标题与「${profile.name}」相符${tieNote}`),
    };
  }
  return { profile: GENERIC, source: 'fallback', reason: prefix(notes, `${fallback}，只做通用检查`) };
}

/** The built-in format whose defining document the text cites (〔2021〕30号, 〔2019〕60号). */
function citedFormat(text: string): Profile | undefined {
  const plain = text.replace(/\s+/g, '').replace(/[[［(（【]/g, '〔').replace(/[\]］)）】]/g, '〕');
  return BUILTIN_PROFILES.find((p) => p.citations?.some((c) => plain.includes(c)));
}

/** 「国办公开办函〔2021〕30号格式（2021 年统一格式）」, or for years without a national format
 * 「2018 年及以前的年报（2007年《条例》第三十二条）」. */
export function formatName(p: Profile): string {
  const doc = p.basis.split('；')[0];
  return p.citations?.length ? `${doc}格式（${p.name}）` : `「${p.name}」的结构（${doc}）`;
}

function prefix(notes: string[], reason: string): string {
  return notes.length ? `${notes.join('；')}；${reason}` : reason;
}

/** The title, or when the parser found none, the first two non-empty lines. */
function leadText(doc: ReportDocument): string {
  // Capped: a pasted page can be one 10 MB line, and only its opening names the document.
  const text = doc.title ? doc.title.text : doc.lines.filter((l) => l.trim() !== '').slice(0, 2).join('\n');
  return text.slice(0, 2000);
}

/** The year in a report's name near the start of the text: 「<机关>2011年政府信息公开工作年度报告」
 * or 「2019年<机关>政府信息公开工作年度报告」 — the year right before the name, not any year. */
function reportNameYear(text: string, within = 300): number | undefined {
  const head = text.slice(0, within);
  const m = /((?:19|20)\d{2})\s*年度?\s*[^\s。，,；;：:]{0,25}?(?:信息公开|政务公开)[^\s。，,；;]{0,6}?(?:年度报告|年报)/.exec(head);
  return m ? Number(m[1]) : undefined;
}

function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function bestByHeadings(doc: ReportDocument, extra: readonly Profile[], cache: CheckCache): { profile: Profile; count: number; tieNote: string } | undefined {
  let best: { profile: Profile; count: number } | undefined;
  let tied: Profile[] = [];
  for (const profile of BUILTIN_PROFILES) {
    if (!profile.annualReport) continue;
    const count = new Set(matchParts(doc, profile, cache, true).filter((m) => !m.duplicateOf).map((m) => m.specIndex)).size;
    if (count < MIN_PARTS_FOR_HEADINGS) continue;
    if (!best || count > best.count) {
      best = { profile, count };
      tied = [profile];
    } else if (count === best.count) tied.push(profile);
  }
  void extra; // config profiles are chosen by id only, never guessed
  if (!best) return undefined;
  if (tied.length === 1) return { ...best, tieNote: '' };
  // gov-2019 and gov-2021 share their part titles: the table wording tells them apart.
  const text = normalizeLabel(doc.text);
  const score = (p: Profile) =>
    BUILTIN_PROFILES.flatMap((q) => q.foreignMarkers).filter((m) => m.belongsTo === p.id && text.includes(normalizeLabel(m.text))).length;
  const ranked = [...tied].sort((a, b) => score(b) - score(a));
  if (score(ranked[0]) > score(ranked[1])) {
    return { profile: ranked[0], count: best.count, tieNote: `，统计表栏目属于${formatName(ranked[0])}` };
  }
  // Then the year the text is about (统计期限 sentence, or the year the body names most).
  const year = findReportYear(doc, cache);
  const byYear = year && tied.find((p) => (p.years?.from ?? -Infinity) <= year.year && year.year <= (p.years?.to ?? Infinity));
  if (year && byYear) {
    const where = year.source === 'period' ? '统计期限' : '正文';
    return { profile: byYear, count: best.count, tieNote: `，${where}年份 ${year.year} 年适用${formatName(byYear)}` };
  }
  const others = tied.filter((p) => p !== ranked[0]).map((p) => `「${p.name}」`).join('');
  return { profile: ranked[0], count: best.count, tieNote: `（与${others}同样相符，取最新格式）` };
}
