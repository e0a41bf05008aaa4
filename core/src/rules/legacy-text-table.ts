// Reports before 2019 attach a 政府信息公开情况统计表; the figures the prose states about the same
// things must be the table's: 主动公开政府信息 N 条 is its 主动公开政府信息数, 收到/受理申请 N 件 its
// 收到申请数, 办结 its 申请办结数, 答复 its 申请答复数, 行政复议/行政诉讼 N 件 its 复议/诉讼数量; "未收到
// 申请", "未发生行政复议" and "未收取任何费用" say 0. Only a figure right after its keyword, in a clause about the whole
// body (not one channel, one unit or the cumulative total), is read. The 2019 and 2021 tables are
// text-table-mismatch's.

import type { Cell } from '../model';
import type { NationalTable } from '../facts/types';
import type { Rule } from './types';
import type { CheckCache } from '../check-cache';
import { paragraphRange } from '../analysis/prose/ranges';
import { clauseStartBefore, scanProse, sentences, type ProseNumber } from '../analysis/prose/tokens';
import { headingAbove, keywordFigures, OTHER_MATTERS, OTHER_THAN_CASES, sentenceEndOf, sentenceIndexOf } from '../analysis/prose/keyword-figures';
import { noneCases } from '../analysis/prose/none-cases';
import { allMatches } from '../facts/all-matches';
import { evaluateChecks, isBalanced } from '../analysis/table-arith';

type Topic = 'proactive' | 'received' | 'concluded' | 'answered' | 'reviews' | 'suits' | 'fees';

interface TopicSpec {
  keywords: RegExp;
  units: ReadonlySet<string>;
  /** What the table row is called, for the message. */
  label: string;
  /** Words between the keyword and the figure that make it a figure of something else. */
  reject?: RegExp;
}

const TOPICS: Record<Exclude<Topic, 'fees'>, TopicSpec> = {
  proactive: { keywords: /主动公开(?:了)?(?:各类)?(?:政府)?(?:信息|文件)/g, units: new Set(['条', '件', '项']), label: '主动公开政府信息数' },
  received: { keywords: /收到|受理/g, units: new Set(['件']), label: '收到申请数' },
  concluded: { keywords: /办结/g, units: new Set(['件']), label: '申请办结数' },
  answered: { keywords: /答复/g, units: new Set(['件']), label: '申请答复数' },
  reviews: { keywords: /行政复议/g, units: new Set(['件', '起']), label: '行政复议数量', reject: OTHER_THAN_CASES },
  suits: { keywords: /行政诉讼/g, units: new Set(['件', '起']), label: '行政诉讼数量', reject: OTHER_THAN_CASES },
};
const FEES_LABEL = '依申请公开收取的费用';
// "本年度依申请公开未收取任何费用": zero fees (a sentence about applications, not 行政事业性收费).
const NONE_FEES = /(?:未|没有|无|不)(?:收取|收)[^，,；;。]{0,8}?费用?|零收费/g;
// "未收到政府信息公开申请", "未发生因政府信息公开申请行政复议、提起行政诉讼的情况": zero.
const NONE_RECEIVED = /(?:未|没有)(?:收到|受理)[^，,；;。]{0,16}申请/g;
// The clause before a keyword names one channel, one unit or a span of years: not the table's figure.
const PART_OF_WHOLE =
  /网站|门户|网页|微博|微信|公众号|新媒体|客户端|报刊|报纸|电视|广播|公报|专栏|栏目|平台|公开栏|查阅点|单位|乡镇|部门|县直|区直|市直|其中|通过|累计|历年|截至|以来|上年|去年|各类政务/;

function currentValue(t: NationalTable, row: string): Cell | undefined {
  const found = t.rows.get(row);
  if (!found) return undefined;
  // "指标名称 | 计量单位 | 2015年度 | 历年累计": the year's figure is the first of the row's values.
  if (found.row.values.length > 1 && hasCumulativeColumn(t)) return found.row.values[0];
  // This year's column (the table may also carry 累计, all years together).
  for (const col of ['count', 'year', 'current']) {
    const c = found.values.get(col);
    if (c) return c;
  }
  return found.values.values().next().value;
}

/** A header row of the table names a 累计 column (all years together, beside the year's own). */
function hasCumulativeColumn(t: NationalTable): boolean {
  return t.tables.some((table) => table.rows.some((r) => r.values.every((c) => !c.number || c.number.kind === 'blank') && r.cells.some((c) => /累计/.test(c.text))));
}

function exact(c: Cell | undefined): number | undefined {
  return c?.number?.kind === 'exact' && c.number.value !== null ? c.number.value : undefined;
}


interface Claim {
  topic: Topic;
  value: number;
  /** The figure written, or the words saying there was none. */
  start: number;
  end: number;
  written: string;
}

