// Crafted inputs that make naive scanners slow: a trigger a pattern looks for, then a long run of
// what a quantifier eats (spaces, tabs, digits, CJK), then a character that makes the match fail,
// in every place a rule reads (a paragraph, a table row, a heading, a run-in body); plus the
// shapes issue 13 reported (sums of 100,000 parts, totals before runs of spaces, a paragraph of
// repeated "…中，1条、" statements). Each input is a function of a size n (characters of the run).

const REPORT_HEAD = '# 青川市某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n';

/** Strings the patterns of the rules, facts and parser start from or end with. */
const TRIGGERS = [
  '共', '共计', '合计', '其中', '中', '在主动公开的425条政府信息中', '占', '（', '(', '（占', '，占比为', '[]', '〔', '【', '【请', '】',
  '年', '月', '2023年', '上年', '自', '从', '至', '第', '#', '## ', '|', '-', '*', '<!--', '-->', '?', '《', '》', 'http://', 'www.',
  'X', 'XX', '×', '○', '申请', '结转', '办结', '收到', '。', '、', '1', '1,', '1 ', '１', '一', '十', '万', '条', '%', '余', '约',
  '一、', '（一）', '1.', '（1）', '其中：', '\t',
];

/** What quantifiers eat: a run of one of these, n long. */
const RUNS: Array<[string, string]> = [
  ['spaces', ' '],
  ['ideographic spaces', '\u3000'],
  ['tabs', '\t'],
  ['digits', '7'],
  ['CJK', '政'],
  ['commas', ','],
];

export interface Crafted {
  name: string;
  make: (n: number) => string;
}

function inParagraph(body: string): string {
  return `${REPORT_HEAD}${body}\n\n二、主动公开政府信息情况\n`;
}

/** The body as the paragraph of part 一, with part 三's and 四's tables (2021 format) after it. */
function withTables(body: string): string {
  return `${inParagraph(body)}\n三、收到和处理政府信息公开申请情况\n\n${REQUESTS_TABLE}\n四、政府信息公开行政复议、行政诉讼情况\n\n${REVIEW_TABLE}`;
}

const ZEROS = '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const REQUESTS_TABLE = [
  '| | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
  '|---|---|---|---|---|---|---|---|---|---|',
  '| 一、本年新收政府信息公开申请数量 | | | 20 | 0 | 0 | 0 | 0 | 0 | 20 |',
  `| 二、上年结转政府信息公开申请数量 | | ${ZEROS}`,
  '| 三、本年度办理结果 | （一）予以公开 | | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
  `| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | ${ZEROS}`,
  ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l, i) => `| | ${i === 0 ? '（三）不予公开' : ''} | ${l} ${ZEROS}`),
  '| | （四）无法提供 | 1.本机关不掌握相关政府信息 | 16 | 0 | 0 | 0 | 0 | 0 | 16 |',
  ...['2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l) => `| | | ${l} ${ZEROS}`),
  ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l, i) => `| | ${i === 0 ? '（五）不予处理' : ''} | ${l} ${ZEROS}`),
  ...['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l, i) => `| | ${i === 0 ? '（六）其他处理' : ''} | ${l} ${ZEROS}`),
  '| | （七）总计 | | 20 | 0 | 0 | 0 | 0 | 0 | 20 |',
  `| 四、结转下年度继续办理 | | ${ZEROS}`,
].join('\n');
const REVIEW_TABLE = [
  '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
].join('\n');

function inTableRow(body: string): string {
  return `${REPORT_HEAD}| 信息内容 | 本年制发件数 |\n| --- | --- |\n| ${body} | 3 |\n| 规章 | ${body} |\n`;
}

function inHeading(body: string): string {
  return `${REPORT_HEAD}（一）${body}\n\n## ${body} #x\n\n正文。\n`;
}

/** The generic stressors: every trigger before (and after) a long failing run, in three places. */
export function genericCrafted(): Crafted[] {
  const out: Crafted[] = [];
  for (const t of TRIGGERS) {
    for (const [runName, ch] of RUNS) {
      const after = (n: number) => `${t}${ch.repeat(n)}x`;
      const before = (n: number) => `x${ch.repeat(n)}${t}`;
      out.push({ name: `paragraph: ${JSON.stringify(t)} + ${runName} + x`, make: (n) => inParagraph(after(n)) });
      out.push({ name: `paragraph: x + ${runName} + ${JSON.stringify(t)}`, make: (n) => inParagraph(before(n)) });
      if (runName === 'spaces' || runName === 'digits' || runName === 'tabs') {
        out.push({ name: `table row: ${JSON.stringify(t)} + ${runName} + x`, make: (n) => inTableRow(after(n)) });
        out.push({ name: `heading: ${JSON.stringify(t)} + ${runName} + x`, make: (n) => inHeading(after(n)) });
      }
    }
    // The trigger itself repeated: nested or overlapping matches.
    out.push({ name: `paragraph: ${JSON.stringify(t)} repeated`, make: (n) => inParagraph(t.repeat(Math.max(1, Math.floor(n / t.length)))) });
    out.push({ name: `paragraph: (${JSON.stringify(t)} + space) repeated`, make: (n) => inParagraph(`${t} `.repeat(Math.max(1, Math.floor(n / (t.length + 1))))) });
  }
  return out;
}

