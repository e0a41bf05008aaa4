// "未发生政府信息公开行政复议、行政诉讼案件", "也未收到行政复议申请": the text says there were no
// cases, which the tables must bear out (0). Not a case's result: "未发生被行政复议纠错" and "未发生
// 行政诉讼败诉" say nothing about how many cases there were.

import { allMatches } from '../../facts/all-matches';

export type NoneTopic = 'review' | 'litigation';

export interface NoneClaim {
  topic: NoneTopic;
  /** Offsets in the text of the words that say there was none. */
  start: number;
  end: number;
  written: string;
}

const NONE_CASES = /(?:未|没有)(?:发生|收到|出现|有)[^，,；;。]{0,24}?(行政复议|行政诉讼)(?:[^，,；;。]{0,6}?(行政诉讼))?/g;
// What the clause goes on to say of the cases: their results, not their number.
const RESULTS = /纠错|纠正|败诉|撤销|确认违法|被(?:依法)?(?:改变|变更)|责令/;

/** The claims of no cases in a text (one per topic named). */
export function noneCases(text: string): NoneClaim[] {
  const out: NoneClaim[] = [];
  for (const m of allMatches(NONE_CASES, text)) {
    const end = m.index + m[0].length;
    let clauseEnd = text.slice(end).search(/[，,；;。]/);
    if (clauseEnd < 0) clauseEnd = text.length - end;
    if (RESULTS.test(text.slice(m.index, end + clauseEnd))) continue;
    for (const word of [m[1], m[2]]) {
      if (word) out.push({ topic: word === '行政复议' ? 'review' : 'litigation', start: m.index, end, written: m[0] });
    }
  }
  return out;
}
