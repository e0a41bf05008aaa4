// More applications concluded than received: "受理政府信息公开申请 12 件，办结 15 件" cannot hold
// unless the concluded ones include applications carried over from last year. A carry-over the
// text states counts: "受理 1295 件，办结 1191 件（含上年结转 189 件）" and "新收 10 件，上年结转 2 件，
// 共办结 11 件" are fine.

import type { Rule } from './types';
import type { NationalTable } from '../facts/types';
import { paragraphRange } from '../analysis/prose/ranges';
import { contradictedFigures, figureKey } from './text-table-mismatch';
import { scanProse, sentences, type ProseNumber } from '../analysis/prose/tokens';
import { headingAbove, keywordFigures, sentenceEndOf, sentenceIndexOf, type KeywordFigure } from '../analysis/prose/keyword-figures';

const RECEIVED = /收到|受理|新收|接收/g;
const CONCLUDED = /办结|答复|办理完毕|处理完毕/g;
// (Also with the year written out: "加上2021年结转的79件".)
const CARRIED = /上一?年度?结转|上年度?转入|(?:19|20)\d{2}\s*年度?结转(?![下至到入])/g;
// Said without a figure, the carry-over is unknown: nothing can be concluded.
const CARRIED_WORDS = /上一?年度?结转|上年度?转入|结转(?:自|于)?上一?年|(?:19|20)\d{2}\s*年度?结转(?![下至到入])/;
// "（含上年结转 189 件）" right after the concluded figure.
const INCLUDES_CARRIED = /^\s*[（(]\s*(?:其中\s*)?(?:含|包括)\s*(?:上一?年度?结转|上年度?转入)[^）)\d０-９]{0,12}([\d０-９]+)\s*件/;
const UNITS = new Set(['件']);
/** How many sentences after the received figure a concluded one may follow. */
const NEXT_SENTENCES = 1;

function carriedInTable(tables: readonly NationalTable[]): number | undefined {
  const req = tables.find((t) => t.spec.id.endsWith('-requests'));
  const cell = req?.rows.get('carried')?.values.get('total');
  return cell?.number?.kind === 'exact' && cell.number.value !== null ? cell.number.value : undefined;
}

function toHalfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export const rule: Rule = {
  meta: {
    id: 'concluded-exceeds',
    title: '办结数多于收到数',
    titleEn: 'More applications concluded than received',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '正文写“收到/受理/新收政府信息公开申请 N 件”，随后（同句或下一句）写“办结/答复 M 件”时，M 不应大于 N 与上年结转数之和。' +
      '正文写明的上年结转数（“上年结转 K 件”或办结数后的“（含上年结转 K 件）”）计入；写明了结转数仍多出的为错误，' +
      '未提结转的为警告（如办结数含上年结转的申请，应写明）；提到结转却没写数字的、或统计表第二项“上年结转”能解释差额的不报告。',
    basis: '由文字表述推得：本年办结数 ≤ 本年收到数 + 上年结转数（《条例》第五十条第（二）项）',
  },
  check({ doc, facts, cache, report }) {
    const tableCarried = carriedInTable(facts.nationalTables);
    // A received figure the tables contradict is text-table-mismatch's finding, and no measure of the concluded one.
    const contradicted = contradictedFigures(cache, doc, facts);
    for (const p of doc.paragraphs) {
      const text = p.text;
      if (!/收到|受理|新收|接收/.test(text) || !/办结|答复|办理完毕|处理完毕/.test(text)) continue;
      const heading = headingAbove(doc, p)?.title ?? '';
      const { nums } = scanProse(cache, text);
      const sents = sentences(text);
      const sentenceIndex = (at: number) => sentenceIndexOf(sents, at);
      const sentenceEnd = sentenceEndOf(sents, text.length);
      const received = keywordFigures(text, RECEIVED, nums, UNITS, sentenceEnd).filter((r) =>
        /申请/.test(text.slice(r.at, Math.min(text.length, r.number.endWithUnit + 8))),
      );
      if (received.length === 0) continue;
      const concluded = keywordFigures(text, CONCLUDED, nums, UNITS, sentenceEnd);
      const carried = keywordFigures(text, CARRIED, nums, UNITS, sentenceEnd);
      const carriedSaid = CARRIED_WORDS.test(text);
      // Whether a sentence is about information disclosure (公开 in it or in the heading), once per sentence.
      const about = new Map<number, boolean>();
      const aboutDisclosure = (i: number) => {
        let v = about.get(i);
        if (v === undefined) {
          v = /公开/.test(heading) || text.slice(sents[i][0], sents[i][1]).includes('公开');
          about.set(i, v);
        }
        return v;
      };
      // Both lists are in text order: the received figure a concluded one answers is found by a
      // pointer that only moves forward (a huge paragraph stays linear).
      let ri = -1;
      let ki = 0;
      for (const c of concluded) {
        // The received figure it answers: the last one before it, in its sentence or the one before.
        while (ri + 1 < received.length && received[ri + 1].number.end <= c.at) ri++;
        const r: KeywordFigure | undefined = ri >= 0 ? received[ri] : undefined;
        if (!r) continue;
        const si = sentenceIndex(c.at);
        const rsi = sentenceIndex(r.at);
        if (si - rsi > NEXT_SENTENCES) continue;
        if (!aboutDisclosure(rsi)) continue;
        if (contradicted.has(figureKey(paragraphRange(p, r.number.start, r.number.end)))) continue;
        const includes = INCLUDES_CARRIED.exec(text.slice(c.number.endWithUnit, c.number.endWithUnit + 30));
        const inside = includes ? Number(toHalfWidth(includes[1])) : 0;
        // Carry-over figures in the sentences from the received figure's to the concluded one's.
        while (ki < carried.length && sentenceIndex(carried[ki].at) < rsi) ki++;
        const before: KeywordFigure[] = [];
        for (let k = ki; k < carried.length && sentenceIndex(carried[k].at) <= si; k++) before.push(carried[k]);
        const stated = before.reduce((s, k) => s + (k.number.value ?? 0), 0);
        const done = c.number.value! - inside;
        const allowed = r.number.value! + stated;
        if (done <= allowed) continue;
        const anyFigure = includes !== null || before.length > 0;
        // 结转 named without its figure, or the table's carry-over explains the difference: no verdict.
        if (!anyFigure && (carriedSaid || (tableCarried !== undefined && done <= r.number.value! + tableCarried))) continue;
        const n = (x: ProseNumber) => `${x.raw} ${x.unit ?? ''}`.trim();
        const lhs = inside ? `${c.keyword} ${n(c.number)}中除去上年结转 ${inside} 件为 ${done} 件` : `${c.keyword} ${n(c.number)}`;
        const rhs = stated ? `${r.keyword}的 ${n(r.number)}与上年结转 ${stated} 件之和 ${allowed} 件` : `${r.keyword}的 ${n(r.number)}`;
        report({
          message: anyFigure ? `${lhs}，多于${rhs}` : `${lhs}，多于${rhs}；如办结数含上年结转的申请，应写明（含上年结转 X 件）`,
          range: paragraphRange(p, c.number.start, c.number.end),
          severity: anyFigure ? 'error' : undefined,
          related: [
            { range: paragraphRange(p, r.number.start, r.number.end), message: `${r.keyword} ${n(r.number)}` },
            ...before.map((k) => ({ range: paragraphRange(p, k.number.start, k.number.end), message: `上年结转 ${n(k.number)}` })),
          ],
          data: { concluded: c.number.value, received: r.number.value, carried: stated + inside },
        });
      }
    }
  },
};
