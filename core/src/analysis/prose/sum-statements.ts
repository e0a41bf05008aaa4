// Finds "a total and its parts" in running text:
//   A. 共发布信息149条，其中：A 7条、B 3条，C 5条……   (the total before 其中)
//      在主动公开的425条政府信息中，A 148条，占34.8%；B 21条……   (the total before …中，)
//   B. A 502条、B 215条、C 472条、D 609条，共计1798条   (the total after the parts)
//   A″. 收到申请12件，予以公开、不予公开、无法提供分别为5件、4件、3件   (分别为 opens the parts like 其中)
// Only exact figures with the same unit take part; an approximate figure anywhere (400余条) drops
// the statement, since "about" cannot be added up. The enumeration ends where the clauses stop
// carrying such figures, so "……，均已办结，办结率达100%" is never read as a part.

import { clauses, isCount, numbersIn, scanProse, sentences, type ProseNumber } from './tokens';
import { isSpace } from '../../text/chars';
import { CheckCache, memoKey } from '../../check-cache';
import { shapeOf, type ListKind } from './list-kind';

export interface SumStatement {
  total: ProseNumber;
  terms: ProseNumber[];
  /** Exact sum of the terms (rounded to the terms' decimals). */
  sum: number;
  pattern: 'qizhong' | 'zhong' | 'gongji';
  /** How complete the list says it is (list-kind.ts): decides what a shortfall means. */
  kind: ListKind;
  /** Most parts are publishing channels, which may overlap. */
  channels: boolean;
  /** Every part counts who attended, or names a topic (list-kind.ts): no breakdown of the total. */
  attendance: boolean;
  /**
   * The parts pair with labels named before 分别为 ("予以公开、部分公开、无法提供的分别为29件、5件、
   * 14件"): the labels say which parts are listed, so falling short of the total leaves the others out.
   */
  labelled?: boolean;
}

// A total that de-duplicates across channels is not the sum of the channel counts.
const DEDUP = /相同信息计|不重复计|重复信息|去重|同一信息/;
// Clauses that compare with another period or quantity are not parts of the total.
const COMPARISON = /较上年|比上年|同比|环比|较去年|比去年|增长|增加|减少|下降|上升|提高|持平/;
// "……，另有1件结转下年度": a figure outside the breakdown.
const ASIDE = /另有|另外|此外|还有|以外|之外/;
// A clause that states a total closes the enumeration (it is not a part).
// (共 alone, but not in 公共/社共/中共 or 共同/共享/共建….)
const GONG = '(?<![公社中])共(?![同享建识产青治性赢商担])';
const TOTAL_WORD = new RegExp(`共计|合计|总计|累计|总共|一共|共有|${GONG}`);
// 共计 … after the parts. 累计 is left out: after "本年新增 N 条" it usually means "over all years";
// a verb after 共 names another quantity ("上年结转2件，共办结11件" is not 10 + 2).
const TRAILING_TOTAL = new RegExp(`(?:共计|合计|总计|总共|一共|共有|${GONG})\\s*(?:计|有|为|达|是)?\\s*$`);
/** How far before a figure TRAILING_TOTAL looks (the keyword, a verb and a few spaces fit). */
const TRAILING_TOTAL_REACH = 16;
// What a "…中，" total is a total of: "主动公开的425条政府信息中，".
const ZHONG_TAIL = /^(?:[^，,；;：:。\d０-９]{0,10}(?:信息|文件|申请|事项|案件|建议|提案|意见|数据))?\s*中\s*$/;

const SHARE_OF = /^\s*占[^，,；;。]{0,20}的\s*[\d０-９.．]+\s*[%％]/;

// "予以公开、部分公开和无法提供的分别为": labels of their own before the figures they pair with.
const LABELS_THEN_RESPECTIVELY = /^[^\d０-９，,；;。]*[、和及与][^\d０-９，,；;。]*分别(?:为|是)/;

// What the year did, opening a clause: the verbs of a total (办结238件, 共答复…, 受理…).
const NEW_STATEMENT = /^\s*(?:本年度?|全年|年内)?\s*(?:共|累计)?\s*(?:办结|答复|受理|收到|新收|结转|办理|处理|主动公开|发布)/;
// Labels joined by 和/与/及/、 and then 共 (or 合计) before the figure: one figure for parts taken together.
const JOINT_PART = new RegExp(`^[^\\d０-９，,；;。]{1,20}?[和与及、][^\\d０-９，,；;。]{1,20}?(?:共计|合计|${GONG})\\s*(?:有|为|计)?\\s*`);

