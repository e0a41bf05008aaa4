// Ratios stated against a base written in the same sentence, which percent-statements.ts (shares
// written right after their part, "303条，占71.3%") does not read:
//   of-base  "诉讼案件2266件，完成年度目标任务1600件的144.69%"  — a figure before the base ÷ the base;
//            "予以公开208件，占办结总数1191件的17.46%"        — the same form.
//   growth   "收到申请30件，上年为20件，同比增长50%"          — (this year − last year) ÷ last year;
//            "收到申请30件，比上年增加10件，增长50%"          — the change ÷ (this year − the change).
// Only exact counts of one unit, outside parentheses, in one sentence take part; a sentence whose
// candidate figure is approximate ("3000余件") is not checked. A ratio that fits any candidate is
// accepted, so a figure of something else in the sentence never makes a false alarm.

import { numbersIn, scanProse, sentences, type ProseNumber } from './tokens';
import { percentFits } from './percent-statements';
import { CheckCache, memoKey } from '../../check-cache';

export interface RatioStatement {
  kind: 'of-base' | 'growth';
  percent: ProseNumber;
  /** The figure divided (of-base: the part; growth: this year's figure). */
  part: ProseNumber;
  /** of-base: the base written before 的; growth: last year's figure, or the change when `change` is set. */
  base: ProseNumber;
  /** growth written as a change ("增加10件"): `base` is the change and last year is part − change. */
  change?: boolean;
  /** growth: −1 for 下降/减少, +1 for 增长/增加. */
  sign?: number;
  /** The ratio computed from the figures, in %, unrounded. */
  computed: number;
  fits: boolean;
}

const OF_LINK = /^\s*的\s*$/;
// A growth word right before the percentage: "同比增长50%", "增幅达12.5%", "下降了3%".
const GROWTH_BEFORE = /(增长|增加|上升|提高|提升|增幅|下降|减少|降低|回落|降幅)\s*(?:了|为|达到?|约)?\s*$/;
const DECREASE = /下降|减少|降低|回落|降幅/;
// The comparison is with last year (or the same period of it).
const LAST_YEAR = /上一?年度?|去年|前一年|同期|同比/;
// Last year's figure: "上年为20件", "比上年的20件", "较去年（20件）" — the marker, then at most a few
// words without a growth verb or another figure.
const LAST_YEAR_BEFORE = /(?:上一?年度?|去年|前一年|上年同期|去年同期)(?:[^\d０-９，,；;。增减升降提结转多少]{0,6})$/;
// A change: "增加10件" / "减少3件" right before the figure.
const CHANGE_BEFORE = /(增加|增长|减少|下降|多|少)\s*(?:了)?\s*$/;

// What grows is a rate or a share when one of these names it in the percentage's own clause.
const RATE_SUBJECT = /率|比例|比重|占比|份额|指数|满意度|覆盖面/;

const LOOKBACK = 12;

/** Index of the last clause mark in `s` (-1: none). */
function lastClauseMark(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if ('，,；;：:'.includes(s[i])) return i;
  return -1;
}

function isCountFigure(n: ProseNumber): boolean {
  return !n.isPercent && !n.isDateLike && n.value !== null && n.unit !== undefined && n.depth === 0;
}

/** The ratio statements of a paragraph (read-only: shared within a check and a session). */
export function findRatioStatements(cache: CheckCache, text: string): readonly RatioStatement[] {
  if (!text.includes('%') && !text.includes('％')) return NONE;
  return cache.get(RATIO_STATEMENTS, text);
}
const NONE: readonly RatioStatement[] = [];
const RATIO_STATEMENTS = memoKey('ratio statements', computeRatioStatements);

function computeRatioStatements(text: string, cache: CheckCache): RatioStatement[] {
  const { nums } = scanProse(cache, text);
  const out: RatioStatement[] = [];
  for (const [ss, se] of sentences(text)) {
    const inSentence = numbersIn(nums, ss, se);
    for (let i = 0; i < inSentence.length; i++) {
      const percent = inSentence[i];
      if (!percent.isPercent || percent.unit !== '%' || percent.kind !== 'exact' || percent.value === null || percent.depth !== 0) continue;
      const ofBase = readOfBase(text, inSentence, i);
      if (ofBase) {
        out.push(ofBase);
        continue;
      }
      const growth = readGrowth(text, inSentence, i, ss);
      if (growth) out.push(growth);
    }
  }
  return out;
}

