// Figures the prose states about the national tables must be the tables' own: 新收申请 N 件 is row
// 一's 总计, 办结 N 件 is 三（七）, 予以公开 / 不予公开 … N 件 are 三（一）–（六）, 上年结转 / 结转下年
// are rows 二 / 四, 行政复议 / 行政诉讼 N 件 are the totals of part 四, 制发规章 N 件 is part 二's.
// Only a figure that directly follows its keyword in the same clause is read; anything looser
// ("办理各类事项……"), approximate or in another unit is left alone. The text is blamed only where
// the table is self-consistent: when the table's own sums fail around the compared cell,
// table-balance names the wrong cell (these figures are its evidence, see table-blame.ts) and this
// rule stays silent. One mistake, one finding: prose-sum, prose-percent and concluded-exceeds leave
// a figure this rule names to it (contradictedFigures).
import type { Cell, Paragraph, Range, ReportDocument } from '../model';
import type { NationalTable, ReportFacts } from '../facts/types';
import type { Rule } from './types';
import { paragraphRange } from '../analysis/prose/ranges';
import { allMatches } from '../facts/all-matches';
import { noneCases, type NoneClaim } from '../analysis/prose/none-cases';
import { headingAbove, sentenceIndexOf } from '../analysis/prose/keyword-figures';
import { clauses, isCount, numbersIn, scanProse, sentences, type ProseNumber } from '../analysis/prose/tokens';
import { CheckCache, memoKey } from '../check-cache';
import { doubtfulCells, tableBlames, type ProseFigure } from '../analysis/table-blame';

interface Target {
  /** What the table holds, for the message. */
  label: string;
  /** Acceptable values (a 受理 figure may or may not include the carried-over applications). */
  values: number[];
  cells: Cell[];
  /** Other cells an acceptable value was computed from (二's 总计 in 一 + 二): in doubt, they silence the rule too. */
  from?: Cell[];
}

type Topic = 'new' | 'carried' | 'carry-over' | 'done' | 'review' | 'litigation' | 'regulations' | 'normative' | Outcome;

/** What became of the applications: the rows of 三 (三（三）… are groups, their figure is the sum of their items). */
type Outcome = 'disclosed' | 'partly' | 'disclosed+partly' | 'withheld' | 'unable' | 'rejected' | 'other';
const OUTCOMES: Record<string, Outcome> = {
  予以公开: 'disclosed',
  同意公开: 'disclosed',
  全部公开: 'disclosed',
  部分公开: 'partly',
  不予公开: 'withheld',
  无法提供: 'unable',
  不予处理: 'rejected',
  其他处理: 'other',
};
const OUTCOME_ROWS: Record<Outcome, { rows: string[]; label: string }> = {
  disclosed: { rows: ['disclosed'], label: '表三“（一）予以公开”总计' },
  partly: { rows: ['partly'], label: '表三“（二）部分公开”总计' },
  'disclosed+partly': { rows: ['disclosed', 'partly'], label: '表三“（一）予以公开”与“（二）部分公开”总计之和' },
  withheld: { rows: ['withheld'], label: '表三“（三）不予公开”各项总计之和' },
  unable: { rows: ['unable'], label: '表三“（四）无法提供”各项总计之和' },
  rejected: { rows: ['rejected'], label: '表三“（五）不予处理”各项总计之和' },
  other: { rows: ['other'], label: '表三“（六）其他处理”总计' },
};

// Keyword first, then at most a few words, then the figure: "受理政府信息公开申请 1295 件".
const KEYWORD =
  /(?:予以|同意|全部)公开(?:(?:及|和|与|、)部分公开)?|部分公开|不予公开|无法提供|不予处理|其他处理|上一?年度?结转|结转下一?年度?|转入下一?年度?|顺延(?:到|至)下一?年度?|新收|收到|受理|办结|答复|办理|行政复议|行政诉讼|(?:制发|制定|出台|印发)(?:了)?(?:政府)?(?:规章|(?:行政)?规范性文件)/g;
