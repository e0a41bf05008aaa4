// A share stated in the text ("303条，占71.3%") must agree with the total it is a share of; a ratio
// against a base written with it ("完成目标任务1600件的144.69%") or a growth on last year's figure
// ("上年20件，同比增长50%") must agree with those figures.

import type { RelatedInfo, Rule, RuleContext } from './types';
import { findPercentStatements, percentFits, type PercentStatement } from '../analysis/prose/percent-statements';
import { findRatioStatements, type RatioStatement } from '../analysis/prose/ratio-statements';
import { joinedParagraphs, type JoinedParagraph } from '../analysis/prose/continuation';
import { firstNumberFrom, scanProse, type ProseNumber } from '../analysis/prose/tokens';
import type { ReportDocument } from '../model';
import { contradictedFigures, figureKey } from './text-table-mismatch';
import { findSumStatements, sumVerdict } from '../analysis/prose/sum-statements';
import type { CheckCache } from '../check-cache';

function withUnit(n: ProseNumber): string {
  return `${n.raw}${n.unit ?? ''}`;
}

function reportRatio(p: JoinedParagraph, s: RatioStatement, report: RuleContext['report']): void {
  const d = s.percent.decimals;
  const computed = Math.abs(s.computed).toFixed(Math.max(d, 2));
  let arithmetic: string;
  let related: RelatedInfo[];
  if (s.kind === 'of-base') {
    arithmetic = `${s.part.raw} ÷ ${s.base.raw} = ${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `基数 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `数量 ${withUnit(s.part)}` },
    ];
  } else if (s.change) {
    const previous = s.part.value! - Math.sign(s.computed || 1) * s.base.value!;
    arithmetic = `${s.base.raw} ÷ ${previous}（上年 = ${s.part.raw} ${s.computed < 0 ? '+' : '−'} ${s.base.raw}）= ${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `变化量 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `本年 ${withUnit(s.part)}` },
    ];
  } else {
    arithmetic = `（${s.part.raw} − ${s.base.raw}）÷ ${s.base.raw} = ${s.computed < 0 ? '−' : ''}${computed}%`;
    related = [
      { range: p.rangeOf(s.base.start, s.base.end), message: `上年 ${withUnit(s.base)}` },
      { range: p.rangeOf(s.part.start, s.part.end), message: `本年 ${withUnit(s.part)}` },
    ];
  }
  const direction = s.kind === 'growth' && s.computed !== 0 && Math.sign(s.computed) !== s.sign ? `，且方向相反（${s.computed < 0 ? '实为下降' : '实为增长'}）` : '';
  report({
    message: `${arithmetic}，与所写 ${s.percent.raw}% 不符${direction}`,
    range: p.rangeOf(s.percent.start, s.percent.endWithUnit),
    related,
    data: { kind: s.kind, part: s.part.value, base: s.base.value, computed: s.computed, written: s.percent.value },
  });
}

/**
 * The counts the paragraphs state, by unit ("472件" → 件: 472): a figure the text has written
 * elsewhere with the same unit. Table cells are left out: a table holds so many figures that one
 * would match by chance.
 */
function writtenCounts(doc: ReportDocument, cache: CheckCache): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const p of doc.paragraphs)
    for (const n of scanProse(cache, p.text).nums) {
      if (n.kind !== 'exact' || n.value === null || n.isPercent || !n.unit) continue;
      let values = out.get(n.unit);
      if (!values) out.set(n.unit, (values = new Set()));
      values.add(n.value);
    }
  return out;
}

/**
 * The shares of each total that at least one share misses (shares that fit it are kept beside
 * them: a total blamed instead must fit those too).
 */
function sharesByBase(statements: readonly PercentStatement[]): Map<ProseNumber, PercentStatement[]> {
  const out = new Map<ProseNumber, PercentStatement[]>();
  for (const s of statements) {
    const shares = out.get(s.base);
    if (shares) shares.push(s); // pushed, not copied: a crafted paragraph may hold 100,000 shares
    else out.set(s.base, [s]);
  }
  for (const [base, shares] of out) if (shares.length > MAX_SHARES || shares.every((s) => s.fits)) out.delete(base);
  return out;
}

/** More shares of one total than a report writes: each is reported on its own, without a search for the total they fit. */
const MAX_SHARES = 64;

