// Drafts used by the protocol tests: our own text in the layout of a 2021-format report.
// DRAFT_2023 has two deliberate defects: in the part 三 table the 自然人 column does not balance
// (一 7 + 二 2 = 9, but 三（七）总计 6 + 四 1 = 7) and part 五 (存在的主要问题及改进情况) is missing.

const ROW = (label: string, ...values: number[]) => `| ${label} | ${values.join(' | ')} |`;
const zeros = (n: number) => Array.from({ length: n }, () => 0);

/** Part 三 table; `natural` gives the 自然人 column of rows 一, 二, （一）, （七）, 四. */
export function requestTable(natural: { new: number; carried: number; disclosed: number; total: number; carryOver: number }): string {
  const row = (first: string, second: string, n: number) => `| ${first} | ${second} | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`;
  const leaf = (first: string, second: string) => row(first, second, 0);
  return [
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|',
    '| | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    '| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
    row('一、本年新收政府信息公开申请数量', '', natural.new),
    row('二、上年结转政府信息公开申请数量', '', natural.carried),
    row('三、本年度办理结果', '（一）予以公开', natural.disclosed),
    row('', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', natural.total - natural.disclosed),
    leaf('（三）不予公开', '1.属于国家秘密'),
    ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => leaf('', l)),
    leaf('（四）无法提供', '1.本机关不掌握相关政府信息'),
    ...['2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l) => leaf('', l)),
    leaf('（五）不予处理', '1.信访举报投诉类申请'),
    ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l) => leaf('', l)),
    leaf('（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    leaf('', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    leaf('', '3.其他'),
    row('', '（七）总计', natural.total),
    row('四、结转下年度继续办理', '', natural.carryOver),
  ].join('\n');
}

const PROACTIVE_TABLE = [
  '| 第二十条第（一）项 | | | |',
  '|---|---|---|---|',
  '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  ROW('规章', 0, 0, 0),
  ROW('行政规范性文件', 3, 1, 15),
  '| 第二十条第（五）项 | | | |',
  '| 信息内容 | 本年处理决定数量 | | |',
  '| 行政许可 | 86 | | |',
  '| 第二十条第（六）项 | | | |',
  '| 信息内容 | 本年处理决定数量 | | |',
  '| 行政处罚 | 41 | | |',
  '| 行政强制 | 0 | | |',
  '| 第二十条第（八）项 | | | |',
  '| 信息内容 | 本年收费金额（单位：万元） | | |',
  '| 行政事业性收费 | 0 | | |',
].join('\n');

const REVIEW_TABLE = [
  '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  '| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
  '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
  `| ${[1, ...zeros(3), 1, ...zeros(10)].join(' | ')} |`,
].join('\n');

export function draft2023(natural = { new: 7, carried: 2, disclosed: 4, total: 6, carryOver: 1 }, withProblems = false): string {
  return [
    '# 青山县自然资源局2023年政府信息公开工作年度报告',
    '',
    '本报告依照《中华人民共和国政府信息公开条例》编写，统计期限为2023年1月1日至2023年12月31日。',
    '',
    '一、总体情况',
    '',
    '（一）主动公开情况。全年通过门户网站发布各类信息300余条。',
    '',
    '（二）依申请公开情况。全年新收申请7件，均在法定期限内答复。',
    '',
    '二、主动公开政府信息情况',
    '',
    PROACTIVE_TABLE,
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    requestTable(natural),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    REVIEW_TABLE,
    '',
    ...(withProblems ? ['五、存在的主要问题及改进情况', '', '部分栏目更新不够及时，下一步将建立定期巡查机制。', ''] : []),
    '六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

export const DRAFT_2023 = draft2023();