// The same words without the global flag, to ask whether a paragraph holds any (keywords hold no
// sentence mark, so a paragraph without one has no sentence with one).
const ANY_KEYWORD = new RegExp(KEYWORD.source);
const WINDOW = /^[^，,；;。：:！？\d０-９（(]{0,12}$/;
// (An outcome between keyword and figure, "办结的申请中予以公开13件", is what the figure counts.)
// (Nor are a case's results or steps, "行政复议纠错1件", "行政诉讼败诉0件", "尚未审结1件", a 期限, or a
// 分别为 list, whose figures pair with the keywords in an order this rule does not read.)
const WINDOW_REJECT =
  /其中|较|同比|增|减|平均|涉及|人次|累计|历年|上年|以来|网上|热线|信访|来信|咨询|事项|案卷|建议|提案|许可|审批|服务|办件|执法|处罚|投诉|举报|予以公开|部分公开|不予公开|同意公开|无法提供|不予处理|其他处理|不予受理|驳回|维持|纠正|撤销|纠错|败诉|胜诉|审结|尚未|出庭|应诉|履行|撤诉|调解|和解|决定|期限|分别/;
// Words just before the keyword that make the figure a part of the total or another quantity:
// "依法延期答复5件", "10个工作日内办结的有121件", "待办结的申请8件", "1—6月收到申请87件",
// "出庭应诉行政诉讼案件2件".
const LEAD_REJECT = /延期|延长|逾期|超期|工作日|当场|当日|当天|待$|尚未|未$|[月周]|季度|半年|出庭|应诉|累计|历年/;
// "受理不动产登记申请12,530件": applications of another kind, not for disclosure.
const OTHER_APPLICATIONS = /(?:登记|许可|审批|备案|核准|认定|补贴|救助|报名|办件|复议|仲裁|调解)申请/;
// "全市各级行政机关共收到申请1520件", "各部门受理……": a figure summed over other bodies, not the
// reporting body's own table.
const OTHER_BODIES = /各(?:级|部门|单位|地|县|区|乡|镇|街道|成员单位)|所属|下属|直属|上级|系统/;
const CLAUSE_MARK = /[，,；;：:]/g;
// "去年收到申请421件": last year's figure.
const LAST_YEAR = /上一?年|去年|前年/;
const YEAR_IN_LEAD = /((?:19|20)\d{2})\s*年/g;
// "2023年，市政府新收申请1093件": a year that opens the sentence, set off by a comma, is the year of
// what the sentence says.
const YEAR_OPENING = /^\s*(?:在|于)?\s*((?:19|20)\d{2})\s*年度?[^，,；;。：:\d]{0,4}[，,]/;
// "1件结转下年度继续办理": the figure before the keyword.
const CARRY_AFTER = /^\s*(?:申请)?\s*(?:将|拟|需)?\s*(?:结转|转入|顺延(?:到|至))下一?年度?/;
const COUNT_UNITS = new Set(['件', '宗', '起', '个']);

function topicOf(keyword: string): Topic {
  if (keyword.length > 4 && /部分公开$/.test(keyword)) return 'disclosed+partly';
  const outcome = OUTCOMES[keyword] as Outcome | undefined;
  if (outcome) return outcome;
  if (/^上/.test(keyword)) return 'carried';
  if (/下/.test(keyword)) return 'carry-over';
  if (/新收|收到|受理/.test(keyword)) return 'new';
  if (/办结|答复|办理/.test(keyword)) return 'done';
  if (keyword === '行政复议') return 'review';
  if (keyword === '行政诉讼') return 'litigation';
  return /规章/.test(keyword) ? 'regulations' : 'normative';
}

function exact(cell: Cell | undefined): number | undefined {
  return cell?.number?.kind === 'exact' && cell.number.value !== null ? cell.number.value : undefined;
}

function tableBySuffix(tables: NationalTable[], suffix: string): NationalTable | undefined {
  return tables.find((t) => t.spec.id.endsWith(suffix));
}

function rowCell(t: NationalTable | undefined, row: string, col: string): Cell | undefined {
  return t?.rows.get(row)?.values.get(col);
}

/** The table figure a topic refers to, or undefined when the table does not say. */
function targetFor(topic: Topic, tables: NationalTable[], keyword = '', claim?: Claim): Target | undefined {
  const req = tableBySuffix(tables, '-requests');
  const rev = tableBySuffix(tables, '-review');
  const pro = tableBySuffix(tables, '-proactive');
  const single = (t: NationalTable | undefined, row: string, col: string, label: string): Target | undefined => {
    const cell = rowCell(t, row, col);
    const v = exact(cell);
    return v === undefined || !cell ? undefined : { label, values: [v], cells: [cell] };
  };
  if (topic in OUTCOME_ROWS) {
    const target = outcomeTarget(req, OUTCOME_ROWS[topic as Outcome]);
    // "予以公开12件" in a sentence that names no 部分公开 may count both (the 2007 条例's usage).
    const both = claim?.orPartly ? outcomeTarget(req, OUTCOME_ROWS['disclosed+partly']) : undefined;
    return target && both ? { ...target, values: [...target.values, ...both.values], from: both.cells } : target;
  }
  switch (topic) {
    case 'new': {
      const n = rowCell(req, 'new', 'total');
      const c = rowCell(req, 'carried', 'total');
      const nv = exact(n);
      if (nv === undefined || !n) return undefined;
      const cv = exact(c);
      return {
        label: '表三“一、本年新收政府信息公开申请数量”总计',
        values: cv === undefined ? [nv] : [nv, nv + cv],
        cells: [n],
        from: cv === undefined || !c ? undefined : [c],
      };
    }
    case 'carried':
      return single(req, 'carried', 'total', '表三“二、上年结转政府信息公开申请数量”总计');
    case 'carry-over':
      return single(req, 'carry-over', 'total', '表三“四、结转下年度继续办理”总计');
    case 'done': {
      const done = single(req, 'total', 'total', '表三“（七）总计”');
      // 办理 N 件 may count every application handled in the year, finished or not: 一 + 二.
      const n = exact(rowCell(req, 'new', 'total'));
      const c = exact(rowCell(req, 'carried', 'total'));
      if (keyword !== '办理' || !done || n === undefined || c === undefined) return done;
      return { ...done, values: [...done.values, n + c], from: [rowCell(req, 'new', 'total')!, rowCell(req, 'carried', 'total')!] };
    }
    case 'review':
      return single(rev, 'values', 'review-total', '表四行政复议“总计”');
    case 'litigation': {
      const d = rowCell(rev, 'values', 'direct-total');
      const a = rowCell(rev, 'values', 'after-total');
      const dv = exact(d);
      const av = exact(a);
      if (dv === undefined || av === undefined || !d || !a) return undefined;
      return { label: '表四行政诉讼“未经复议直接起诉”与“复议后起诉”总计之和', values: [dv + av], cells: [d, a] };
    }
    case 'regulations':
    case 'normative': {
      const row = pro?.rows.get(topic);
      if (!row) return undefined;
      const col = ['issued', 'made', 'published'].find((c) => row.values.has(c));
      if (!col) return undefined;
      return single(pro, topic, col, `表二“${row.spec.label}”${col === 'issued' ? '本年制发件数' : '本年新制作/新公开数量'}`);
    }
  }
}

/**
 * The 总计 cells of the rows an outcome names, a group row by its items (三（三）1–8), and their sum;
 * undefined when one of them is missing or not an exact figure.
 */
function outcomeTarget(req: NationalTable | undefined, { rows, label }: { rows: string[]; label: string }): Target | undefined {
  if (!req) return undefined;
  const cells: Cell[] = [];
  let sum = 0;
  for (const id of rows) {
    const spec = req.spec.rows.find((r) => r.id === id);
    const ids = spec?.isGroup ? req.spec.rows.filter((r) => r.group === id).map((r) => r.id) : [id];
    for (const rowId of ids) {
      const cell = rowCell(req, rowId, 'total');
      const v = exact(cell);
      if (v === undefined || !cell) return undefined;
      cells.push(cell);
      sum += v;
    }
  }
  return cells.length === 0 ? undefined : { label, values: [sum], cells };
}

interface Claim {
  topic: Topic;
  /** The keyword the figure follows (新收, 受理, 办结 …). */
  keyword: string;
  number: ProseNumber;
  /** Where the claim's sentence starts in the paragraph: two figures for one topic in a sentence are two scopes or years. */
  sentence: number;
  /** The years the clause names before the keyword ("2022年收到……"): a figure of another year is not the table's. */
  years: number[];
  /** An outcome 予以公开 in a sentence without 部分公开: it may count the partly disclosed too. */
  orPartly?: boolean;
}

/** The words of the clause before `at` (at most `before`'s reach): what the figure is said of. */
function clauseLead(before: string): string {
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_MARK)) cut = m.index + 1;
  return before.slice(cut);
}