/** The shapes issue 13 reported, and their neighbours. */
export function issueCrafted(): Crafted[] {
  const reps = (unit: string, n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
  return [
    { name: 'SHARE_LINK: 共100条，其中10条（ + spaces + x10%。', make: (n) => inParagraph(`共100条，其中10条（${' '.repeat(n)}x10%。`) },
    { name: 'TRAILING_TOTAL: A 5条、B 3条，共 + spaces + x8条。', make: (n) => inParagraph(`A 5条、B 3条，共${' '.repeat(n)}x8条。`) },
    { name: 'a clause of parts: 共100条，其中 + 1条、…', make: (n) => inParagraph(`共100条，其中${reps('1条、', n)}。`) },
    { name: 'parts then a total: 1条、… ，共计N条', make: (n) => inParagraph(`${reps('1条、', n)}，共计${Math.floor(n / 3)}条。`) },
    { name: 'a …中 total then parts: 在主动公开的425条政府信息中，1条、…', make: (n) => inParagraph(`在主动公开的425条政府信息中，${reps('1条、', n)}。`) },
    { name: 'repeated statements: 在主动公开的425条政府信息中，1条、', make: (n) => inParagraph(reps('在主动公开的425条政府信息中，1条、', n)) },
    { name: 'repeated sums with shares', make: (n) => inParagraph(reps('全年新收申请20件，其中予以公开8件，占40%，不予公开9件。', n)) },
    { name: 'one total, many shares that miss it', make: (n) => inParagraph(`本年度答复181件，${reps('予以公开68件，占38.0%；', n)}`) },
    { name: 'many short lines of figures', make: (n) => REPORT_HEAD + reps('共10条，其中A 3条、B 4条。\n', n) },
    { name: 'many headings', make: (n) => REPORT_HEAD + reps('## 标题\n', n) },
    { name: 'many enumerated headings', make: (n) => REPORT_HEAD + reps('一、总体情况\n（一）主动公开\n', n) },
    { name: 'a table of many rows', make: (n) => `${REPORT_HEAD}| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n${reps('| 规章 | 1 | 2 | 3 |\n', n)}` },
    { name: 'a table row of many cells', make: (n) => `${REPORT_HEAD}${reps('| 1 ', n)}|\n${reps('| --- ', n)}|\n${reps('| 2 ', n)}|\n` },
    { name: 'an unclosed comment opened many times on one line', make: (n) => inParagraph(reps('<!--', n)) },
    { name: 'many comments on one line', make: (n) => inParagraph(reps('<!-- x -->', n)) },
    { name: 'many directives', make: (n) => REPORT_HEAD + reps('<!-- nianbao-disable-next-line prose-sum -->\n共10条，其中A 3条。\n', n) },
    // Prose read against the national tables (text-table-mismatch's outcomes and "未发生" claims).
    { name: 'outcomes against the tables', make: (n) => withTables(reps('办结的申请中予以公开1件、无法提供2件、不予处理和其他处理共3件，', n)) },
    { name: 'no cases against the tables', make: (n) => withTables(reps('全年未发生政府信息公开行政复议、行政诉讼，', n)) },
    { name: 'a list after a colon: 共答复100件：1件、…', make: (n) => inParagraph(`共答复100件：${reps('1件、', n)}。`) },
    { name: 'shares of a named total: 占办结总数的5%', make: (n) => withTables(`全年办结20件，${reps('予以公开1件，占办结总数的5%；', n)}`) },
    { name: 'years everywhere', make: (n) => inParagraph(reps('2023年，', n)) },
    { name: 'dates everywhere', make: (n) => inParagraph(reps('2023年1月1日至12月31日，', n)) },
    { name: 'approximate figures', make: (n) => inParagraph(`共100条，其中${reps('约1条、', n)}。`) },
    { name: 'misplaced separators', make: (n) => inParagraph(`共100条，其中${reps('1,2000条、', n)}。`) },
    { name: 'space-grouped figures', make: (n) => inParagraph(`共100条，其中${reps('1 268条、', n)}。`) },
    { name: 'nested parentheses', make: (n) => inParagraph(`${'（'.repeat(Math.floor(n / 2))}共10条${'）'.repeat(Math.floor(n / 2))}`) },
    { name: 'question marks after CJK', make: (n) => inParagraph(reps('政??', n)) },
    { name: 'pinyin-like garbage', make: (n) => inParagraph(reps('政(zhèng)', n)) },
    { name: 'latin-1 mojibake', make: (n) => inParagraph(reps('Ã¥Â', n)) },
  ];
}
