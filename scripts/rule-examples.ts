// An incorrect and a corrected example for every rule, in the manner of markdownlint's rule pages.
// scripts/gen-rule-docs.ts prints them in docs/rules/<id>.md; test/core/rule-docs.test.ts checks
// that each incorrect example gives a finding of its rule (and of no other) and each corrected one
// gives none at all. All text is written for the project (fictional bodies, small figures).
//
// `context` is put before the example when it is checked and is not printed: a title, the
// reporting period and directives, so that an example shows only the lines the rule is about.

export interface RuleExample {
  incorrect: string;
  correct: string;
  /** A sentence under the examples: what changed and why. */
  note: string;
  /** Text before the example when checked (not printed); FRAGMENT unless stated. */
  context?: string;
}

const TITLE = '# 青禾县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至12月31日。\n\n';
/** A gov-2021 report of which the example is one part (the other parts are not reported missing). */
export const FRAGMENT = `<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable part-missing table-shape part-empty -->\n${TITLE}`;
const STRUCTURE = '<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable table-shape -->\n';

const REQUESTS_HEAD = [
  '| | | | 申请人情况 | | | | | | |',
  '|---|---|---|---|---|---|---|---|---|---|',
  '| | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
  '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
].join('\n');
const requests = (carried: number, total: number) =>
  [
    '三、收到和处理政府信息公开申请情况',
    '',
    REQUESTS_HEAD,
    '| 一、本年新收政府信息公开申请数量 | | | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
    `| 二、上年结转政府信息公开申请数量 | | | ${carried} | 0 | 0 | 0 | 0 | 0 | ${carried} |`,
    '| 三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
    `| | （七）总计 | | ${total} | 1 | 0 | 0 | 0 | 0 | ${total + 1} |`,
    '| 四、结转下年度继续办理 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  ].join('\n');

const PARTS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const BODY: Record<string, string> = {
  '一、总体情况': '全年主动公开政府信息186条。',
  '二、主动公开政府信息情况': '本年制发行政规范性文件2件。',
  '三、收到和处理政府信息公开申请情况': '全年未收到政府信息公开申请。',
  '四、政府信息公开行政复议、行政诉讼情况': '本年度无行政复议、行政诉讼案件。',
  '五、存在的主要问题及改进情况': '部分栏目更新不够及时，下一步建立提醒机制。',
  '六、其他需要报告的事项': '本年度未收取信息处理费。',
};
const report = (headings: string[]) => TITLE + headings.map((h) => `${h}\n\n${BODY[h] ?? BODY[PARTS.find((p) => p.endsWith(h.replace(/^.*、/, ''))) ?? ''] ?? '（略）'}`).join('\n\n');

/** A rule whose finding a few lines cannot show, and why. */
export interface NoExample {
  none: string;
}

export const RULE_EXAMPLES: Record<string, RuleExample | NoExample> = {
  'input-quality': {
    incorrect: '（一）主动公开情况。全年主动公开政府信息\u0007186条。',
    correct: '（一）主动公开情况。全年主动公开政府信息186条。',
    note: '文中夹着控制字符（此处为 U+0007），多半是从其他程序粘贴时带入的；删除后重新检查。',
  },
  'profile-notice': {
    incorrect: '<!-- nianbao-profile: gov-2020 -->\n# 青禾县文化和旅游局2020年政府信息公开工作年度报告',
    correct: '<!-- nianbao-profile: gov-2019 -->\n# 青禾县文化和旅游局2020年政府信息公开工作年度报告',
    note: '指令里的格式 id 必须是已知的格式（gov-2021、gov-2019、legacy、generic 或配置文件中定义的）。',
    context: '<!-- nianbao-disable part-missing period-consistency -->\n',
  },
  'part-missing': {
    incorrect: report(PARTS.filter((p) => !p.startsWith('五'))),
    correct: report(PARTS),
    note: '2021 年格式的六个部分缺一不可；缺少的部分在应插入处（此处为「六、」之前）报告，快速修复插入标题和填写说明。',
    context: STRUCTURE,
  },
  'part-order': {
    incorrect: report([PARTS[0], PARTS[2], PARTS[1], ...PARTS.slice(3)]),
    correct: report(PARTS),
    note: '各部分应按统一格式的顺序排列：「主动公开政府信息情况」在「收到和处理政府信息公开申请情况」之前。',
    context: STRUCTURE.replace('table-shape', 'table-shape heading-numbering'),
  },
  'part-duplicate': {
    incorrect: report([...PARTS, '七、其他需要报告的事项']),
    correct: report(PARTS),
    note: '同一部分只写一次；第二次出现的标题被报告。',
    context: STRUCTURE,
  },
  'part-title': {
    incorrect: report([...PARTS.slice(0, 3), '四、政府信息公开行政法复议、行政诉讼情况', ...PARTS.slice(4)]),
    correct: report(PARTS),
    note: '部分标题应与统一格式一字不差（「行政复议」误作「行政法复议」）；快速修复改为规范标题。',
    context: STRUCTURE,
  },
  'heading-numbering': {
    incorrect: '一、总体情况\n\n（一）主动公开情况。全年主动公开政府信息186条。\n\n（三）依申请公开情况。全年未收到申请。',
    correct: '一、总体情况\n\n（一）主动公开情况。全年主动公开政府信息186条。\n\n（二）依申请公开情况。全年未收到申请。',
    note: '同级标题连续编号，「（一）」之后是「（二）」；快速修复重新编号。半角「(二)」同样报告。',
  },
  'fee-statement': {
    incorrect: '六、其他需要报告的事项\n\n本年度无其他需要报告的事项。\n\n<!-- 说明是否收取信息处理费 -->',
    correct: '六、其他需要报告的事项\n\n本年度未收取信息处理费，无其他需要报告的事项。',
    note: '第六部分应写明信息处理费的收取情况；注释在发布的报告中看不到，不算写明。',
  },
  'part-empty': {
    incorrect: '五、存在的主要问题及改进情况\n\n<!-- 如实说明存在的主要问题和改进措施 -->\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。',
    correct: '五、存在的主要问题及改进情况\n\n部分栏目更新不够及时，下一步建立栏目更新提醒机制。\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。',
    note: '只有标题和填写说明（注释）的部分尚未填写；确无可报告的事项，也应写一句说明。',
    context: FRAGMENT_WITH('part-missing table-shape'),
  },
  'table-unfilled': {
    incorrect: '四、政府信息公开行政复议、行政诉讼情况\n\n' + reviewTable(0) + '\n\n五、存在的主要问题及改进情况\n\n<!-- 待写 -->',
    correct: '四、政府信息公开行政复议、行政诉讼情况\n\n' + reviewTable(1) + '\n\n五、存在的主要问题及改进情况\n\n部分栏目更新不够及时。',
    note: '报告还没写完（此处第五部分是空的）时，与模板完全相同、全部为 0 的统计表多半尚未填写，作为提示列出。',
    context: FRAGMENT_WITH('part-missing table-shape part-empty'),
  },
  'table-balance': {
    incorrect: requests(2, 5),
    correct: requests(1, 5),
    note: '一 + 二 = 三（七）+ 四：自然人一列 5 + 2 = 7，而（七）总计 5 + 四 1 = 6，相差 1；报告在（七）总计一行，写明算式和参与计算的格子。',
    context: FRAGMENT_WITH('part-missing table-shape table-sum'),
  },
  'table-values': {
    incorrect: proactive('-1'),
    correct: proactive('1'),
    note: '统计表中的件数是非负整数；负数、小数、「约」数和该填数字处的空白或「—」都报告。',
  },
  'table-shape': {
    incorrect: '四、政府信息公开行政复议、行政诉讼情况\n\n' + reviewTable(1).replace(/\| 0 \|$/, '|'),
    correct: '四、政府信息公开行政复议、行政诉讼情况\n\n' + reviewTable(1),
    note: '统一格式的每一行应有全部数值列（表四为 15 列）；少了格子的行，其后的数字会落到错误的列上。',
    context: FRAGMENT_WITH('part-missing part-empty'),
  },
  'table-format-year': {
    incorrect: '二、主动公开政府信息情况\n\n| 第二十条第（一）项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n| 规章 | 0 | 0 | 0 |',
    correct: '二、主动公开政府信息情况\n\n| 第二十条第（一）项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |',
    note: '2021 年度的报告用了 2019 年格式的列名（本年新制作数量……）；应换成 30号格式的统计表。',
    context: FRAGMENT_WITH('part-missing table-shape table-unfilled'),
  },
  'table-sum': {
    incorrect: '| 发布渠道 | 发布条数 |\n|---|---|\n| 门户网站 | 186 |\n| 政务微信 | 94 |\n| 合计 | 290 |',
    correct: '| 发布渠道 | 发布条数 |\n|---|---|\n| 门户网站 | 186 |\n| 政务微信 | 94 |\n| 合计 | 280 |',
    note: '任意表格中的「合计」「小计」「其中」都按各项之和核对：186 + 94 = 280；快速修复写入正确的和。',
  },
  'prose-sum': {
    incorrect: '一、总体情况\n\n全年主动公开政府信息1200条，其中门户网站发布500条、政务微信发布400条、政务微博发布200条。',
    correct: '一、总体情况\n\n全年主动公开政府信息1100条，其中门户网站发布500条、政务微信发布400条、政务微博发布200条。',
    note: '“共X条，其中……”的分项之和应等于总数：500 + 400 + 200 = 1100。',
  },
  'prose-percent': {
    incorrect: '一、总体情况\n\n全年办结政府信息公开申请12件，其中予以公开9件，占80%。',
    correct: '一、总体情况\n\n全年办结政府信息公开申请12件，其中予以公开9件，占75%。',
    note: '百分比应与写明的数量相符：9 ÷ 12 = 75%。',
  },
  'year-consistency': {
    incorrect: '# 青禾县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2022年1月1日至12月31日。',
    correct: '# 青禾县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至12月31日。',
    note: '统计期限的年份应是报告年度（标题中的 2023 年），多为沿用上年报告未改。',
    context: '<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable part-missing -->\n',
  },
  'period-consistency': {
    incorrect: '# 青禾县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至2023年11月30日。',
    correct: '# 青禾县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至2023年12月31日。',
    note: '年度报告的统计期限是完整的自然年：1月1日至12月31日。',
    context: '<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable part-missing -->\n',
  },
  'number-format': {
    incorrect: '一、总体情况\n\n全年主动公开政府信息1,2000条。',
    correct: '一、总体情况\n\n全年主动公开政府信息12,000条。',
    note: '千分位每三位一组；分隔符位置不对的数字无法确定数值，不参与任何核对。',
  },
  placeholder: {
    incorrect: '一、总体情况\n\n全年主动公开政府信息XX条，其中政策解读15条。',
    correct: '一、总体情况\n\n全年主动公开政府信息186条，其中政策解读15条。',
    note: '「XX」「×××」「【待填】」等占位符不应留在报告中。',
  },
  mojibake: {
    incorrect: '一、总体情况\n\n进一步规(guī)范公开内容，创(chuàng)新公开形式。',
    correct: '一、总体情况\n\n进一步规范公开内容，创新公开形式。',
    note: '从网页或 PDF 复制时夹带的注音和乱码应删除；快速修复删去注音。',
  },
  'lead-parts': {
    incorrect: leadReport('因政府信息公开申请行政复议、提起行政诉讼的情况'),
    correct: leadReport('政府信息公开行政复议、行政诉讼情况'),
    note: '导语列出的部分名称沿用了 2019 年以前的写法，与正文第四部分的标题不一致；快速修复改为正文中的标题。',
    context: STRUCTURE,
  },
  'cross-year-carryover': {
    none: '比较的是两份报告：本年报告表三“二、上年结转”与同一机关上年报告的“四、结转下年度继续办理”，单个文件的示例无法重现；两年报告的示例见 test/fixtures/series/。',
  },
  'cross-year-documents': {
    none: '比较的是两份报告：本年表二的现行有效件数与同一机关上年报告的现行有效件数，单个文件的示例无法重现；两年报告的示例见 test/fixtures/series/。',
  },
  'cross-year-cumulative': {
    none: '比较的是两份报告：本年统计表的历年累计与同一机关上年报告的历年累计，单个文件的示例无法重现；两年报告的示例见 test/fixtures/series/。',
  },
  'cross-year-prose': {
    none: '比较的是两份报告：本年正文所写的上年数字、增长率与同一机关上年报告的表格，单个文件的示例无法重现；两年报告的示例见 test/fixtures/series/。',
  },
  'table-unreadable': {
    none: '只出现在从网页或 PDF 转换、表格边框丢失、一行数字连成一串的文本中（如“640020470”有不止一种拆法），几行示例无法如实重现。',
  },
  'statute-name': {
    incorrect: '一、总体情况\n\n本局认真落实《政府信息公开条列》，及时公开各类信息。',
    correct: '一、总体情况\n\n本局认真落实《中华人民共和国政府信息公开条例》，及时公开各类信息。',
    note: '条例的名称应写准确（「条列」是错字）；快速修复改为正确名称。',
  },
  'missing-number': {
    incorrect: '一、总体情况\n\n全年公开企业名称登记信息56条、核准企业资质条、行政处罚信息12条。',
    correct: '一、总体情况\n\n全年公开企业名称登记信息56条、核准企业资质8条、行政处罚信息12条。',
    note: '列举中的一项只有名称和量词，漏填了数字。',
  },
  'markup-residue': {
    incorrect: '一、总体情况\n\n全年主动公开政府信息&nbsp;320条，<span style="font-size:16.0pt">其中政策解读45条</span>。',
    correct: '一、总体情况\n\n全年主动公开政府信息320条，其中政策解读45条。',
    note: '从网页或 Word 复制带入的字符实体和标签应删除；快速修复一次删除全部。',
  },
  'concluded-exceeds': {
    incorrect: '一、总体情况\n\n（一）依申请公开情况。全年受理政府信息公开申请12件，办结15件，均在法定期限内答复。',
    correct: '一、总体情况\n\n（一）依申请公开情况。全年受理政府信息公开申请12件，上年结转3件，办结15件，均在法定期限内答复。',
    note: '办结数多于受理数：办结的申请中有上年结转的，应写明结转数（12 + 3 = 15）。',
  },
  'legacy-text-table': {
    incorrect: legacyReport(420),
    correct: legacyReport(412),
    note: '正文写的主动公开 420 条与所附统计表中的“主动公开政府信息数”412 不符。',
    context: '<!-- nianbao-profile: legacy -->\n<!-- nianbao-disable part-missing part-empty -->\n',
  },
  'place-name': {
    incorrect: '# 沐阳县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至12月31日。',
    correct: '# 沭阳县文化和旅游局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2023年1月1日至12月31日。',
    note: '机关名称中的地名不在全国行政区划名录中，且与「沭阳县」只差一个形近字；快速修复改为名录中的名称。',
    context: '<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable part-missing -->\n',
  },
  'text-table-mismatch': {
    incorrect: '一、总体情况\n\n（一）依申请公开情况。全年新收政府信息公开申请8件。\n\n' + requests(1, 5),
    correct: '一、总体情况\n\n（一）依申请公开情况。全年新收政府信息公开申请6件。\n\n' + requests(1, 5),
    note: '总体情况中写的“新收申请8件”与表三第一项总计 6 不符；以表为准改正正文。',
    context: FRAGMENT_WITH('part-missing table-shape'),
  },
};

/** A pre-2019 report whose prose gives the figure `stated` and whose 统计表 says 412. */
function legacyReport(stated: number): string {
  return [
    '# 青禾市档案局2017年政府信息公开工作年度报告',
    '',
    '本报告所列数据统计期限为2017年1月1日至12月31日。',
    '',
    '一、概述',
    '',
    `2017年，本局主动公开政府信息${stated}条。`,
    '',
    '附：政府信息公开情况统计表（2017年度）',
    '',
    '统计指标\t单位\t统计数',
    '一、主动公开情况\t\t',
    '(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计 1 条)\t条\t412',
    '三、依申请公开情况\t\t',
    '(一) 收到申请数\t件\t4',
    '(二) 申请办结数\t件\t4',
    '四、行政复议数量\t件\t0',
    '五、行政诉讼数量\t件\t0',
  ].join('\n');
}

/** A six-part report whose lead lists the parts, the fourth as `fourth`. */
function leadReport(fourth: string): string {
  const lead = `本报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、${fourth}、存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据统计期限为2023年1月1日至12月31日。`;
  return report(PARTS).replace('本报告所列数据统计期限为2023年1月1日至12月31日。', lead);
}

function FRAGMENT_WITH(disabled: string): string {
  return `<!-- nianbao-profile: gov-2021 -->\n<!-- nianbao-disable ${disabled} -->\n${TITLE}`;
}

function reviewTable(cases: number): string {
  return [
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    `| ${cases} | 0 | 0 | 0 | ${cases} | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
  ].join('\n');
}

function proactive(abolished: string): string {
  return [
    '二、主动公开政府信息情况',
    '',
    '| 第二十条第（一）项 | | | |',
    '|---|---|---|---|',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    `| 行政规范性文件 | 2 | ${abolished} | 7 |`,
  ].join('\n');
}

/** The text an example is checked as. */
export function exampleText(example: RuleExample, which: 'incorrect' | 'correct'): string {
  return (example.context ?? FRAGMENT) + example[which] + '\n';
}