/** "…2266件，完成年度目标任务1600件的144.69%": the base right before 的, the part before it. */
function readOfBase(text: string, nums: readonly ProseNumber[], i: number): RatioStatement | undefined {
  const percent = nums[i];
  const base = nums[i - 1];
  if (!base || !isCountFigure(base) || base.kind !== 'exact' || !(base.value! > 0)) return undefined;
  if (!OF_LINK.test(text.slice(base.endWithUnit, percent.start))) return undefined;
  const candidates: ProseNumber[] = [];
  for (let j = i - 2; j >= 0 && j >= i - 2 - LOOKBACK; j--) {
    const n = nums[j];
    if (isCountFigure(n) && n.unit === base.unit) candidates.push(n);
  }
  const nearest = candidates[0];
  if (!nearest || nearest.kind !== 'exact') return undefined;
  const ratio = (n: ProseNumber) => (n.value! / base.value!) * 100;
  const fitting = candidates.find((n) => n.kind === 'exact' && percentFits(ratio(n), percent.value!, percent.decimals));
  // "3000余件" might be the figure meant: silence when its span could give the percentage.
  const implied = (percent.value! * base.value!) / 100;
  if (!fitting && candidates.some((n) => n.kind !== 'exact' && couldBe(n, implied))) return undefined;
  const part = fitting ?? nearest;
  return { kind: 'of-base', percent, part, base, computed: ratio(part), fits: fitting !== undefined };
}

/** Whether an approximate figure (3000余, 约50, 近300) could stand for `value`: a generous span around it. */
function couldBe(n: ProseNumber, value: number): boolean {
  const v = n.value!;
  const zeros = /0*$/.exec(n.raw.replace(/[^0-9]/g, ''))![0].length;
  return value >= 0.85 * v && value <= v + Math.max(10 ** Math.max(zeros, 1), 0.15 * v);
}

/** "…30件，上年为20件，同比增长50%" / "…30件，比上年增加10件，增长50%". */
function readGrowth(text: string, nums: readonly ProseNumber[], i: number, sentenceStart: number): RatioStatement | undefined {
  const percent = nums[i];
  const verb = GROWTH_BEFORE.exec(text.slice(Math.max(sentenceStart, percent.start - 8), percent.start));
  if (!verb) return undefined;
  // (The words before the percentage, bounded: a huge sentence of percentages stays linear.)
  if (!LAST_YEAR.test(text.slice(Math.max(sentenceStart, percent.start - 200), percent.start))) return undefined;
  // "办结率同比提高5%": the growth of a rate, not of the counts before it.
  const subject = text.slice(Math.max(sentenceStart, percent.start - 24), percent.start);
  if (RATE_SUBJECT.test(subject.slice(Math.max(lastClauseMark(subject), 0)))) return undefined;
  const sign = DECREASE.test(verb[1]) ? -1 : 1;
  const before = nums.slice(Math.max(0, i - LOOKBACK), i).filter(isCountFigure);
  // Any approximate figure among them: "约" cannot be compared.
  if (before.some((n) => n.kind !== 'exact')) return undefined;
  const lastYear = before.filter((n) => LAST_YEAR_BEFORE.test(text.slice(Math.max(sentenceStart, n.start - 10), n.start)));
  const changes = before.filter((n) => CHANGE_BEFORE.test(text.slice(Math.max(sentenceStart, n.start - 4), n.start)));
  const fits = (computed: number) => percentFits(Math.abs(computed), percent.value!, percent.decimals) && (computed === 0 || Math.sign(computed) === sign);
  const tries: RatioStatement[] = [];
  for (const b of lastYear) {
    if (!(b.value! > 0)) continue;
    for (const a of before) {
      if (a === b || a.unit !== b.unit || changes.includes(a)) continue;
      const computed = ((a.value! - b.value!) / b.value!) * 100;
      tries.push({ kind: 'growth', percent, part: a, base: b, sign, computed, fits: fits(computed) });
    }
  }
  for (const d of changes) {
    if (lastYear.includes(d)) continue;
    const changeSign = /减少|下降|少/.test(text.slice(Math.max(sentenceStart, d.start - 4), d.start)) ? -1 : 1;
    for (const a of before) {
      if (a === d || a.unit !== d.unit || changes.includes(a) || lastYear.includes(a)) continue;
      const previous = a.value! - changeSign * d.value!;
      if (!(previous > 0)) continue;
      const computed = ((changeSign * d.value!) / previous) * 100;
      tries.push({ kind: 'growth', percent, part: a, base: d, change: true, sign, computed, fits: fits(computed) });
    }
  }
  if (tries.length === 0) return undefined;
  // The statement as the sentence most likely means it: a fitting reading, else the pair of figures
  // closest to the percentage. Not when the figures come in parallel lists ("……30件、……23件，上年分别
  // 为33件和22件，分别下降9.09%和增长4.55%"): which figure pairs with which is read from the order, and
  // only a fitting reading is sure.
  const fitting = tries.find((t) => t.fits);
  if (!fitting && text.slice(sentenceStart, percent.start).includes('分别')) return undefined;
  return fitting ?? nearestTry(tries);
}

function nearestTry(tries: RatioStatement[]): RatioStatement {
  let best = tries[0];
  for (const t of tries) if (Math.min(t.part.start, t.base.start) > Math.min(best.part.start, best.base.start)) best = t;
  return best;
}
