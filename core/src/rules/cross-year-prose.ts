// cross-year-prose: where this year's text states last year's figures — 「收到申请75件，上年为70件」,
// 「比上年增长7.1%」, 「较上年增加5件」 — they must agree with the previous year's report of the same
// agency. Only the figures whose meaning is unambiguous are read: new applications (表三 一, or 一 +
// 二 for 受理/收到, as text-table-mismatch reads them), 行政复议 and 行政诉讼 cases (表四 totals); the
// figure this year must agree with this year's own table (else text-table-mismatch speaks), and
// last year's comes from last year's table. A percentage may be rounded or cut at its decimals.

import type { Paragraph } from '../model';
import type { KeptFigure, PreviousReport, ProseTopic } from '../crossyear/summary';
import type { NationalTable } from '../facts/types';
import type { FindingInput, Rule } from './types';
import { findClaims } from './text-table-mismatch';
import { headingAbove } from '../analysis/prose/keyword-figures';
import { paragraphRange } from '../analysis/prose/ranges';
import { percentFits } from '../analysis/prose/percent-statements';
import { toHalfWidth } from '../text/normalize';
import { exactValue, placeText, previousData, relatedIn } from './cross-year-util';

const MENTIONS_LAST_YEAR = /上一?年|去年|同比/;
// Right after the figure: "，上年为70件" / "（去年同期68件）".
const STATED = /^\s*[，,（(]?\s*(?:上一?年度?|去年)(?:同期)?\s*(?:为|是|共|有)?\s*(\d+)\s*(?:件|宗|起|个)/d;
// Right after the figure: "，比上年增长7.1%" / "，同比下降5%" / "，较去年增加5件" (not "5个百分点": a rate's change).
const COMPARED =
  /^\s*[，,]?\s*(?:(?:比|较)(?:上一?年度?|去年)(?:同期)?|同比)\s*(增长|增加|上升|提高|多|下降|减少|降低|少)\s*(?:了)?\s*(\d+(?:\.\d+)?)\s*(%|件|宗|起|个(?!百分点))/d;
const DOWN = /下降|减少|降低|少/;

interface Topic {
  key: 'new' | 'review' | 'litigation';
  label: string;
}

/** This year's table figures a claim of the topic may be (受理 N 件 may include the carried-over ones). */
function thisYear(tables: NationalTable[], topic: Topic['key']): Partial<Record<ProseTopic, number>> | undefined {
  const req = tables.find((t) => t.spec.id.endsWith('-requests'));
  const rev = tables.find((t) => t.spec.id.endsWith('-review'))?.rows.get('values');
  if (topic === 'new') {
    const fresh = exactValue(req?.rows.get('new')?.values.get('total'));
    const carried = exactValue(req?.rows.get('carried')?.values.get('total'));
    if (fresh === undefined) return undefined;
    return carried === undefined ? { new: fresh } : { new: fresh, 'new-and-carried': fresh + carried };
  }
  if (topic === 'review') {
    const v = exactValue(rev?.values.get('review-total'));
    return v === undefined ? undefined : { review: v };
  }
  const d = exactValue(rev?.values.get('direct-total'));
  const a = exactValue(rev?.values.get('after-total'));
  return d === undefined || a === undefined ? undefined : { litigation: d + a };
}

const LABELS: Record<ProseTopic, string> = {
  new: '表三“一、本年新收政府信息公开申请数量”总计',
  'new-and-carried': '表三第一、二项总计之和',
  review: '表四行政复议总计',
  litigation: '表四行政诉讼两类起诉总计之和',
};

/** The readings of last year's figure the claim may mean, each with its name. */
function candidates(prev: PreviousReport, tables: NationalTable[], topic: Topic['key'], keyword: string, value: number): Array<{ topic: ProseTopic; fig: KeptFigure }> | undefined {
  const figures = prev.figures ?? {};
  const here = thisYear(tables, topic);
  let topics: ProseTopic[] = topic === 'new' ? (keyword === '新收' ? ['new'] : ['new', 'new-and-carried']) : [topic];
  if (here) {
    // The figure must be this year's own (else text-table-mismatch reports it); it says which reading is meant.
    topics = topics.filter((t) => here[t] !== undefined && Math.abs(here[t] - value) < 1e-9);
    if (topics.length === 0) return undefined;
  }
  const out = topics.filter((t) => figures[t]).map((t) => ({ topic: t, fig: figures[t]! }));
  return out.length ? out : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'cross-year-prose',
    title: '正文所述上年数字与上年报告不符',
    titleEn: 'Last year’s figures in the text differ from last year’s report',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '同一机关上一年度的报告在手时，正文中“收到申请 N 件，上年为 M 件”“比上年增长 P%”“较上年增加 D 件”这类表述按上年报告核对：M 应等于上年表格中的同一数，' +
      'P 应等于（本年 − 上年）÷ 上年（按所写小数位四舍五入或截断），D 应等于两年之差。只核对新收/受理申请数、行政复议和行政诉讼案件数；本年数须与本年表格一致（不一致时由“正文数字与表格不符”报告），上年数取自上年报告的表格。',
    basis: '由文字表述推得：增长率 = （本年 − 上年）÷ 上年',
  },
  check({ doc, facts, cache, previous, report }) {
    if (!previous?.figures) return;
    for (const p of doc.paragraphs) {
      if (!MENTIONS_LAST_YEAR.test(p.text)) continue;
      const heading = headingAbove(doc, p);
      for (const claim of findClaims(cache, p.text, heading?.title ?? '')) {
        if (claim.topic !== 'new' && claim.topic !== 'review' && claim.topic !== 'litigation') continue;
        const value = claim.number.value;
        if (value === null) continue;
        const readings = candidates(previous, facts.nationalTables, claim.topic, claim.keyword, value);
        if (!readings) continue;
        const finding = compare(p, claim.number.endWithUnit, value, readings, previous);
        if (finding) report(finding);
      }
    }
  },
};