/** Figures tied to a keyword in one paragraph's text. */
export function findClaims(cache: CheckCache, text: string, context: string): readonly Claim[] {
  if (!ANY_KEYWORD.test(text)) return NO_CLAIMS;
  // Claims depend on the paragraph and its heading's title; memoised on both (read-only result).
  return cache.get(CLAIMS, `${context.length}:${context}${text}`);
}
const NO_CLAIMS: readonly Claim[] = [];
// The key is "<length of context>:<context><text>", which splits back unambiguously whatever the texts hold.
const CLAIMS = memoKey('claims', (key: string, cache: CheckCache) => {
  const colon = key.indexOf(':');
  const cut = colon + 1 + Number(key.slice(0, colon));
  return computeClaims(cache, key.slice(cut), key.slice(colon + 1, cut));
});

function computeClaims(cache: CheckCache, text: string, context: string): Claim[] {
  const { nums: all, depths } = scanProse(cache, text);
  const nums = all.filter((n) => n.kind === 'exact' && !n.isPercent && !n.isDateLike && n.unit && COUNT_UNITS.has(n.unit));
  const claims: Claim[] = [];
  const paragraph = { text, memo: new Map<string, boolean>() };
  for (const [ss, se] of sentences(text)) {
    const sentence = text.slice(ss, se);
    // Clause starts within the sentence, by the prose scanner's own splitting (outside brackets), asked only for outcomes.
    const clauseStarts = () => clauses(text, ss, se, depths).map(([cs]) => cs - ss);
    const words = new SentenceWords(sentence, paragraph, context, clauseStarts);
    let consumed = -1; // a keyword inside an earlier claim's words ("结转下年度继续办理42件") is not a claim
    for (const m of allMatches(KEYWORD, sentence)) {
      const kStart = ss + m.index;
      if (kStart < consumed) continue;
      const kEnd = kStart + m[0].length;
      const topic = topicOf(m[0]);
      const next = numbersIn(nums, kEnd, Math.min(se, kEnd + 40))[0];
      const between = next ? text.slice(kEnd, next.start) : '';
      const before = text.slice(Math.max(ss, kStart - 12), kStart);
      if (next && WINDOW.test(between) && !WINDOW_REJECT.test(between) && !sharedFigure(topic, before, between)) {
        const lead = clauseLead(text.slice(Math.max(ss, kStart - 24), kStart));
        if (
          relevant(topic, words, text.slice(kEnd, next.endWithUnit + 4)) &&
          !OTHER_BODIES.test(lead) &&
          !LAST_YEAR.test(lead) &&
          !LEAD_REJECT.test(lead) &&
          !words.otherApplications
        ) {
          const years = [...lead.matchAll(YEAR_IN_LEAD)].map((y) => Number(y[1]));
          const opening = years.length === 0 ? YEAR_OPENING.exec(sentence) : null;
          if (opening && ss + opening[0].length <= kStart) years.push(Number(opening[1]));
          if (!(topic in OUTCOME_ROWS) || outcomeClaimed(words, kStart - ss, lead)) {
            // 予以公开 N 件 counts 部分公开 too when no 部分公开 is named, or when it says so ("（含部分公开31件）").
            const orPartly = topic === 'disclosed' && (!words.namesPartly || INCLUDES_PARTLY.test(text.slice(next.endWithUnit, next.endWithUnit + 12)));
            claims.push({ topic, keyword: m[0], number: next, sentence: ss, years, ...(orPartly && { orPartly }) });
          }
        }
        consumed = next.endWithUnit;
        continue;
      }
      // "1件结转下年度继续办理"
      if (topic === 'carry-over') {
        const prev = numbersIn(nums, Math.max(ss, kStart - 20), kStart).filter((n) => n.endWithUnit <= kStart).pop();
        if (prev && CARRY_AFTER.test(text.slice(prev.endWithUnit, kEnd)) && isCount(prev)) claims.push({ topic, keyword: m[0], number: prev, sentence: ss, years: [] });
      }
    }
  }
  return claims;
}

