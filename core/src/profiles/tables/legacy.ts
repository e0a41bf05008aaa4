// The 2014–2018 统计表 (国办发〔2014〕32号 政府信息公开情况统计表), as data, for the legacy profile.
// Table id (for PartSpec.tables in profiles/legacy.ts, the part 需要说明的其他事项与统计表):
//   legacy-statistics  统计指标 | 单位 | 统计数, one value per item
// Reports before 2014 used local tables; the spec is `loose`, so only the sums of the items found
// are checked and no row is reported missing. 主动公开政府信息数 is NOT the sum of its channels: the
// table itself says 不同渠道和方式公开相同信息计1条.

import type { RowSpec, SumCheck, TableSpec } from '../types';
import { renderItemTemplate } from './build';

const g = (id: string, label: string): RowSpec => ({ id, label, isGroup: true });
const item = (id: string, label: string, unit: string, group?: string, extra: Partial<RowSpec> = {}): RowSpec => ({
  id,
  label,
  unit,
  group,
  short: label
    .replace(/^(其中[：:])?\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])?\s*/, '')
    .replace(/[（(][^（）()]*[）)]$/, ''),
  ...extra,
});

const ROWS: RowSpec[] = [
  g('s1', '一、主动公开情况'),
  item('proactive', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 's1'),
  item('proactive-normative', '其中：主动公开规范性文件数', '条', 'proactive'),
  item('normative-issued', '制发规范性文件总数', '件', 'proactive'),
  { ...g('channels', '（二）通过不同渠道和方式公开政府信息的情况'), group: 's1' },
  item('ch-gazette', '1.政府公报公开政府信息数', '条', 'channels'),
  item('ch-website', '2.政府网站公开政府信息数', '条', 'channels'),
  item('ch-weibo', '3.政务微博公开政府信息数', '条', 'channels'),
  item('ch-wechat', '4.政务微信公开政府信息数', '条', 'channels'),
  item('ch-other', '5.其他方式公开政府信息数', '条', 'channels'),
  g('s2', '二、回应解读情况'),
  item('responses', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', 's2'),
  { ...g('response-channels', '（二）通过不同渠道和方式回应解读的情况'), group: 's2' },
  item('press', '1.参加或举办新闻发布会总次数', '次', 'response-channels'),
  item('press-leaders', '其中：主要负责同志参加新闻发布会次数', '次', 'press'),
  item('interviews', '2.政府网站在线访谈次数', '次', 'response-channels'),
  item('interviews-leaders', '其中：主要负责同志参加政府网站在线访谈次数', '次', 'interviews'),
  item('explainers', '3.政策解读稿件发布数', '篇', 'response-channels'),
  item('weibo-responses', '4.微博微信回应事件数', '次', 'response-channels'),
  item('other-responses', '5.其他方式回应事件数', '次', 'response-channels'),
  g('s3', '三、依申请公开情况'),
  item('received', '（一）收到申请数', '件', 's3'),
  item('rcv-in-person', '1.当面申请数', '件', 'received'),
  item('rcv-fax', '2.传真申请数', '件', 'received'),
  item('rcv-online', '3.网络申请数', '件', 'received'),
  item('rcv-letter', '4.信函申请数', '件', 'received'),
  item('concluded', '（二）申请办结数', '件', 's3'),
  item('on-time', '1.按时办结数', '件', 'concluded'),
  item('extended', '2.延期办结数', '件', 'concluded'),
  item('answered', '（三）申请答复数', '件', 's3'),
  item('ans-published', '1.属于已主动公开范围数', '件', 'answered'),
  item('ans-agreed', '2.同意公开答复数', '件', 'answered'),
  item('ans-partly', '3.同意部分公开答复数', '件', 'answered'),
  item('ans-refused', '4.不同意公开答复数', '件', 'answered'),
  item('ref-state', '其中：涉及国家秘密', '件', 'ans-refused'),
  item('ref-commercial', '涉及商业秘密', '件', 'ans-refused'),
  item('ref-privacy', '涉及个人隐私', '件', 'ans-refused'),
  item('ref-security', '危及国家安全、公共安全、经济安全和社会稳定', '件', 'ans-refused'),
  item('ref-not-info', '不是《条例》所指政府信息', '件', 'ans-refused'),
  item('ref-other', '法律法规规定的其他情形', '件', 'ans-refused'),
  item('ans-elsewhere', '5.不属于本行政机关公开数', '件', 'answered'),
  item('ans-nonexistent', '6.申请信息不存在数', '件', 'answered'),
  item('ans-amend', '7.告知作出更改补充数', '件', 'answered'),
  item('ans-other-route', '8.告知通过其他途径办理数', '件', 'answered'),
  item('reviews', '四、行政复议数量', '件'),
  item('rev-upheld', '（一）维持具体行政行为数', '件', 'reviews'),
  item('rev-corrected', '（二）被依法纠错数', '件', 'reviews'),
  item('rev-other', '（三）其他情形数', '件', 'reviews'),
  item('suits', '五、行政诉讼数量', '件'),
  item('suit-upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 'suits'),
  item('suit-corrected', '（二）被依法纠错数', '件', 'suits'),
  item('suit-other', '（三）其他情形数', '件', 'suits'),
  item('complaints', '六、举报投诉数量', '件'),
  item('fees', '七、依申请公开信息收取的费用', '万元'),
  g('s8', '八、机构建设和保障经费情况'),
  item('offices', '（一）政府信息公开工作专门机构数', '个', 's8'),
  item('reading-points', '（二）设置政府信息公开查阅点数', '个', 's8'),
  item('staff', '（三）从事政府信息公开工作人员数', '人', 's8'),
  item('staff-full', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', 'staff'),
  item('staff-part', '2.兼职人员数', '人', 'staff'),
  item('budget', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面经费）', '万元', 's8'),
  g('s9', '九、政府信息公开会议和培训情况'),
  item('meetings', '（一）召开政府信息公开工作会议或专题会议数', '次', 's9'),
  item('trainings', '（二）举办各类培训班数', '次', 's9'),
  item('trainees', '（三）接受培训人员数', '人次', 's9'),
];

const sum = (id: string, total: string, parts: string[], formula: string, basis: string): SumCheck => ({
  id,
  axis: 'column',
  left: [total],
  right: parts,
  formula,
  basis,
});

const DERIVED = '由统计表的分项结构推得（各分项互不重叠、合起来即总数）';

const CHECKS: SumCheck[] = [
  sum('L-RECEIVED', 'received', ['rcv-in-person', 'rcv-fax', 'rcv-online', 'rcv-letter'], '收到申请数 = 当面 + 传真 + 网络 + 信函', DERIVED),
  sum('L-CONCLUDED', 'concluded', ['on-time', 'extended'], '申请办结数 = 按时办结数 + 延期办结数', DERIVED),
  sum('L-STAFF', 'staff', ['staff-full', 'staff-part'], '从事政府信息公开工作人员数 = 专职 + 兼职', DERIVED),
  sum('L-REVIEWS', 'reviews', ['rev-upheld', 'rev-corrected', 'rev-other'], '行政复议数量 = 维持 + 纠错 + 其他情形', DERIVED),
  sum('L-SUITS', 'suits', ['suit-upheld', 'suit-corrected', 'suit-other'], '行政诉讼数量 = 维持 + 纠错 + 其他情形', DERIVED),
];

const statistics: TableSpec = {
  id: 'legacy-statistics',
  title: '政府信息公开情况统计表',
  shape: 'grid',
  columns: [{ id: 'count', label: '统计数' }],
  rows: ROWS,
  checks: CHECKS,
  decimalRows: ['fees', 'budget'],
  loose: true,
  partHint: ['统计'],
  signature: ['收到申请数', '申请办结数', '申请答复数', '从事政府信息公开工作人员数', '政府信息公开专项经费'],
  template: renderItemTemplate(ROWS),
};

export const LEGACY_TABLES: TableSpec[] = [statistics];