/** Whether the clause starting at `start` follows a ；. */
const afterSemicolonAt = (text: string, start: number) => start > 0 && (text.charCodeAt(start - 1) === 0xff1b || text.charCodeAt(start - 1) === 0x3b);

/** How many clauses a breakdown may span; real ones have a few dozen at most (bounds the work on huge lines). */
const MAX_CLAUSES = 80;

function sameUnit(a: ProseNumber, total: ProseNumber): boolean {
  return a.unit === total.unit;
}

/** A figure with no unit at the very end of its clause counts with the total's unit (…不予公开信息数1402。). */
function unitlessTerm(n: ProseNumber, text: string, clauseEnd: number): boolean {
  return n.unit === undefined && n.raw.length < 7 && onlyClosingMarks(text, n.endWithUnit, clauseEnd);
}

/** /^[\s。！？!?]*$/ on text[from, to), stopping at the first other character (linear over a clause's figures). */
function onlyClosingMarks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 0x3002 && c !== 0xff01 && c !== 0xff1f && c !== 0x21 && c !== 0x3f) return false;
  }
  return true;
}

type ClauseVerdict = { kind: 'terms'; terms: ProseNumber[] } | { kind: 'skip' } | { kind: 'end' } | { kind: 'abort' } | { kind: 'sub' };

/** Reads one clause of an enumeration: its terms, or a reason the enumeration stops. */
function readClause(text: string, start: number, end: number, nums: readonly ProseNumber[], total: ProseNumber): ClauseVerdict {
  const body = text.slice(start, end);
  // "；办结238件，其中……": after a semicolon, a clause opening with what the year did states a total of its own.
  if (afterSemicolonAt(text, start) && NEW_STATEMENT.test(body)) return { kind: 'end' };
  // "…无法提供62件，其中本机关不掌握51件；不予处理15件": the previous part's own breakdown, up to the ；.
  if (/^\s*其中/.test(body)) return { kind: 'sub' };
  // "不予处理和其他处理共32件": two parts given one figure together — a part, not a total.
  const joint = JOINT_PART.exec(body);
  if (joint && !COMPARISON.test(body) && !ASIDE.test(body) && !/其中/.test(body)) {
    const n = numbersIn(nums, start + joint[0].length, end)[0];
    if (n && isCount(n) && n.kind === 'exact' && sameUnit(n, total) && onlyClosingMarks(text, n.endWithUnit, end)) return { kind: 'terms', terms: [n] };
  }
  if (COMPARISON.test(body) || ASIDE.test(body) || TOTAL_WORD.test(body) || /其中/.test(body)) return { kind: 'end' };
  // "占受理总数120件的37.5%": a share of the total, which names the total again; not a part.
  if (SHARE_OF.test(body)) return { kind: 'skip' };
  const inClause = numbersIn(nums, start, end);
  // "……；在新收的185件中，……": a clause naming another total opens a breakdown of its own.
  if (inClause.length > 0 && endsWithZhong(text, start, end)) return { kind: 'end' };
  const counts = inClause.filter((n) => isCount(n) && (sameUnit(n, total) || unitlessTerm(n, text, end)));
  if (counts.some((n) => n.kind !== 'exact')) return { kind: 'abort' };
  if (counts.length > 0) return { kind: 'terms', terms: counts };
  // "占34.8%" between two parts keeps the enumeration going.
  if (inClause.length > 0 && inClause.every((n) => n.isPercent) && body.replace(/[\s占比为达约]/g, '').length <= inClause[0].raw.length + 2) {
    return { kind: 'skip' };
  }
  return { kind: 'end' };
}


/**
 * The parts in the clauses from `from` on. `nested`: the list is itself the breakdown of a part of
 * an outer list ("门户网站1,200条，其中政策解读86条；政务微信500条"), so it ends at the next ；.
 */
