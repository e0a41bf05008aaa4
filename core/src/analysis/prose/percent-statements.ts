// Finds shares stated in running text — "303条，占71.3%", "208 件（17.46%）" — and the total each
// share is of. The total is not written next to the share, so every earlier count of the same unit
// in the paragraph is a candidate; a share that fits any candidate is accepted. A share that fits
// none is only reported against a figure the text marks as a total (共…/受理/收到/办结/总数, or
// the figure before 其中), so a share of something the paragraph never states stays silent.

import { isCount, scanProse, type ProseNumber } from './tokens';
import { CheckCache, memoKey } from '../../check-cache';
import { isSpace } from '../../text/chars';

export interface PercentStatement {
  part: ProseNumber;
  percent: ProseNumber;
  /** The base the share fits, or the marked total it contradicts. */
  base: ProseNumber;
  /** part ÷ base × 100, unrounded. */
  computed: number;
  fits: boolean;
}

// Text between the count and the percentage: "，占" / "，占比为" / "（" / "（占". Tested on the text
// without its spaces (shareLink): two \s* side by side backtrack quadratically over a run of spaces.
// "，占办结总数的53.9%" names what the total counts (up to four characters before 总数; not
// "占全省总数的", a total of another scope).
const SHARE_LINK = /^(?:[，,]占(?:比|(?:[^\d０-９，,。；;%％全省市国县区各]{1,4})?总(?:数|量|件数|条数)的?|全部的?)?(?:为|达到?|约)?|[（(](?:占(?:比)?(?:为)?)?)$/;
/** The longest link SHARE_LINK accepts, spaces aside: longer text is no link, and is not even copied. */
const SHARE_LINK_MAX = 12;

function isShareLink(text: string, from: number, to: number): boolean {
  let compact = '';
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    if (compact.length === SHARE_LINK_MAX) return false;
    compact += text[i];
  }
  return SHARE_LINK.test(compact);
}
const TOTAL_BEFORE = /(?:共计?|合计|总计|总数|总量|受理|收到|办结|答复|新收)[^，,；;。\d０-９]{0,10}$/;
const TOTAL_AFTER = /^[^，,；;。\d０-９]{0,12}?(?:[，,：:]\s*)?(?:其中|中[，,：:])/;

/** True when `percent` (as written, with its decimals) is `computed` rounded or cut to those decimals. */
export function percentFits(computed: number, written: number, decimals: number): boolean {
  const f = 10 ** decimals;
  const eps = 1e-9;
  return (
    Math.abs(Math.round(computed * f) / f - written) < eps ||
    Math.abs(Math.floor(computed * f + eps) / f - written) < eps
  );
}

const MAX_LOOKBACK = 200;
// The word a share names its total by: "占办结总数的" → 办结.
const NAMED_TOTAL = /占\s*([^\d０-９，,。；;%％\s]{1,4}?)\s*总(?:数|量|件数|条数)/;

/** The percentage statements of a paragraph (read-only: shared within a check and a session). */
export function findPercentStatements(cache: CheckCache, text: string): readonly PercentStatement[] {
  // A share is written with % (or ％): a paragraph without one is not even scanned for numbers.
  if (!text.includes('%') && !text.includes('％')) return NONE;
  return cache.get(PERCENT_STATEMENTS, text);
}
const NONE: readonly PercentStatement[] = [];
const PERCENT_STATEMENTS = memoKey('percent statements', computePercentStatements);

function computePercentStatements(text: string, cache: CheckCache): PercentStatement[] {
  const { nums } = scanProse(cache, text);
  const out: PercentStatement[] = [];
  for (let i = 0; i + 1 < nums.length; i++) {
    if ((i & 1023) === 1023) cache.checkDeadline(); // a crafted paragraph stops at the rule's budget
    const part = nums[i];
    const percent = nums[i + 1];
    if (!isCount(part) || part.kind !== 'exact' || !part.unit || part.value === null) continue;
    if (!percent.isPercent || percent.kind !== 'exact' || percent.value === null || percent.unit !== '%') continue;
    if (!isShareLink(text, part.endWithUnit, percent.start)) continue;
    // The total is stated in the lines before; a bounded look-back keeps huge paragraphs linear.
    const candidates = nums
      .slice(Math.max(0, i - MAX_LOOKBACK), i)
      .filter((b) => isCount(b) && b.kind === 'exact' && b.unit === part.unit && (b.value ?? 0) >= part.value! && (b.value ?? 0) > 0);
    if (candidates.length === 0) continue;
    const computedFor = (b: ProseNumber) => (part.value! / b.value!) * 100;
    const fitting = candidates.find((b) => percentFits(computedFor(b), percent.value!, percent.decimals));
    if (fitting) {
      out.push({ part, percent, base: fitting, computed: computedFor(fitting), fits: true });
      continue;
    }
    // "占办结总数的40.3%" names its total: only a figure written with that word is the base (the
    // 新收 figure of the paragraph is another total).
    const named = NAMED_TOTAL.exec(text.slice(part.endWithUnit, percent.start))?.[1];
    const marked = [...candidates]
      .reverse()
      .find((b) =>
        named
          ? text.slice(Math.max(0, b.start - 14), b.start).includes(named)
          : TOTAL_BEFORE.test(text.slice(Math.max(0, b.start - 14), b.start)) || TOTAL_AFTER.test(text.slice(b.endWithUnit, b.endWithUnit + 24)),
      );
    if (marked) out.push({ part, percent, base: marked, computed: computedFor(marked), fits: false });
  }
  return out;
}
