// A figure left out before its measure word: "公开企业名称登记信息56条、核准企业资质条、行政处罚信息12条"
// (the count of 核准企业资质 is missing), "共计条", "办结率达%". Only where the text shows a figure
// belongs there: an item of a list whose neighbours carry figures with the same measure word, or a
// total word (共计、合计、达、占) followed directly by the measure word. Words that end in a measure
// word (文件、事项、条件、各条、逐项 …) are not items without a figure.

import type { Rule } from './types';
import { paragraphRange } from '../analysis/prose/ranges';
import { sentences } from '../analysis/prose/tokens';
import { allMatches } from '../facts/all-matches';
import { isSpace } from '../text/chars';
import { memoKey } from '../check-cache';

// Measure words a count carries in these reports (one character each; 人次 is read as 次).
const MEASURES = new Set(['条', '件', '项', '个', '篇', '次', '期', '场', '份', '家', '宗']);
// Characters before a measure word that make it no item of its own: a number, a determiner or a
// quantity word (各条、每件、逐项、多条、首次、该份).
const NOT_A_LABEL = new Set([...'0123456789０１２３４５６７８９一二三四五六七八九十百千万两〇零余多几数诸全整半每各逐首头该此本这那哪某上下前后同单若干另其']);
// Two-character words that end in a measure word.
const WORDS = new Set(
  (
    '条例 条件 教条 萧条 苗条 链条 线条 面条 油条 字条 纸条 便条 收条 借条 欠条 金条 专条 ' +
    '文件 案件 事件 稿件 附件 邮件 软件 硬件 证件 信件 办件 来件 要件 原件 配件 急件 复件 物件 部件 零件 组件 元件 工件 构件 快件 函件 批件 密件 样件 计件 按件 ' +
    '事项 专项 分项 款项 选项 立项 强项 弱项 缺项 漏项 列项 用项 ' +
    '整个 单个 真个 ' +
    '全篇 通篇 长篇 短篇 开篇 诗篇 名篇 ' +
    '层次 档次 批次 班次 车次 名次 依次 其次 历次 屡次 频次 场次 人次 架次 航次 轮次 席次 位次 主次 再次 ' +
    '同期 定期 近期 按期 逾期 到期 当期 延期 周期 长期 短期 初期 中期 末期 早期 晚期 假期 学期 日期 时期 星期 预期 限期 工期 分期 汛期 届期 ' +
    '现场 市场 会场 广场 立场 考场 战场 机场 商场 农场 剧场 赛场 在场 到场 入场 出场 登场 当场 职场 主场 退场 开场 收场 ' +
    '股份 年份 月份 身份 省份 部份 成份 备份 ' +
    '国家 大家 专家 自家 人家 作家 商家 厂家 独家 农家 东家 行家 买家 卖家 住家 回家 在家 全家 ' +
    '祖宗 正宗 卷宗 大宗'
  ).split(' '),
);
// A total or a share word right before the measure word: the figure is missing ("共计条", "达%").
const TOTAL_THEN_MEASURE =
  /(?:(?:共计|合计|总计|累计|共有|一共|总共)[ \t\u3000]?(?:条|件|项|篇|人次|次|期|场|份|万元)|(?:达到?|率为|增长|下降|提高|降低|占比为|占比|占)[ \t\u3000]?[%％])(?=[，。；、,;）)]|$)/g;
// Separators between the items of a list.
function isSeparator(c: number): boolean {
  return c === 0x3001 /* 、 */ || c === 0xff0c /* ， */ || c === 0x2c || c === 0xff1b /* ； */ || c === 0x3b || c === 0xff1a /* ： */ || c === 0x3a;
}
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** The measure word an item [start, end) ends in, right after a figure ("56条", "80余条"), or undefined. */
function countedMeasure(text: string, start: number, end: number): string | undefined {
  if (end - start < 2) return undefined;
  const m = text[end - 1];
  if (!MEASURES.has(m)) return undefined;
  let i = end - 2;
  while (i > start && (text[i] === ' ' || text[i] === '余' || text[i] === '多')) i--;
  return isDigit(text.charCodeAt(i)) ? m : undefined;
}