function collectForward(
  text: string,
  cls: Array<[number, number]>,
  from: number,
  nums: readonly ProseNumber[],
  total: ProseNumber,
  nested = false,
): ProseNumber[] | undefined {
  const terms: ProseNumber[] = [];
  let inSub = false; // inside a part's own 其中 breakdown, skipped up to the next ；
  for (let i = from; i < cls.length && i < from + MAX_CLAUSES; i++) {
    if (afterSemicolonAt(text, cls[i][0])) {
      if (nested) break;
      inSub = false;
    }
    if (inSub) continue;
    const v = readClause(text, cls[i][0], cls[i][1], nums, total);
    if (v.kind === 'abort') return undefined;
    if (v.kind === 'sub') {
      if (i === from) return terms; // a list that opens on 其中 is read by its own statement
      inSub = true;
      continue;
    }
    if (v.kind === 'end') break;
    if (v.kind === 'terms') for (const t of v.terms) terms.push(t); // no spread: a clause may hold 100,000 figures
  }
  return terms;
}

/**
 * The subtotal a list states in the clause right after its last part (…，三项合计102件): a figure of
 * the total's unit right after a total word (TRAILING_TOTAL, so not 累计, which counts all years).
 */
function ownSum(text: string, cls: Array<[number, number]>, terms: ProseNumber[], nums: readonly ProseNumber[], total: ProseNumber): ProseNumber | undefined {
  if (terms.length < 2) return undefined;
  // The clause after the one holding the last part (binary search: clauses are in order).
  const lastEnd = terms[terms.length - 1].end;
  let lo = 0;
  let hi = cls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cls[mid][1] < lastEnd) lo = mid + 1;
    else hi = mid;
  }
  const next = lo + 1;
  if (next >= cls.length) return undefined;
  const [cs, ce] = cls[next];
  for (const n of numbersIn(nums, cs, ce)) {
    if (!usableTotal(n) || !sameUnit(n, total)) continue;
    const from = Math.max(cs, n.start - TRAILING_TOTAL_REACH);
    if (!TRAILING_TOTAL.test(text.slice(from, n.start))) continue;
    // "三项合计102件", "以上共102件" sum the list; "不予处理和其他处理共32件" is a part of it.
    if (JOINT_PART.test(text.slice(cs, ce))) return undefined;
    return n;
  }
  return undefined;
}

// What may stand between a part and its share: "152件，占82.2%", "152件（占比82.2%".
const SHARE_AFTER_PART = /^[\s，,、（(]*占[^，,；;。\d０-９]{0,12}?(?:比例?)?(?:为|达)?\s*$/;

/**
 * True when the parts' own shares of the total ("自然人申请152件，占82.2%；涉及征地的申请64件，占
 * 34.6%") add up to more than the whole: the parts count the total along different lines (who
 * applied, what about) and overlap, so they are no breakdown to add up.
 */
function sharesOverlap(text: string, terms: ProseNumber[], nums: readonly ProseNumber[]): boolean {
  let shares = 0;
  let counted = 0;
  for (const t of terms) {
    const after = numbersIn(nums, t.endWithUnit, t.endWithUnit + 24).find((n) => n.isPercent);
    if (!after || !SHARE_AFTER_PART.test(text.slice(t.endWithUnit, after.start))) continue;
    shares += after.value ?? 0;
    counted++;
  }
  return counted >= 2 && shares > 100.5;
}

// "……3篇，其余为文字解读": the rest named without a figure, so the parts are not all there.
const UNCOUNTED_REST = /^[\s，,、；;]*(?:其余|剩余|余下|其他的?|其它的?)(?:均|都|全部|则)?(?:为|是|系|属)[^\d０-９〇零一二两三四五六七八九十百千万，,；;。]*(?:[，,；;。]|$)/;

/** True when the clause after the last part names the rest without counting it. */
function namesUncountedRest(text: string, terms: ProseNumber[]): boolean {
  const last = terms[terms.length - 1];
  return UNCOUNTED_REST.test(text.slice(last.endWithUnit, last.endWithUnit + 40));
}

function roundSum(terms: ProseNumber[]): number {
  let decimals = 0;
  for (const t of terms) decimals = Math.max(decimals, t.decimals); // no spread over an unbounded list
  const f = 10 ** decimals;
  return Math.round(terms.reduce((s, t) => s + (t.value ?? 0), 0) * f) / f;
}

function usableTotal(n: ProseNumber | undefined): n is ProseNumber {
  return n !== undefined && isCount(n) && n.kind === 'exact' && n.unit !== undefined;
}

/**
 * Every statement needs 其中 or a clause ending in 中 (both hold 中), or a total word after the parts
 * (共…, 合计, 总计): a paragraph with none of them states no sum and is not even scanned for numbers.
 */
function maySumUp(text: string): boolean {
  return text.includes('中') || text.includes('共') || text.includes('合计') || text.includes('总计') || text.includes('分别') || text.includes('主要') || text.includes('包括');
}

// Words that open the parts after their total, like 其中 (主要有 and its kin open a list of main
// categories: list-kind.ts reads them in the lead-in).
const OPENERS = ['其中', '分别为', '分别是', '依次为', '主要有', '主要包括', '主要为', '包括'];
interface Opener {
  at: number;
  word: string;
}

/** Every opener in the text, in order of offset. */
function openerOffsets(text: string): Opener[] {
  const out: Opener[] = [];
  for (const word of OPENERS) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) out.push({ at: i, word });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** True when [start, end) ends in 中 followed by nothing but spaces (the clause form of /中\s*$/). */
function endsWithZhong(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isSpace(text.charCodeAt(i))) i--;
  return i >= start && text.charCodeAt(i) === 0x4e2d; // 中
}