/** The statement after a figure, compared with last year's; a finding when no reading fits. */
function compare(
  p: Paragraph,
  after: number,
  value: number,
  readings: Array<{ topic: ProseTopic; fig: KeptFigure }>,
  previous: PreviousReport,
): FindingInput | undefined {
  // Half-width digits keep their offsets (one UTF-16 unit each way).
  const rest = toHalfWidth(p.text.slice(after, after + 60));
  const stated = STATED.exec(rest);
  const first = readings[0];
  const relatedOf = (r: (typeof readings)[number]) => relatedIn(previous, r.fig, LABELS[r.topic]);
  if (stated) {
    const written = Number(stated[1]);
    if (readings.some((r) => Math.abs(r.fig.value - written) < 1e-9)) return undefined;
    const [s, e] = stated.indices![1];
    return {
      message: `正文写上年为 ${stated[1]}，${placeText(previous, first.fig)}${LABELS[first.topic]}为 ${first.fig.value}`,
      range: paragraphRange(p, after + s, after + e),
      related: readings.map(relatedOf),
      data: { expected: first.fig.value, written, ...previousData(previous, first.fig) },
    };
  }
  const compared = COMPARED.exec(rest);
  if (!compared) return undefined;
  const sign = DOWN.test(compared[1]) ? -1 : 1;
  const raw = compared[2];
  const written = Number(raw);
  const percent = compared[3] === '%';
  const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
  const fits = (last: number) => {
    const change = value - last;
    if (!percent) return Math.abs(change - sign * written) < 1e-9;
    if (!(last > 0)) return true; // no growth rate on nothing: not checked
    const computed = (change / last) * 100;
    return percentFits(Math.abs(computed), written, decimals) && (computed === 0 || Math.sign(computed) === sign);
  };
  if (readings.some((r) => fits(r.fig.value))) return undefined;
  const last = first.fig.value;
  const change = value - last;
  const arithmetic = percent
    ? `（${value} − ${last}）÷ ${last} = ${((change / last) * 100).toFixed(Math.max(decimals, 2))}%`
    : `${value} − ${last} = ${change}`;
  const [s, e] = compared.indices![2];
  return {
    message: `${placeText(previous, first.fig)}${LABELS[first.topic]}为 ${last}，${arithmetic}，与所写“${compared[1]}${raw}${percent ? '%' : compared[3]}”不符`,
    range: paragraphRange(p, after + s, after + e + (percent ? 1 : 0)),
    related: readings.map(relatedOf),
    data: { expected: percent ? (change / last) * 100 : change, written: sign * written, lastYear: last, thisYear: value, ...previousData(previous, first.fig) },
  };
}