function claimsOf(cache: CheckCache, text: string, context: string, year: number | undefined): Claim[] {
  const { nums } = scanProse(cache, text);
  const sents = sentences(text);
  const sentenceEnd = sentenceEndOf(sents, text.length);
  const aboutDisclosure = /公开/.test(context) || text.includes('公开');
  const claims: Claim[] = [];
  for (const topic of Object.keys(TOPICS) as Array<keyof typeof TOPICS>) {
    const spec = TOPICS[topic];
    for (const k of keywordFigures(text, spec.keywords, nums, spec.units, sentenceEnd, spec.reject ?? OTHER_MATTERS)) {
      const lead = text.slice(clauseStartBefore(text, k.at, 60), k.at);
      if (PART_OF_WHOLE.test(lead) || /未|没有/.test(lead.slice(-2)) || otherYear(lead, year)) continue;
      const near = text.slice(k.at, Math.min(text.length, k.number.endWithUnit + 8));
      if ((topic === 'received' || topic === 'concluded' || topic === 'answered') && !/申请/.test(near + lead)) continue;
      if ((topic === 'reviews' || topic === 'suits') && !aboutDisclosure) continue;
      claims.push({ topic, value: k.number.value!, start: k.number.start, end: k.number.end, written: numberText(k.number) });
    }
  }
  if (aboutDisclosure) {
    for (const m of allMatches(NONE_RECEIVED, text)) claims.push({ topic: 'received', value: 0, start: m.index, end: m.index + m[0].length, written: m[0] });
    for (const m of allMatches(NONE_FEES, text)) {
      const words = sents.length ? text.slice(...sents[sentenceIndexOf(sents, m.index)]) : text;
      if (/申请/.test(words + context)) claims.push({ topic: 'fees', value: 0, start: m.index, end: m.index + m[0].length, written: m[0] });
    }
    for (const c of noneCases(text)) claims.push({ topic: c.topic === 'review' ? 'reviews' : 'suits', value: 0, start: c.start, end: c.end, written: c.written });
  }
  return claims;
}

/** "2016年本局主动公开……": a year in the clause before the keyword that is not the report's. */
function otherYear(lead: string, year: number | undefined): boolean {
  for (const m of lead.matchAll(/((?:19|20)\d{2})\s*年/g)) if (Number(m[1]) !== year) return true;
  return false;
}

function numberText(n: ProseNumber): string {
  return `${n.raw}${n.unit ?? ''}`;
}

export const rule: Rule = {
  meta: {
    id: 'legacy-text-table',
    title: '正文数字与统计表不符（2018 年及以前）',
    titleEn: 'Text contradicts the statistics table (reports up to 2018)',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '2018 年及以前的年报附《政府信息公开情况统计表》，正文写到的同一数字应与表中一致：主动公开政府信息 N 条对应“主动公开政府信息数”，' +
      '收到/受理申请 N 件对应“收到申请数”，办结、答复 N 件对应“申请办结数”“申请答复数”，行政复议、行政诉讼 N 件对应复议、诉讼数量；' +
      '“未收到申请”“未发生行政复议、行政诉讼”、依申请公开“未收取任何费用”按 0 计（“未发生被行政复议纠错”说的是结果，不计）。只读取紧跟关键词、且说的是全机关全年（不是某一渠道、某一单位、另一年份或历年累计）的确数；统计表有“年度”和“历年累计”两栏时与年度栏比对。',
    basis: '由报告结构推得：正文与所附统计表应一致（2007 年《条例》第三十二条；国办发〔2014〕32号统计表）',
  },
  check({ doc, facts, cache, report }) {
    const table = facts.nationalTables.find((t) => t.spec.id.startsWith('legacy'));
    if (!table) return;
    // A cell in a sum of the table that fails is in doubt: table-balance reports the sum, and the
    // prose that agrees with the other cells is its evidence, not a second mistake.
    let doubtful: Set<Cell> | undefined;
    const inDoubt = (cell: Cell) => {
      doubtful ??= new Set(evaluateChecks(table).filter((o) => !isBalanced(o)).flatMap((o) => [...o.left, ...o.right].map((t) => t.cell)));
      return doubtful.has(cell);
    };
    for (const p of doc.paragraphs) {
      if (!/主动公开|收到|受理|办结|答复|行政复议|行政诉讼|收|费/.test(p.text)) continue;
      for (const claim of claimsOf(cache, p.text, headingAbove(doc, p)?.title ?? '', facts.year?.year)) {
        const cell = currentValue(table, claim.topic);
        const value = exact(cell);
        if (value === undefined || !cell || Math.abs(value - claim.value) < 1e-9 || inDoubt(cell)) continue;
        const label = claim.topic === 'fees' ? FEES_LABEL : TOPICS[claim.topic].label;
        const range = paragraphRange(p, claim.start, claim.end);
        const isFigure = /^[\d０-９]/.test(claim.written);
        report({
          message: isFigure ? `正文写 ${claim.written}，统计表“${label}”为 ${value}` : `正文说“${claim.written}”，统计表“${label}”为 ${value}`,
          range,
          related: [{ range: cell.range, message: `统计表“${label}”：${cell.text}` }],
          data: { topic: claim.topic, text: claim.value, table: value },
          fix: isFigure ? { title: `改为表中数 ${value}`, edits: [{ range, newText: String(value) }] } : undefined,
        });
      }
    }
  },
};