/**
 * The sum statements of a paragraph (read-only: the result is shared by everyone asking about the
 * same text in a check, and in an editor session by the next check too).
 */
export function findSumStatements(cache: CheckCache, text: string): readonly SumStatement[] {
  if (!maySumUp(text)) return NONE;
  return cache.get(SUM_STATEMENTS, text);
}
const NONE: readonly SumStatement[] = [];
const SUM_STATEMENTS = memoKey('sum statements', computeSumStatements);

function computeSumStatements(text: string, cache: CheckCache): SumStatement[] {
  const { depths, nums } = scanProse(cache, text);
  // A total and at least two parts, all distinct figures.
  if (nums.length < 3) return [];
  const out: SumStatement[] = [];
  const seen = new Set<number>();
  // leadFrom: where the words introducing the parts start; listFrom: where the first part's label may start.
  const push = (total: ProseNumber, terms: ProseNumber[] | undefined, pattern: SumStatement['pattern'], leadFrom: number, listFrom: number, opener = '', labelled = false) => {
    if (!terms || terms.length < 2 || seen.has(total.start) || sharesOverlap(text, terms, nums) || namesUncountedRest(text, terms)) return;
    seen.add(total.start);
    labelled ||= LABELS_THEN_RESPECTIVELY.test(text.slice(listFrom, terms[0].start));
    const shape = shapeOf(text, terms, text.slice(leadFrom, terms[0].start), listFrom, pattern === 'gongji', opener);
    out.push({ total, terms, sum: roundSum(terms), pattern, kind: shape.kind, channels: shape.channels, attendance: shape.attendance, ...(labelled && { labelled }) });
  };

  // Offsets of 其中 (and 分别为 …), walked forward with the clauses (which only move forward).
  const qizhong = openerOffsets(text);
  let nextQz = 0;
  // Matches never cross a sentence mark: a paragraph without any needs no look at its sentences.
  const anyDedup = DEDUP.test(text);
  // Every keyword of TRAILING_TOTAL holds 共 or 计: without either, no figure of the paragraph is
  // a total after its parts (pattern B is not tried, and its look-back slices are not made).
  const mayTrail = text.includes('共') || text.includes('计');

  // Colons in text order, walked with the sentences (a colon opens a list as 其中 does).
  const colons: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xff1a || text.charCodeAt(i) === 0x3a) colons.push(i);
  let nextColon = 0;
  for (const [ss, se] of sentences(text)) {
    if (anyDedup && DEDUP.test(text.slice(ss, se))) continue;
    const cls = clauses(text, ss, se, depths);
    // The first opener of the sentence (其中 … or a colon), found once: a later 其中 is nested in its list.
    let outerOpenerAt = Infinity;
    while (nextColon < colons.length && colons[nextColon] < ss) nextColon++;
    if (nextColon < colons.length && colons[nextColon] < se) outerOpenerAt = colons[nextColon];
    for (let k = nextQz; k < qizhong.length && qizhong[k].at < se; k++) {
      if (qizhong[k].at >= ss) {
        outerOpenerAt = Math.min(outerOpenerAt, qizhong[k].at);
        break;
      }
    }

    for (let ci = 0; ci < cls.length; ci++) {
      if ((ci & 255) === 255) cache.checkDeadline(); // a crafted paragraph of 100,000 clauses stops at the rule's budget
      const [cs, ce] = cls[ci];
      const clauseNums = numbersIn(nums, cs, ce);

      // A. "…149条，其中：…" — 其中 opens this clause; the total ends the clause before.
      while (nextQz < qizhong.length && qizhong[nextQz].at < cs) nextQz++;
      const opener = nextQz < qizhong.length ? qizhong[nextQz] : undefined;
      // The first opener lying wholly inside the clause, as an offset from its start (-1: none).
      const qz = opener && opener.at + opener.word.length <= ce ? opener.at - cs : -1;
      const openerLength = opener?.word.length ?? 2;
      // "予以公开、不予公开分别为5件、4件": labels (no figure) may stand before 分别为.
      const labelsOnly = opener !== undefined && opener.word.startsWith('分别') && !/[\d０-９]/.test(text.slice(cs, cs + Math.max(qz, 0)));
      if (qz >= 0 && depths[cs + qz] === 0) {
        let total: ProseNumber | undefined;
        let leadFrom = cs;
        const before = clauseNums.filter((n) => n.end <= cs + qz);
        if (before.length > 0) {
          // "2件其中1件…": the total sits in the same clause, right before 其中.
          total = before[before.length - 1];
          if (text.slice(total.endWithUnit, cs + qz).trim() !== '') total = undefined;
        } else if ((text.slice(cs, cs + qz).trim() === '' || labelsOnly) && ci > 0) {
          // "受理申请21件，比上年增加3件，其中……": a change on last year is not the total; the total
          // is the clause before it.
          const pi = ci > 1 && COMPARISON.test(text.slice(cls[ci - 1][0], cls[ci - 1][1])) ? ci - 2 : ci - 1;
          const [ps, pe] = cls[pi];
          const prev = numbersIn(nums, ps, pe).filter(isCount);
          const last = prev[prev.length - 1];
          // The total closes its clause ("发布信息149条，" / "共发布348条信息，"), and is the only count of its unit there.
          if (last && /^[^\d０-９]{0,4}$/.test(text.slice(last.endWithUnit, pe)) && prev.filter((n) => n.unit === last.unit).length === 1) {
            total = last;
            leadFrom = ps;
          }
        }
        if (usableTotal(total)) {
          // The parts start after 其中 in this clause, then run on through the following clauses.
          const afterStart = cs + qz + openerLength;
          const first = readClause(text, afterStart, ce, nums, total);
          const leadIn = text.slice(afterStart, ce);
          let terms: ProseNumber[] | undefined;
          // A 其中 after an earlier opener of the sentence (其中, a colon) breaks down a part of that
          // outer list: its own parts end at the next ；.
          // So does one whose total is itself an item of a list run by ；("…；无法提供62件，其中…；不予处理…").
          const nested = outerOpenerAt < cs + qz || afterSemicolonAt(text, leadFrom);
          if (first.kind === 'terms') {
            const rest = collectForward(text, cls, ci + 1, nums, total, nested);
            terms = rest && [...first.terms, ...rest];
          } else if (first.kind === 'skip' || (first.kind === 'end' && !COMPARISON.test(leadIn) && !TOTAL_WORD.test(leadIn))) {
            // "其中：" / "其中主要有：" — the parts start in the next clause.
            terms = collectForward(text, cls, ci + 1, nums, total, nested);
          }
          // "其中A 71件、B 13件、C 18件，三项合计102件": the list states its own sum, which is what its
          // parts must make up (the total before it may count more).
          const own = terms && ownSum(text, cls, terms, nums, total);
          if (own) total = own;
          // 分别为 after labels of its own pairs figures with those labels, not with the whole total.
          const ownLabels = labelsOnly && text.slice(cs, cs + qz).trim() !== '';
          push(total, terms, 'qizhong', leadFrom, afterStart, ownLabels ? '' : opener?.word, ownLabels);
        }
        continue;
      }

      // A''. "共答复21件：予以公开5件、部分公开9件……": a total closing the clause before a colon.
      const colon = ci > 0 ? text.charCodeAt(cs - 1) : 0;
      if (colon === 0xff1a || colon === 0x3a) {
        const [ps, pe] = cls[ci - 1];
        const prev = numbersIn(nums, ps, pe);
        const total = prev[prev.length - 1];
        if (usableTotal(total) && onlyClosingMarks(text, total.endWithUnit, pe)) {
          const terms = collectForward(text, cls, ci, nums, total);
          if (terms && terms.length >= 2) {
            push(ownSum(text, cls, terms, nums, total) ?? total, terms, 'qizhong', ps, cs);
            continue;
          }
        }
      }

      // A'. "在主动公开的425条政府信息中，…"
      if (clauseNums.length > 0 && endsWithZhong(text, cs, ce)) {
        const total = clauseNums[clauseNums.length - 1];
        const tail = text.slice(total.endWithUnit, ce);
        if (usableTotal(total) && ZHONG_TAIL.test(tail)) {
          const terms = collectForward(text, cls, ci + 1, nums, total);
          // As after 其中: a list that states its own sum is checked against it.
          push((terms && ownSum(text, cls, terms, nums, total)) || total, terms, 'zhong', cs, ce + 1);
          continue;
        }
      }

      // B. "…，共计1798条": the parts are the clauses before, back to the first one without a part.
      if (!mayTrail) continue;
      for (const total of clauseNums) {
        // The keyword sits right before the figure: a bounded look-back keeps clauses of 100,000 figures linear.
        const from = Math.max(cs, total.start - TRAILING_TOTAL_REACH);
        if (!usableTotal(total) || !TRAILING_TOTAL.test(text.slice(from, total.start))) continue;
        const keyword = text.slice(from, total.start).search(TRAILING_TOTAL) + from;
        const terms: ProseNumber[] = [];
        const earlier: ProseNumber[][] = []; // clauses walked backwards, put in order once at the end
        let aborted = false;
        // Parts written in the same clause before the keyword ("A 5条、B 3条共8条").
        const sameClause = readClause(text, cs, keyword, nums, total);
        if (sameClause.kind === 'abort') aborted = true;
        else if (sameClause.kind === 'terms') for (const t of sameClause.terms) terms.push(t);
        if (!aborted && (sameClause.kind !== 'end' || text.slice(cs, keyword).trim() === '')) {
          for (let pi = ci - 1; pi >= 0 && pi >= ci - MAX_CLAUSES; pi--) {
            const v = readClause(text, cls[pi][0], cls[pi][1], nums, total);
            if (v.kind === 'abort') {
              aborted = true;
              break;
            }
            if (v.kind === 'end') break;
            if (v.kind === 'terms') earlier.push(v.terms);
          }
        }
        const all = earlier.reverse().flat().concat(terms);
        if (!aborted && all.length > 0) {
          // The clause of the first part (the scan above went back at most MAX_CLAUSES clauses).
          let fi = ci;
          while (fi > 0 && fi > ci - MAX_CLAUSES - 1 && cls[fi][0] > all[0].start) fi--;
          push(total, all, 'gongji', cls[fi][0], cls[fi][0]);
        }
        break;
      }
    }
  }
  return out;
}

