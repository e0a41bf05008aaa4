// "未发生政府信息公开行政复议、行政诉讼案件", "也未收到行政复议申请": the text says there were no
// cases, which the tables must bear out (0). Not a case's result: "未发生被行政复议纠错" and "未发生
// 行政诉讼败诉" say nothing about how many cases there were.

import { allMatches } from '../../facts/all-matches';
import { clauseStartBefore } from './tokens';

export type NoneTopic = 'review' | 'litigation';

export interface NoneClaim {
  topic: NoneTopic;
  /** Offsets in the text of the words that say there was none. */
  start: number;
  end: number;
  written: string;
}

const NONE_CASES = /(?:未|没有)(?:发生|收到|出现|有)([^，,；;。]{0,24}?)(行政复议|行政诉讼)(?:[^，,；;。]{0,6}?(行政诉讼))?/g;
// What the clause goes on to say of the cases: their results, not their number.
const RESULTS = /纠错|纠正|败诉|撤销|确认违法|被(?:依法)?(?:改变|变更)|责令/;
// The words between 未发生 and 行政复议 may only say "because of disclosure": anything else left
// over ("其他", "答复超期") limits the cases meant, which the table does not count apart.
const GENERIC_WORDS = /任何|因|由于|涉及|本机关|本局|本单位|本部门|政府|信息公开|公开|工作|申请|事项|而|引起|引发|产生|导致|提起|被|的|[、和与及或]|以及|\s/g;
// A clause that limits who or when before 未发生: last year, a quarter, the units under the body, "除…外".
const LIMITED_LEAD = /上一?年|去年|前年|(?:19|20)\d{2}\s*年|季度|[\d０-９一二三四五六七八九十]\s*月|半年|各|所属|下属|局属|直属|系统|除/;

/** The claims of no cases in a text (one per topic named). */
export function noneCases(text: string): NoneClaim[] {
  const out: NoneClaim[] = [];
  for (const m of allMatches(NONE_CASES, text)) {
    const end = m.index + m[0].length;
    if (m[1].replace(GENERIC_WORDS, '') !== '') continue;
    if (LIMITED_LEAD.test(text.slice(clauseStartBefore(text, m.index, 40), m.index))) continue;
    let clauseEnd = text.slice(end).search(/[，,；;。]/);
    if (clauseEnd < 0) clauseEnd = text.length - end;
    if (RESULTS.test(text.slice(m.index, end + clauseEnd))) continue;
    for (const word of [m[2], m[3]]) {
      if (word) out.push({ topic: word === '行政复议' ? 'review' : 'litigation', start: m.index, end, written: m[0] });
    }
  }
  return out;
}