/**
 * An outcome's figure counts the year's results as 三 does: not "部分不予公开", not a case's or an
 * applicant's ("复议维持…", "申请人…"), not two outcomes' together, and not the results of part of
 * the applications (SUBSET_SCOPE: "在新收的185件申请中", "当面申请的17件中", "1—6月收到……其中").
 */
function outcomeClaimed(words: SentenceWords, at: number, lead: string): boolean {
  return !OUTCOME_LEAD_REJECT.test(lead) && !words.subsetScope(at);
}
const INCLUDES_PARTLY = /^\s*(?:[（(]\s*(?:其中\s*)?(?:含|包括|包含)|[，,]\s*其中\s*(?:含)?)\s*部分公开/;
// ("不予处理和其他处理共24件": one figure for two outcomes is neither's.)
const OUTCOME_LEAD_REJECT = /部分$|申请人|复议|诉讼|案件|(?:公开|提供|处理)\s*(?:和|与|及|、|或)\s*$/;
const DOCUMENT_ATTRIBUTES = /公开属性|主动公开\s*[\d０-９]|依申请公开\s*[\d０-９]|公文|文件/;

/**
 * "受理法律援助申请318件", "收到最低生活保障申请…": words of another kind right before 申请 (not 公开
 * or 信息, "政府信息公开申请"; a channel such as 网上 is a part, not the whole, and is another kind too).
 */
function otherKindOfApplication(near: string): boolean {
  const at = near.indexOf('申请');
  if (at < 2) return false;
  const before = near.slice(at - 2, at);
  return !/公开|信息|的$|类$|件$/.test(before) && /^[\u4e00-\u9fff]{2}$/.test(before);
}

/** The sentence counts applications of another kind (不动产登记申请) and none for disclosure. */
function otherApplications(sentence: string): boolean {
  return OTHER_APPLICATIONS.test(sentence) && !/信息公开申请|公开申请/.test(sentence);
}

/** "行政复议和行政诉讼共3件": one figure for two things is neither's total ("各1件" is both's). */
function sharedFigure(topic: Topic, before: string, between: string): boolean {
  if ((topic !== 'review' && topic !== 'litigation') || /各/.test(between)) return false;
  const joined = (s: string) => /复议|诉讼/.test(s) && /[和与及、]/.test(s);
  // "行政复议2件、行政诉讼1件" has its own figure before the 、.
  return joined(between) || (joined(before) && !/[\d０-９]/.test(before));
}

/** Whether the sentence is about information-disclosure applications or cases at all. */
/**
 * What the rule asks of a whole sentence (and its paragraph and heading), each asked once: a
 * sentence of thousands of claims must not be scanned again for each of them.
 */
class SentenceWords {
  private memo = new Map<string, boolean>();
  constructor(
    readonly sentence: string,
    /** What is asked of the whole paragraph, shared by its sentences (asked once per paragraph). */
    private readonly paragraph: { text: string; memo: Map<string, boolean> },
    readonly context: string,
    private readonly clauseStarts: () => number[],
  ) {}

  private ask(key: string, answer: () => boolean): boolean {
    let v = this.memo.get(key);
    if (v === undefined) this.memo.set(key, (v = answer()));
    return v;
  }
  /** 公开 in the sentence or the heading above. */
  get aboutDisclosure() {
    return this.ask('public', () => /公开/.test(this.sentence) || /公开/.test(this.context));
  }
  get namesApplications() {
    return this.ask('app', () => /申请/.test(this.sentence));
  }
  /** 申请 other than in 依申请公开 (the attribute of a document). */
  get namesApplicationsNotAttribute() {
    return this.ask('app-not-attr', () => /(?<!依)申请/.test(this.sentence));
  }
  get paragraphNamesApplications() {
    const memo = this.paragraph.memo;
    let v = memo.get('app');
    if (v === undefined) memo.set('app', (v = /申请/.test(this.paragraph.text)));
    return v;
  }
  get contextNamesApplications() {
    return this.ask('ctx-app', () => /申请/.test(this.context));
  }
  get documentAttributes() {
    return this.ask('attr', () => DOCUMENT_ATTRIBUTES.test(this.sentence));
  }
  get otherApplications() {
    return this.ask('other-app', () => otherApplications(this.sentence));
  }
  /** "……由其自行答复，未计入本报告": the figures are said not to be the report's. */
  get notCounted() {
    return this.ask('not-counted', () => /未计入|不计入|未纳入|不纳入|另行报告|自行(?:答复|办理|报告)/.test(this.sentence));
  }
  get namesPartly() {
    return this.ask('partly', () => /部分公开/.test(this.sentence));
  }
  /**
   * Whether the outcome at offset `at` belongs to a list of outcomes whose lead names a part of the
   * applications ("当面申请的17件中，予以公开8件、…", "1—6月收到申请60件，其中予以公开25件"): the
   * lead is the clause before the run of clauses naming outcomes, and the first clause of the run
   * up to its first outcome. Computed for all clauses at once (a sentence may hold thousands).
   */
  subsetScope(at: number): boolean {
    this.scopes ??= outcomeScopes(this.sentence, this.clauseStarts());
    const { starts, subset } = this.scopes;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return subset[Math.max(0, lo - 1)];
  }
  private scopes: { starts: number[]; subset: boolean[] } | undefined;
}

// Words that limit a lead to part of the applications: a month or quarter, a channel, a kind, the
// carried-over or the new ones alone, the delayed ones.
const SUBSET_SCOPE =
  /[\d０-９一二三四五六七八九十]\s*月|季度|半年|延期|逾期|超期|当面|现场|窗口|网上|网络|在线|信函|邮寄|传真|电话|涉及|关于|第三方|征求意见|结转的|上一?年度?结转|新收[^。；;]{0,16}?中|自然人|法人|企业/;
const ANY_OUTCOME = /(?:予以|同意|全部|部分|不予)公开|无法提供|不予处理|其他处理/g;

/** Per clause of a sentence (by start offset): whether the outcomes in it follow a lead naming a subset. */
function outcomeScopes(sentence: string, starts: number[]): { starts: number[]; subset: boolean[] } {
  const firstOutcome = starts.map(() => -1);
  let ci = 0;
  for (const m of allMatches(ANY_OUTCOME, sentence)) {
    while (ci + 1 < starts.length && starts[ci + 1] <= m.index) ci++;
    if (firstOutcome[ci] < 0) firstOutcome[ci] = m.index;
  }
  const subset: boolean[] = [];
  let runSubset = false;
  for (let i = 0; i < starts.length; i++) {
    if (firstOutcome[i] >= 0 && (i === 0 || firstOutcome[i - 1] < 0)) {
      // A run of outcome clauses starts here: its lead is the clause before and this one's opening words.
      // (Back past clauses that count nothing, "第四季度收到申请16件，占全年的40.0%，其中……", to the one that does.)
      let from = i > 0 ? i - 1 : i;
      while (from > 0 && from > i - 3 && !/[\d０-９]\s*件/.test(sentence.slice(starts[from], starts[from + 1]))) from--;
      const lead = sentence.slice(starts[from], starts[i]) + sentence.slice(starts[i], firstOutcome[i]);
      runSubset = SUBSET_SCOPE.test(lead);
    }
    subset.push(firstOutcome[i] >= 0 && runSubset);
  }
  return { starts, subset };
}

function relevant(topic: Topic, words: SentenceWords, near: string): boolean {
  switch (topic) {
    case 'review':
    case 'litigation':
      return words.aboutDisclosure;
    case 'regulations':
    case 'normative':
      return true;
    case 'new':
      // 收到/受理 N 件: the words around the figure name the applications ("受理政府信息公开申请 N 件",
      // "收到 N 件申请"), so 受理行政许可事项 N 件 in the same paragraph is not read.
      // "受理行政复议申请120件" counts review cases, not disclosure applications.
      return /申请/.test(near) && !/案件|复议|诉讼/.test(near) && !otherKindOfApplication(near) && words.aboutDisclosure && !words.notCounted;
    default:
      // 办结/答复 N 件 right after the applications were named ("收到申请8件，办结5件"), or in a
      // paragraph about them under a heading about them ("（二）依申请公开情况。……申请185件……。全年
      // 办结181件……").
      if (/案件|复议|诉讼/.test(near) || !words.aboutDisclosure) return false;
      if (topic in OUTCOME_ROWS) {
        // 主动公开214件、依申请公开39件、不予公开33件: the 公开属性 of documents, not what became of
        // applications. Else the outcomes are the table's own words, in a sentence about
        // applications (依申请公开 names the attribute) or under a heading about them.
        if (words.documentAttributes) return false;
        return words.namesApplicationsNotAttribute || /(?<!依)申请/.test(near) || words.contextNamesApplications;
      }
      if (words.namesApplications || /申请/.test(near)) return true;
      // 上年结转 / 结转下年度 are the table's own words.
      if (topic === 'carried' || topic === 'carry-over') return words.paragraphNamesApplications || words.contextNamesApplications;
      return words.paragraphNamesApplications && words.contextNamesApplications;
  }
}

export const rule: Rule = {
  meta: {
    id: 'text-table-mismatch',
    title: '正文数字与表格不符',
    titleEn: 'Text contradicts the tables',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '正文（尤其是“总体情况”）写到的申请和案件数应与法定表格一致：新收/收到/受理申请 N 件对应表三第一项总计（或第一、二项之和），' +
      '上年结转对应第二项，结转下年对应第四项，办结/答复对应三（七）总计；予以公开、部分公开、不予公开、无法提供、不予处理、其他处理 N 件对应三（一）至（六）（分几项的按各项之和；“予以公开及部分公开”按两项之和；句中未提部分公开时，“予以公开”也可以是两项之和）；行政复议 N 件对应表四复议总计，行政诉讼 N 件对应两类起诉总计之和，“未发生/未收到行政复议、行政诉讼”按 0 计（“未发生被行政复议纠错、行政诉讼败诉”说的是结果，不计）；' +
      '制发规章、规范性文件 N 件对应表二；“办理申请 N 件”可以是办结数，也可以是第一、二项之和。只读取紧跟在关键词之后、同一分句内的确数；' +
      '写明是其他年份（“2022年收到……”“去年……”）或各级、各部门汇总（“全县各级行政机关共收到……”）的数字，以及同一句中另有一数与表格相符的同类数字，不作比对。' +
      '公文的公开属性（“主动公开214件、依申请公开39件、不予公开33件”）、两种结果合写的一个数（“不予处理和其他处理共24件”）、只就一部分申请而言的结果（“在新收的185件申请中”“当面申请的17件中”“1—6月收到……其中”“涉及征地拆迁的申请……其中”“上年结转的……其中”）不比对；“予以公开127件（含部分公开31件）”按两项之和；' +
      '“未发生”限定了时间、单位或原因的（“上年未发生……”“局属各单位未发生……”“未发生因答复超期引发的……”“除上述案件外”）、写明是历年累计或全系统的数字，也不比对；' +
      '限定了一部分的数字（“延期答复5件”“10个工作日内办结的121件”“1—6月收到……”“待办结的8件”）、复议诉讼的结果（纠错、败诉、尚未审结、出庭应诉）、“分别为”列举，以及其他种类的申请（“不动产登记申请”）也不比对。' +
      '表格自身的勾稽关系不成立、所比对的格本身存疑时不在此报告：由“统计表勾稽关系”指出写错的格，正文数字作为佐证列在其中。',
    basis: '由报告结构推得：正文与统计表应一致（参考资料 §4.1 X-TEXT）',
  },
  check({ doc, facts, cache, report }) {
    for (const { paragraph: p, claim, target } of tableMismatches(cache, doc, facts)) {
      const expected = target.values[0];
      const range = paragraphRange(p, claim.number.start, claim.number.end);
      report({
        message: `正文写 ${claim.number.raw}${claim.number.unit ?? ''}，${target.label}为 ${expected}`,
        range,
        related: target.cells.map((c) => ({ range: c.range, message: `${target.label}：${c.text}` })),
        data: { topic: claim.topic, text: claim.number.value, table: target.values },
        fix: { title: `改为表中数 ${expected}`, edits: [{ range, newText: String(expected) }] },
      });
    }
    // "未发生行政复议、行政诉讼" against both totals: one finding on the words, naming both.
    const none = noCaseMismatches(cache, doc, facts);
    for (let i = 0; i < none.length; i++) {
      const { paragraph: p, claim } = none[i];
      const same = [none[i]];
      while (i + 1 < none.length && none[i + 1].paragraph === p && none[i + 1].claim.start === claim.start) same.push(none[++i]);
      report({
        message: `正文说“${claim.written}”，${same.map(({ target }) => `${target.label}为 ${target.values[0]}`).join('，')}`,
        range: paragraphRange(p, claim.start, claim.end),
        related: same.flatMap(({ target }) => target.cells.map((c) => ({ range: c.range, message: `${target.label}：${c.text}` }))),
        data: { topic: same.map((m) => m.claim.topic), text: 0, table: same.map((m) => m.target.values[0]) },
      });
    }
  },
};

/**
 * "未发生政府信息公开行政复议、行政诉讼案件" where the tables count cases (the sentence, or the
 * heading above it, about disclosure; the table's own sums not in doubt around the cells).
 */
function noCaseMismatches(cache: CheckCache, doc: ReportDocument, facts: ReportFacts): Array<{ paragraph: Paragraph; claim: NoneClaim; target: Target }> {
  const out: Array<{ paragraph: Paragraph; claim: NoneClaim; target: Target }> = [];
  if (facts.nationalTables.length === 0) return out;
  let doubtful: Set<Cell> | undefined; // asked once a claim disagrees
  for (const paragraph of doc.paragraphs) {
    const text = paragraph.text;
    if (!/行政(?:复议|诉讼)/.test(text) || !/未|没有/.test(text)) continue;
    const heading = headingAbove(doc, paragraph)?.title ?? '';
    const sents = sentences(text);
    for (const claim of noneCases(text)) {
      const sentence = sents.length ? text.slice(...sents[sentenceIndexOf(sents, claim.start)]) : '';
      if (!/公开/.test(sentence + heading)) continue;
      const target = targetFor(claim.topic, facts.nationalTables);
      if (!target || target.values[0] === 0) continue;
      doubtful ??= doubtfulCells(tableBlames(cache, facts, () => proseFigures(cache, doc, facts.nationalTables)));
      if (target.cells.some((c) => doubtful!.has(c))) continue;
      out.push({ paragraph, claim, target });
    }
  }
  return out;
}

export interface TableMismatch {
  paragraph: Paragraph;
  claim: Claim;
  /** What the table holds; its first value is the one to write. */
  target: Target;
}

/**
 * The prose figures the tables contradict, once per check (prose-sum asks too: a list whose one
 * wrong part is this rule's finding is not also a wrong total).
 */
export function tableMismatches(cache: CheckCache, doc: ReportDocument, facts: ReportFacts): readonly TableMismatch[] {
  const memo = cache.local<ReportDocument, readonly TableMismatch[]>(MISMATCHES);
  let found = memo.get(doc);
  if (!found) {
    found = facts.nationalTables.length === 0 ? [] : computeMismatches(cache, doc, facts);
    memo.set(doc, found);
  }
  return found;
}
const MISMATCHES = {};

/**
 * The table's figure for each prose figure the tables contradict, by figureKey of the figure's
 * range: the rules that read the same figures (prose-sum, prose-percent, concluded-exceeds) leave
 * a mistake this rule names to it.
 */
export function contradictedFigures(cache: CheckCache, doc: ReportDocument, facts: ReportFacts): ReadonlyMap<string, number> {
  const memo = cache.local<ReportDocument, Map<string, number>>(CONTRADICTED);
  let found = memo.get(doc);
  if (!found) {
    found = new Map();
    for (const m of tableMismatches(cache, doc, facts)) found.set(figureKey(paragraphRange(m.paragraph, m.claim.number.start, m.claim.number.end)), m.target.values[0]);
    memo.set(doc, found);
  }
  return found;
}
const CONTRADICTED = {};

export const figureKey = (r: Range): string => `${r.start.line}:${r.start.character}`;

function computeMismatches(cache: CheckCache, doc: ReportDocument, facts: ReportFacts): TableMismatch[] {
  const out: TableMismatch[] = [];
  // Asked only once a figure disagrees (shared with table-balance within the check).
  let doubtful: Set<Cell> | undefined;
  const year = facts.year?.year;
  const agrees = (claim: Claim, target: Target) => claim.number.value !== null && target.values.some((v) => Math.abs(v - claim.number.value!) < 1e-9);
  const figureGroups = new Map<readonly Claim[], Map<string, Set<number>>>();
  for (const { paragraph, claim, siblings } of tableClaims(cache, doc)) {
    const target = targetFor(claim.topic, facts.nationalTables, claim.keyword, claim);
    if (!target || claim.number.value === null || agrees(claim, target)) continue;
    if (year !== undefined && claim.years.some((y) => y !== year)) continue;
    // "2022年收到申请421件，2023年收到472件" / "全市收到1520件，其中本级收到472件": another figure of
    // the same sentence and topic is the table's, so this one is of another year or scope.
    // (The figures of each sentence and topic are gathered once per paragraph: a sentence may hold thousands.)
    let groups = figureGroups.get(siblings);
    if (!groups) figureGroups.set(siblings, (groups = groupFigures(siblings)));
    const group = groups.get(`${claim.sentence}:${claim.topic}`);
    if (group && target.values.some((v) => group.has(figureId(v)))) continue;
    // The table's own sums put the compared cell in doubt: the table is what is wrong (or may be),
    // and table-balance reports it with this figure as related information.
    doubtful ??= doubtfulCells(tableBlames(cache, facts, () => proseFigures(cache, doc, facts.nationalTables)));
    if (target.cells.some((c) => doubtful!.has(c)) || target.from?.some((c) => doubtful!.has(c))) continue;
    out.push({ paragraph, claim, target });
  }
  return out;
}

/** A figure as a key: counts are whole, amounts have a few decimals. */
const figureId = (v: number) => Math.round(v * 1e6);

/** The figures written for each sentence and topic of a paragraph's claims. */
function groupFigures(claims: readonly Claim[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const c of claims) {
    if (c.number.value === null) continue;
    const key = `${c.sentence}:${c.topic}`;
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    set.add(figureId(c.number.value));
  }
  return out;
}

/** Every figure of the prose tied to a table figure, with its paragraph. */
function* tableClaims(cache: CheckCache, doc: ReportDocument): Generator<{ paragraph: Paragraph; claim: Claim; siblings: readonly Claim[] }> {
  for (const paragraph of doc.paragraphs) {
    if (!ANY_KEYWORD.test(paragraph.text)) continue; // no claim possible: no heading to look up either
    const heading = headingAbove(doc, paragraph);
    const claims = findClaims(cache, paragraph.text, heading?.title ?? '');
    for (const claim of claims) yield { paragraph, claim, siblings: claims };
  }
}

/**
 * The prose figures about the national tables, as evidence of which table cell is wrong when the
 * table's sums fail (table-blame.ts). 受理/收到 N 件 may count the carried-over applications too
 * (一 + 二), so it also accepts 一 = N − 二; 新收 N 件 is row 一 alone.
 */
export function proseFigures(cache: CheckCache, doc: ReportDocument, tables: NationalTable[]): ProseFigure[] {
  const out: ProseFigure[] = [];
  for (const { paragraph, claim } of tableClaims(cache, doc)) {
    // Outcomes are no evidence: 三's rows are blamed by the table's own sums, and 予以公开 N 件 may count 部分公开 too.
    if (claim.topic in OUTCOME_ROWS) continue;
    const target = targetFor(claim.topic, tables);
    const value = claim.number.value;
    if (!target || value === null) continue;
    const values = [value];
    if (claim.topic === 'new' && claim.keyword !== '新收') {
      const carried = exact(rowCell(tableBySuffix(tables, '-requests'), 'carried', 'total'));
      if (carried !== undefined) values.push(value - carried);
    }
    // 办理 N 件 may be 一 + 二 = 三（七） + 四: then 三（七） is N − 四.
    if (claim.keyword === '办理') {
      const carryOver = exact(rowCell(tableBySuffix(tables, '-requests'), 'carry-over', 'total'));
      if (carryOver !== undefined) values.push(value - carryOver);
    }
    out.push({
      cells: target.cells,
      values,
      range: paragraphRange(paragraph, claim.number.start, claim.number.end),
      text: `${claim.number.raw}${claim.number.unit ?? ''}`,
    });
  }
  return out;
}