/** What a disagreement between a total and its parts means, or undefined when there is none worth a word. */
export type SumVerdict = 'exceeds' | 'short';

/**
 * Whether a stated total and the sum of its listed parts disagree in a way worth reporting.
 * A list well short of its total may be a sample ("其中政策解读30条、图片新闻20条" of 500), so a
 * shortfall is reported only when the parts cover most of the total, or when the list names the
 * rest (其他…) and so leaves nothing out. Channels may carry the same item twice: a channel list
 * above a total stated before it is no contradiction. Who attended, or what the parts concern (涉及…), is no breakdown: never reported.
 */
export function sumVerdict(s: SumStatement): SumVerdict | undefined {
  const total = s.total.value ?? 0;
  if (Math.abs(s.sum - total) < 1e-9 || s.attendance) return undefined;
  // "申请20件，其中自然人15件、法人5件；予以公开10件……": the breakdown that adds up ends early and
  // the clauses after it break the total down another way.
  let running = 0;
  for (const t of s.terms) {
    running += t.value ?? 0;
    if (Math.abs(running - total) < 1e-6) return undefined;
  }
  if (s.sum > total) return s.channels && s.pattern !== 'gongji' ? undefined : 'exceeds';
  if (s.labelled) return undefined;
  const namesTheRest = s.kind === 'complete' && s.pattern !== 'gongji';
  if (s.sum < 0.6 * total && !namesTheRest) return undefined;
  return 'short';
}

/** True when a stated total and the sum of its listed parts disagree in a way worth reporting. */
export function sumDisagrees(s: SumStatement): boolean {
  return sumVerdict(s) !== undefined;
}
