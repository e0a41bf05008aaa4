// The title: the first `#` heading, or the first short line near the top that names a report,
// or else the first non-empty line. It names the body and the year.

import type { DocumentTitle, Range } from '../model';
import { parseChineseNumeral } from './numbers';

const REPORT_WORDS = /报告|年报|自评|总结|报表/;
const ANNUAL = /信息公开.*(年度报告|年报)|(年度报告|年报).*信息公开/;
// A sentence's end inside the line, or a full stop at its end (a title never ends in 。).
const SENTENCE_END_WITHIN = /[。！？!?；;](?!$)|[。！？]$/;
const YEAR = /((?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年(?:度)?/;

/** Where a title broken over two lines goes on: its `at`-th character is `character` of `line`. */
export interface TitleContinuation {
  line: number;
  character: number;
  at: number;
}

export function readTitle(text: string, line: number, character: number, rest?: TitleContinuation): DocumentTitle {
  const compact = text.replace(/\s+/g, '');
  // Where the title's i-th character starts, and where a span ending before it ends: at the break
  // a start is on the second line, an end still on the first.
  const onSecond = (i: number) => ({ line: rest!.line, character: rest!.character + i - rest!.at });
  const startOf = (i: number) => (rest && i >= rest.at ? onSecond(i) : { line, character: character + i });
  const endOf = (i: number) => (rest && i > rest.at ? onSecond(i) : { line, character: character + i });
  const range: Range = { start: startOf(0), end: endOf(text.length) };
  const title: DocumentTitle = { text, range, line, isAnnualReport: ANNUAL.test(compact) && !/上半年|半年|季度|自评/.test(compact) };
  const ym = YEAR.exec(text);
  if (ym) {
    const digits = ym[1];
    const year = /^\d+$/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
    if (year && year >= 1990 && year <= 2100) {
      title.year = year;
      title.yearRange = { start: startOf(ym.index), end: endOf(ym.index + digits.length) };
      // The body: the words before the year, or those between the year and 政府信息公开/信息公开.
      const before = text.slice(0, ym.index).replace(/\s+/g, '');
      const after = text.slice(ym.index + ym[0].length).replace(/\s+/g, '');
      const body = before || after.split(/政府信息|信息公开|政务公开/)[0];
      if (body && body.length <= 40) title.body = body;
    }
  }
  return title;
}

/** A page's navigation before a link (上一篇：……2022年……年度报告): the link names another report. */
const NAVIGATION = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|相关(?:链接|阅读|文章|信息|推荐)|推荐阅读|延伸阅读|返回|首页|当前位置|您的位置|您现在的位置)/;

/** Whether a line may be the title (short, names a report). */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (NAVIGATION.test(t)) return false;
  // A line holding a sentence's end (统计期限为……。本报告……, 会议听取了……年度报告……的汇报。) is body
  // text that names the report.
  return t.length > 0 && t.length <= 80 && REPORT_WORDS.test(t) && !SENTENCE_END_WITHIN.test(t);
}