/** Of the counts of the base's unit written before the shares (and not below any part), the one nearest to `implied`. */
function nearestCount(text: string, cache: CheckCache, base: ProseNumber, implied: number, shares: PercentStatement[]): ProseNumber {
  let first = Infinity;
  let largest = 0;
  for (const s of shares) {
    first = Math.min(first, s.part.start);
    largest = Math.max(largest, s.part.value!);
  }
  let best = base;
  for (const n of scanProse(cache, text).nums) {
    if (n.start >= first) break;
    if (n.kind !== 'exact' || n.value === null || n.isPercent || n.unit !== base.unit || n.value < largest) continue;
    if (Math.abs(n.value - implied) < Math.abs(best.value! - implied)) best = n;
  }
  return best;
}

/** The one whole-number total every share fits (as rounded or cut to its decimals), if exactly one does. */
function impliedBase(shares: PercentStatement[]): number | undefined {
  const first = shares[0];
  const half = 0.5 / 10 ** first.percent.decimals;
  const pct = first.percent.value!;
  if (pct - half <= 0) return undefined;
  // Totals the first share allows: part × 100 ÷ (pct ± half), bounded so the scan stays small.
  const lo = Math.ceil((first.part.value! * 100) / (pct + half));
  const hi = Math.floor((first.part.value! * 100) / (pct - half));
  if (hi - lo > 2000) return undefined;
  let found: number | undefined;
  for (let b = Math.max(lo, 1); b <= hi; b++) {
    if (!shares.every((s) => s.part.value! <= b && percentFits((s.part.value! / b) * 100, s.percent.value!, s.percent.decimals))) continue;
    if (found !== undefined) return undefined; // two totals fit: which one was meant cannot be told
    found = b;
  }
  return found;
}

/** The sums of a paragraph's stated totals that their parts contradict, by the total's offset. */
function failingSums(cache: CheckCache, text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const st of findSumStatements(cache, text)) if (sumVerdict(st) !== undefined) out.set(st.total.start, st.sum);
  return out;
}

/**
 * Whether `part` in place of the share's part fits a count of its unit among the figures written
 * just before it (as the share's base is found; at most MAX_BASES back, so a crafted paragraph of
 * thousands of shares stays linear).
 */
function fitsSomeCount(cache: CheckCache, text: string, s: PercentStatement, part: number): boolean {
  const nums = scanProse(cache, text).nums;
  const lo = firstNumberFrom(nums, s.part.start);
  for (let i = lo - 1; i >= 0 && i >= lo - MAX_BASES; i--) {
    const n = nums[i];
    if (n.kind !== 'exact' || n.isPercent || n.unit !== s.part.unit || !n.value || n.value < part) continue;
    if (percentFits((part / n.value) * 100, s.percent.value!, s.percent.decimals)) return true;
  }
  return false;
}
const MAX_BASES = 200;