/** The measure word of an item that has a label but no figure ("核准企业资质条"), or undefined. */
function uncountedMeasure(text: string, start: number, end: number): string | undefined {
  if (end - start < 3) return undefined;
  const m = text[end - 1];
  const before = text.charCodeAt(end - 2);
  if (!MEASURES.has(m) || !isIdeograph(before) || NOT_A_LABEL.has(text[end - 2])) return undefined;
  if (WORDS.has(text.slice(end - 2, end))) return undefined;
  for (let i = start; i < end; i++) if (isDigit(text.charCodeAt(i))) return undefined;
  return m;
}

interface Gap {
  /** Offsets in the paragraph text. */
  start: number;
  end: number;
  message: string;
  data: Record<string, unknown>;
}

/**
 * The gap of the item [cs, ce) of a list, between the items [ps, pe) and [ns, ne) (ps or ns < 0:
 * none on that side): a label without a figure whose neighbour carries one with the same measure word.
 */
function itemGap(text: string, ps: number, pe: number, cs: number, ce: number, ns: number, ne: number): Gap | undefined {
  const m = uncountedMeasure(text, cs, ce);
  if (!m) return undefined;
  const prev = ps >= 0 ? countedMeasure(text, ps, pe) : undefined;
  const next = ns >= 0 ? countedMeasure(text, ns, ne) : undefined;
  if (prev !== m && next !== m) return undefined;
  const at = ce - 1;
  const item = text.slice(Math.max(cs, at - 12), at + 1).trim();
  return { start: at, end: at + 1, message: `“${item}”的量词“${m}”前缺少数字（前后各项都写了数字）`, data: { measure: m, item } };
}

const NO_GAPS: readonly Gap[] = Object.freeze([]);

/** The missing figures of a paragraph, by its text (an editor session keeps them while it is unchanged). */
function gapsOf(text: string): readonly Gap[] {
  let out: Gap[] | undefined;
  for (const [ss, se] of sentences(text)) {
    // The items of the sentence are the text between separators (spaces and a closing 等 left
    // out), looked at three at a time as the walk finds them: the item and its two neighbours,
    // without an object per item (most paragraphs have no gap at all).
    let ps = -1;
    let pe = -1;
    let cs = -1;
    let ce = -1;
    let s = ss;
    for (let i = ss; i <= se; i++) {
      if (i < se && !isSeparator(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3002 /* 。 */) continue;
      let e = i;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s && text[e - 1] === '等') e--;
      if (cs >= 0) {
        const gap = itemGap(text, ps, pe, cs, ce, s, e);
        if (gap) (out ??= []).push(gap);
      }
      ps = cs;
      pe = ce;
      cs = s;
      ce = e;
      s = i + 1;
    }
    if (cs >= 0) {
      const gap = itemGap(text, ps, pe, cs, ce, -1, -1);
      if (gap) (out ??= []).push(gap);
    }
  }
  if (!/[共合总累达率增下提降占]/.test(text)) return out ?? NO_GAPS;
  // Where an item's gap was reported already, a total word right before it says nothing new.
  const reported = new Set(out?.map((g) => g.start));
  for (const m of allMatches(TOTAL_THEN_MEASURE, text)) {
    const measureAt = m.index + m[0].length - (m[0].endsWith('万元') || m[0].endsWith('人次') ? 2 : 1);
    if (reported.has(measureAt)) continue;
    (out ??= []).push({ start: measureAt, end: m.index + m[0].length, message: `“${m[0]}”中缺少数字`, data: { written: m[0] } });
  }
  return out ?? NO_GAPS;
}

const GAPS = memoKey('missing figures', gapsOf);

export const rule: Rule = {
  meta: {
    id: 'missing-number',
    title: '量词前缺少数字',
    titleEn: 'Figure missing before its measure word',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '检查数字漏填：列举中某一项只有名称和量词、没有数字（如“公开企业名称登记信息56条、核准企业资质条、行政处罚信息12条”），' +
      '且前后相邻的项都写了数字和同一量词；或“共计”“合计”“达”“占”等之后直接跟量词或百分号（“共计条”“办结率达%”）。' +
      '“各条”“每件”“逐项”“多条”这类量词用法和“文件”“事项”“条件”“案件”等以量词结尾的词不计。',
    basis: '数字是年度报告的核心内容，漏填会使表述失去意义',
  },
  check({ doc, cache, report }) {
    for (const p of doc.paragraphs) {
      for (const gap of cache.get(GAPS, p.text)) {
        report({ message: gap.message, range: paragraphRange(p, gap.start, gap.end), data: gap.data });
      }
    }
  },
};
