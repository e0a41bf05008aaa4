// Synthetic drafts for the benchmarks: a typical 2021-format report (six parts, the three national
// tables filled with non-zero figures that add up) and big drafts made by repeating the body with
// varied figures. All sentences are written here; nothing is copied from real reports. A seeded
// generator keeps every run on the same texts.

/** Deterministic pseudo-random numbers (mulberry32), so runs compare like with like. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Splits n into k non-negative integers, uneven like real figures (a few large, many small). */
function split(r: Rand, n: number, k: number): number[] {
  const weights = Array.from({ length: k }, () => (r() < 0.3 ? 0 : r() ** 2));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = weights.map((w) => Math.floor((n * w) / sum));
  let rest = n - parts.reduce((a, b) => a + b, 0);
  const targets = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (!targets.length) targets.push(0);
  for (let j = 0; rest > 0; j++, rest--) parts[targets[j % targets.length]]++;
  return parts;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BODIES = ['云溪市人民政府', '北屏县人民政府', '临江区人民政府', '梧桐市交通运输局', '松岭县自然资源局', '青禾市生态环境局'];
const TOPICS = ['重大项目审批', '财政预决算', '义务教育招生', '医疗保障待遇', '就业创业扶持', '安全生产监管', '城乡规划调整', '农业补贴发放'];
const CHANNELS = ['门户网站', '政务微信', '政务微博', '政府公报', '新闻发布会', '政务服务大厅'];
const ACTIONS = ['修订完善', '集中梳理', '逐项核对', '动态更新', '分类归档', '专项检查'];

/** One paragraph of plain work-report prose with a few figures in it. */
function prose(r: Rand): string {
  const t = pick(r, TOPICS);
  const c1 = pick(r, CHANNELS);
  const c2 = pick(r, CHANNELS);
  const a = pick(r, ACTIONS);
  return (
    `围绕${t}等社会关注事项，通过${c1}和${c2}发布相关信息${int(r, 20, 900)}条，` +
    `组织${a}${int(r, 2, 40)}次，解读材料${int(r, 3, 60)}篇，其中以图表、音视频形式解读的${int(r, 1, 30)}篇。` +
    `对发现的栏目更新滞后、链接失效等问题建立台账，按时限逐项整改，整改完成率达到百分之百。`
  );
}

interface Table2 {
  text: string;
  newTotal: number;
  carriedTotal: number;
  doneTotal: number;
  nextTotal: number;
}

const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
/** Result rows of 2021 table 三: [level-2 label, level-3 label]. */
const RESULT_ROWS: [string, string][] = [
  ['（一）予以公开', ''],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['（三）不予公开', '1.属于国家秘密'],
  ['', '2.其他法律行政法规禁止公开'],
  ['', '3.危及“三安全一稳定”'],
  ['', '4.保护第三方合法权益'],
  ['', '5.属于三类内部事务信息'],
  ['', '6.属于四类过程性信息'],
  ['', '7.属于行政执法案卷'],
  ['', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '2.没有现成信息需要另行制作'],
  ['', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['', '2.重复申请'],
  ['', '3.要求提供公开出版物'],
  ['', '4.无正当理由大量反复申请'],
  ['', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '3.其他'],
];

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const withTotal = (xs: number[]) => [...xs, xs.reduce((a, b) => a + b, 0)];

/** Table of part 三, consistent by column (一+二 = 三（七）+四) and by row (总计). */
function table2(r: Rand): Table2 {
  const k = APPLICANTS.length;
  const scale = int(r, 40, 600);
  const fresh = split(r, scale, k).map((x, i) => (i === 0 ? x + 5 : x));
  const carried = fresh.map((x) => Math.floor(x * r() * 0.1));
  const next = fresh.map((x, i) => Math.floor((x + carried[i]) * r() * 0.1));
  const done = fresh.map((x, i) => x + carried[i] - next[i]);
  const byColumn = done.map((d) => split(r, d, RESULT_ROWS.length));
  const lines = [
    row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '']),
    row(Array<string>(10).fill('---')),
    row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']),
    row(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']),
    row(['一、本年新收政府信息公开申请数量', '', '', ...withTotal(fresh)]),
    row(['二、上年结转政府信息公开申请数量', '', '', ...withTotal(carried)]),
  ];
  RESULT_ROWS.forEach(([l2, l3], i) => {
    const first = i === 0 ? '三、本年度办理结果' : '';
    lines.push(row([first, l2, l3, ...withTotal(byColumn.map((col) => col[i]))]));
  });
  lines.push(row(['', '（七）总计', '', ...withTotal(done)]));
  lines.push(row(['四、结转下年度继续办理', '', '', ...withTotal(next)]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { text: lines.join('\n'), newTotal: sum(fresh), carriedTotal: sum(carried), doneTotal: sum(done), nextTotal: sum(next) };
}

/** Table of part 二 (articles 20(1), 20(5), 20(6), 20(8)). */
function table1(r: Rand): string {
  const rules = [int(r, 1, 4), int(r, 0, 2), int(r, 8, 30)];
  const norms = [int(r, 10, 40), int(r, 2, 12), int(r, 80, 300)];
  const fee = (int(r, 1000, 90000) / 100).toFixed(2);
  return [
    row(['第二十条第（一）项', '', '', '']),
    row(['---', '---', '---', '---']),
    row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    row(['规章', ...rules]),
    row(['行政规范性文件', ...norms]),
    row(['第二十条第（五）项', '', '', '']),
    row(['信息内容', '本年处理决定数量', '', '']),
    row(['行政许可', int(r, 500, 9000), '', '']),
    row(['第二十条第（六）项', '', '', '']),
    row(['信息内容', '本年处理决定数量', '', '']),
    row(['行政处罚', int(r, 100, 4000), '', '']),
    row(['行政强制', int(r, 5, 200), '', '']),
    row(['第二十条第（八）项', '', '', '']),
    row(['信息内容', '本年收费金额（单位：万元）', '', '']),
    row(['行政事业性收费', fee, '', '']),
  ].join('\n');
}

/** Table of part 四; returns the text and the figures the prose quotes. */
function table3(r: Rand): { text: string; review: number; direct: number; after: number } {
  const group = () => withTotal([int(r, 1, 12), int(r, 0, 4), int(r, 0, 3), int(r, 0, 5)]);
  const [a, b, c] = [group(), group(), group()];
  const text = [
    row(['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', '']),
    row(Array<string>(15).fill('---')),
    row(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']),
    row(Array<string[]>(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()),
    row([...a, ...b, ...c]),
  ].join('\n');
  return { text, review: a[4], direct: b[4], after: c[4] };
}

export interface ReportOptions {
  seed: number;
  /** Report year (2021 format applies from 2021 on). */
  year?: number;
  /** Extra prose paragraphs per subsection, to reach a target size. */
  padding?: number;
}

/** The six parts of one report (no title, no lead), with figures varied by the seed. */
export function reportBody(r: Rand, year: number, padding: number): string {
  const t2 = table2(r);
  const t3 = table3(r);
  const sub = (n: number, title: string) =>
    [`### （${CN[n]}）${title}`, '', ...Array.from({ length: 1 + padding }, () => prose(r) + '\n')].join('\n');
  return [
    '## 一、总体情况',
    '',
    `${year}年，本机关坚持以公开促落实、以公开强监管、以公开优服务，持续推进政务公开标准化规范化建设。`,
    '',
    sub(0, '主动公开情况'),
    sub(1, '依申请公开情况'),
    `全年新收政府信息公开申请${t2.newTotal}件，上年结转${t2.carriedTotal}件，本年办结${t2.doneTotal}件，结转下年度继续办理${t2.nextTotal}件。`,
    '',
    sub(2, '政府信息管理情况'),
    sub(3, '平台建设情况'),
    sub(4, '监督保障情况'),
    '将政务公开纳入年度绩效考核，在工作考核、社会评议和责任追究结果方面，本年度未发生因政府信息公开工作被追究责任的情况。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    table1(r),
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    t2.text,
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    t3.text,
    '',
    `全年因政府信息公开工作被申请行政复议${t3.review}件，被提起行政诉讼${t3.direct + t3.after}件。`,
    '',
    prose(r),
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    `上一年度报告提出的问题均已整改。本年度仍存在解读形式较为单一、答复说理不够充分等问题。下一步将${pick(r, ACTIONS)}解读材料，加强答复文书审核。`,
    '',
    prose(r),
    '',
    '## 六、其他需要报告的事项',
    '',
    `本年度${r() < 0.5 ? '未收取信息处理费' : `收取信息处理费${int(r, 1, 9)}笔`}。全年办理人大代表建议${int(r, 10, 200)}件、政协提案${int(r, 10, 200)}件，办理结果均已公开。`,
    '',
  ].join('\n');
}

function header(r: Rand, year: number): string {
  const body = pick(r, BODIES);
  return [
    `# ${body}${year}年政府信息公开工作年度报告`,
    '',
    `本报告依据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室印发的年度报告格式编制，` +
      `包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、` +
      `存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
    '',
    '',
  ].join('\n');
}

/** A typical report: six parts, three filled tables; padding 1 gives about 10 KB of UTF-8. */
export function typicalReport(opts: ReportOptions): string {
  const r = rng(opts.seed);
  const year = opts.year ?? 2023;
  return header(r, year) + reportBody(r, year, opts.padding ?? 1);
}

/**
 * A big draft of at least `bytes` UTF-8 bytes (or `lines` lines): one title, then the six parts
 * repeated with fresh figures, as when many units' reports are pasted into one compilation.
 */
export function bigDraft(opts: { seed: number; bytes?: number; lines?: number }): string {
  const r = rng(opts.seed);
  const year = 2023;
  const chunks = [header(r, year)];
  let size = Buffer.byteLength(chunks[0]);
  let lineCount = chunks[0].split('\n').length - 1;
  while ((opts.bytes !== undefined && size < opts.bytes) || (opts.lines !== undefined && lineCount < opts.lines)) {
    const body = reportBody(r, year, 1);
    chunks.push(body);
    size += Buffer.byteLength(body);
    lineCount += body.split('\n').length - 1;
  }
  let text = chunks.join('');
  if (opts.lines !== undefined) text = text.split('\n').slice(0, opts.lines).join('\n') + '\n';
  return text;
}
