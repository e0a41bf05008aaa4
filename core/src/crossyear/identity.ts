// Which agency and which year a report is for, read from its title: what tells that two files are
// the same agency's reports for consecutive years. The agency is the title's body with the words
// every report shares taken off (the year, 政府信息公开工作年度报告, spaces and punctuation), so that
// 「青禾市某局 2023 年政府信息公开工作年度报告」 and 「青禾市某局2022年度政府信息公开工作年度报告」 name
// one agency. A report without a title naming both is not identified: nothing is guessed from the
// body text, the file name or the folder.

import type { DocumentTitle } from '../model';
import { parse } from '../parse/parser';
import { readTitle } from '../parse/title';
import { toHalfWidth } from '../text/normalize';

export interface ReportIdentity {
  /** The agency, normalised (see normaliseAgency); aliases from the config already applied. */
  agency: string;
  year: number;
}

/** Renamed agencies from the config: the normalised old name → the normalised current one. */
export type AgencyAliases = ReadonlyMap<string, string>;

// Words of the report's kind, not of the agency, wherever they stand in the title.
const REPORT_KIND = /(?:关于)?(?:(?:19|20)\d{2}\s*年度?)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/g;
const YEAR_WORD = /(?:19|20)\d{2}\s*年度?|[〇零一二][〇零一二三四五六七八九]{3}\s*年度?/g;
const PUNCTUATION = /[\s\u3000·•、，,。.．:：;；!！?？"“”'‘’《》〈〉<>「」『』【】[\]()（）—\-_/\\|]+/g;

/** The agency part of a title's body, in one spelling: no year, no report words, no spaces or punctuation. */
export function normaliseAgency(body: string): string {
  return toHalfWidth(body)
    .replace(REPORT_KIND, '')
    .replace(YEAR_WORD, '')
    .replace(PUNCTUATION, '')
    .replace(/^关于/, '')
    .replace(/的$/, '');
}

/** The identity a title gives, or undefined when it does not name an annual report, its year and its agency. */
export function identityOfTitle(title: DocumentTitle | undefined, aliases?: AgencyAliases): ReportIdentity | undefined {
  if (!title) return undefined;
  // A "title" that is a whole run-in line of a page (no line breaks) is searched for the real one.
  if (title.text.length > MAX_TITLE_CHARS) return runInIdentity(title.text, aliases);
  if (!title.isAnnualReport || title.year === undefined || !title.body) return undefined;
  const agency = normaliseAgency(title.body.replace(PAGE_WORDS, ''));
  if (agency.length < 2) return undefined;
  return { agency: aliases?.get(agency) ?? agency, year: title.year };
}

/** Longer than any real title: a line that merely holds one. */
const MAX_TITLE_CHARS = 80;

/** How much of the top of a file the quick identification reads (the title is in its first lines). */
const HEAD_CHARS = 8192;
/** Lines of it: the parser takes the title from the first 12 non-empty ones (blank lines between them). */
export const HEAD_LINES = 40;
// A title run into the page's other words (text copied from a web page as one line): the body and
// year right before 政府信息公开工作年度报告.
const RUN_IN_TITLE =
  /([\u4e00-\u9fff（）()]{2,30}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/;
// Words of a web page's surroundings that may stand right before the title on one line.
const PAGE_WORDS = /^.*(?:年报|首页|当前位置|公开目录|专栏|栏目)/;

/**
 * The identity from the top of a file's text alone, without checking it: the CLI reads it for every
 * file of a folder before checking any, to pair each report with its predecessor. It agrees with
 * reportIdentity of the checked file: the parser's title on the first lines, else a title run into
 * the first line of a page that lost its line breaks.
 */
export function identityOfText(text: string, aliases?: AgencyAliases): ReportIdentity | undefined {
  let head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  // The parser looks for the title in the first non-empty lines only: the lines after them are not parsed.
  let cut = -1;
  for (let i = 0, n = 0; n < HEAD_LINES; n++) {
    const next = head.indexOf('\n', i);
    if (next < 0) break;
    cut = next;
    i = next + 1;
  }
  if (cut > 0 && (cut < head.length - 1 || head.length < text.length)) head = head.slice(0, cut);
  const titled = identityOfTitle(parse(head).title, aliases);
  return titled ?? runInIdentity(head, aliases);
}

/** A title found inside a long first line ("当前位置：首页…年报 X2021年度政府信息公开工作年度报告 来源：…"). */
export function runInIdentity(head: string, aliases?: AgencyAliases): ReportIdentity | undefined {
  const firstLine = head.slice(0, Math.min(head.length, 4000)).split('\n', 1)[0];
  const m = RUN_IN_TITLE.exec(firstLine);
  // Only the line's own title: the words of a later sentence (关于编制公布2021年政府信息公开工作年度报告…) do not count.
  if (m && m.index > 200) return undefined;
  if (!m) return undefined;
  const body = m[1].replace(PAGE_WORDS, '');
  if (body.length < 2) return undefined;
  return identityOfTitle(readTitle(`${body}${m[2]}年政府信息公开工作年度报告`, 0, 0), aliases);
}

/** Builds the alias map from the config's "agencies": { "新名称": ["旧名称", …] }. */
export function agencyAliases(agencies: Readonly<Record<string, readonly string[]>> | undefined): AgencyAliases | undefined {
  if (!agencies) return undefined;
  const map = new Map<string, string>();
  for (const [current, old] of Object.entries(agencies)) {
    const to = normaliseAgency(current);
    for (const o of old) map.set(normaliseAgency(o), to);
  }
  return map;
}