export const rule: Rule = {
  meta: {
    id: 'prose-percent',
    title: '正文百分比与数量不符',
    titleEn: 'Stated percentage does not match its figures',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '检查“X件，占Y%”“X件（Y%）”“X件，占办结总数的Y%”这类表述（“占全省总数的”等其他范围的总数不查）：Y 应等于 X 除以同段前文中同单位的总数（按所写小数位四舍五入或截断）。' +
      '同段任一同单位数字能对上即视为正确；都对不上时，仅在前文有明确标为总数的数字（共、受理、收到、办结、总数，或“其中”之前的数）时提示；找不到可信的总数时不提示。' +
      '“完成目标任务N件的P%”“占总数N件的P%”按其前的数量除以 N 检查；“上年N件……同比增长P%”“比上年增加D件，增长P%”在两年的数字都写明时按增长率检查。' +
      '同一总数下的百分比都与它对不上、却都与另一个整数相符时（只有一个百分比时，还要正文别处以同一单位写过这个数），错的是总数：只在总数处报告一次，写出推算的总数。' +
      '约数（余、多、约）不作检查；因分页断开的句子接起来读。',
    basis: '由文字表述推得：占比 = 分项 ÷ 总数；增长率 = （本年 − 上年）÷ 上年',
  },
  check({ doc, facts, cache, report }) {
    let written: Map<string, Set<number>> | undefined; // built only when one share alone misses its total
    let tableSays: ReadonlyMap<string, number> | undefined; // built only when a share misses
    for (const p of joinedParagraphs(doc)) {
      const statements = findPercentStatements(cache, p.text);
      // Several shares of one total that all miss it but all fit one other figure: the total is
      // what is wrong ("答复181件……予以公开68件，占38.0%；部分公开19件，占10.6%" of 179), said once on it.
      const wrongBases = new Set<ProseNumber>();
      for (const [base, shares] of sharesByBase(statements)) {
        const implied = impliedBase(shares);
        if (implied === undefined || implied === base.value) continue;
        // One share alone could be the wrong figure as well as its total: the total is blamed only
        // when the text writes the figure the share implies elsewhere, with the same unit.
        const missing = shares.filter((s) => !s.fits);
        if (missing.length === 1 && !(written ??= writtenCounts(doc, cache)).get(base.unit ?? '')?.has(implied)) continue;
        wrongBases.add(base);
        // The shares were worked out from the written figure nearest to the one they imply ("收到
        // 186件……共190件……占80.43%" of 184: the 186), which need not be the total marked last.
        const blamed = nearestCount(p.text, cache, base, implied, shares);
        const terms = missing.map((s) => `${s.part.raw} ÷ ${implied} = ${((s.part.value! / implied) * 100).toFixed(Math.max(s.percent.decimals, 2))}%`);
        report({
          message:
            missing.length === 1
              ? `按所写的百分比推算，总数应为 ${implied}（${terms[0]}，与所写 ${missing[0].percent.raw}% 相符），此处为 ${blamed.raw}`
              : `按所写的 ${missing.length} 个百分比推算，总数应为 ${implied}（${terms.join('，')}），此处为 ${blamed.raw}`,
          range: p.rangeOf(blamed.start, blamed.end),
          related: shares.map((s) => ({ range: p.rangeOf(s.percent.start, s.percent.endWithUnit), message: `${withUnit(s.part)}，占 ${s.percent.raw}%` })),
          data: { base: blamed.value, implied, parts: shares.map((s) => s.part.value), written: shares.map((s) => s.percent.value) },
        });
      }
      let sums: Map<number, number> | undefined; // built once a share of this paragraph misses
      for (const s of statements) {
        if (s.fits || wrongBases.has(s.base)) continue;
        // The part is a figure the tables contradict, and the table's figure fits the share: the
        // part is the one mistake, and text-table-mismatch reports it there.
        // The part is a stated total its own parts contradict, and their sum fits the share: the
        // total is the one mistake, prose-sum's ("共18件，占办结总数的58.6%" where the parts make 17 of 29).
        sums ??= failingSums(cache, p.text);
        const sum = sums.get(s.part.start);
        if (sum !== undefined && percentFits((sum / s.base.value!) * 100, s.percent.value!, s.percent.decimals)) continue;
        tableSays ??= contradictedFigures(cache, doc, facts);
        const fromTable = tableSays.get(figureKey(p.rangeOf(s.part.start, s.part.end)));
        if (fromTable !== undefined && fitsSomeCount(cache, p.text, s, fromTable)) continue;
        // So is the share's base, when the share fits the table's figure for it ("办结127件……予以公开52件，占40.6%" of 128).
        const baseFromTable = tableSays.get(figureKey(p.rangeOf(s.base.start, s.base.end)));
        if (baseFromTable && percentFits((s.part.value! / baseFromTable) * 100, s.percent.value!, s.percent.decimals)) continue;
        const d = s.percent.decimals;
        const computed = s.computed.toFixed(Math.max(d, 2));
        report({
          message: `${s.part.raw} ÷ ${s.base.raw} = ${computed}%，与所写 ${s.percent.raw}% 不符`,
          range: p.rangeOf(s.percent.start, s.percent.endWithUnit),
          related: [
            { range: p.rangeOf(s.base.start, s.base.end), message: `总数 ${withUnit(s.base)}` },
            { range: p.rangeOf(s.part.start, s.part.end), message: `分项 ${withUnit(s.part)}` },
          ],
          data: { part: s.part.value, base: s.base.value, computed: s.computed, written: s.percent.value },
        });
      }
      for (const s of findRatioStatements(cache, p.text)) if (!s.fits) reportRatio(p, s, report);
    }
  },
};
