// Building blocks shared by the gov-2019 and gov-2021 profiles: both formats keep the six
// parts of 《条例》第五十条 with the same titles; they differ in tables, basis and part 六.

import type { PartSpec } from './types';

/** The body inserted under a new heading: an HTML comment (invisible once rendered, never
 * flagged as a leftover placeholder) that tells the writer what the part must say. */
export function guidanceTemplate(guidance: string): string {
  return `<!-- ${guidance} -->\n`;
}

export interface SixPartOptions {
  /** The national format document, e.g. 国办公开办函〔2021〕30号. */
  format: string;
  /** Table ids per part id. */
  tables: Partial<Record<string, string[]>>;
  /** Suffix of the standard part-一 sub-headings: 情况 (淮安 style) or 方面 (上海 style). */
  topicSuffix: '情况' | '方面';
  /** Extra data for part 六. */
  otherExtras?: Partial<PartSpec>;
}

const TOPICS = ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'];

export function sixParts(o: SixPartOptions): PartSpec[] {
  const other = o.topicSuffix === '情况' ? '方面' : '情况';
  const subheadingAliases: Record<string, string[]> = {};
  for (const t of TOPICS) {
    const extra = t === '平台建设' || t === '监督保障' ? [`政府信息公开${t}${o.topicSuffix}`, `政府信息公开${t}${other}`] : [];
    subheadingAliases[t + o.topicSuffix] = [t + other, ...extra];
  }
  const parts: PartSpec[] = [
    {
      id: 'overview',
      title: '总体情况',
      aliases: ['总体情况概述', '工作总体情况', '总体工作情况', '基本情况', '基本工作情况', '概述'],
      keywords: [['总体', '概述', '综述', '基本情况', '基本工作情况']],
      basis: `《条例》第五十条第（一）项；${o.format}`,
      guidance:
        '综述本机关贯彻落实《条例》的总体情况，分主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面报告；各级人民政府还要在监督保障中报告工作考核、社会评议和责任追究结果情况。',
      template: '',
      subheadings: TOPICS.map((t) => t + o.topicSuffix),
      subheadingAliases,
    },
    {
      id: 'proactive',
      title: '主动公开政府信息情况',
      aliases: ['行政机关主动公开政府信息情况', '行政机关主动公开政府信息的情况', '主动公开政府信息的情况', '主动公开情况'],
      keywords: [['主动公开']],
      basis: `《条例》第五十条第（一）项、第二十条；${o.format}`,
      guidance: '按统一格式填报第二十条第（一）（五）（六）（八）项等主动公开数据表，数据统计期限为本年度1月1日至12月31日。',
      template: '',
    },
    {
      id: 'requests',
      title: '收到和处理政府信息公开申请情况',
      aliases: ['行政机关收到和处理政府信息公开申请情况', '行政机关收到和处理政府信息公开申请的情况', '收到和处理政府信息公开申请的情况'],
      keywords: [['申请'], ['收到', '处理', '办理', '受理']],
      basis: `《条例》第五十条第（二）项；${o.format}`,
      guidance: '按统一格式填报收到和处理政府信息公开申请情况表，表中须满足“第一项加第二项之和，等于第三项加第四项之和”。',
      template: '',
    },
    {
      id: 'review',
      title: '政府信息公开行政复议、行政诉讼情况',
      aliases: [
        '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
        '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
        '因政府信息公开申请行政复议、提起行政诉讼的情况',
        '政府信息公开行政复议和行政诉讼情况',
        '行政复议、行政诉讼情况',
      ],
      // Either word is enough: 四、行政复议情况 alone is still this part (and the typo 行政法复议 keeps 复议).
      keywords: [['复议', '诉讼']],
      basis: `《条例》第五十条第（三）项；${o.format}`,
      guidance: '按统一格式填报行政复议、行政诉讼情况表（行政复议，未经复议直接起诉，复议后起诉，各分结果维持、结果纠正、其他结果、尚未审结、总计）。',
      template: '',
    },
    {
      id: 'problems',
      title: '存在的主要问题及改进情况',
      aliases: [
        '政府信息公开工作存在的主要问题及改进情况',
        '存在问题及改进情况',
        '主要问题及改进情况',
        '存在的主要问题及改进措施',
        '存在的问题及改进措施',
      ],
      keywords: [['问题', '不足', '短板']],
      basis: `《条例》第五十条第（四）项；${o.format}`,
      guidance: '如实说明本年度工作存在的主要问题、上一年度问题的改进情况和下一步改进措施；各级人民政府还应报告工作考核、社会评议和责任追究结果情况。',
      template: '',
    },
    {
      id: 'other',
      title: '其他需要报告的事项',
      aliases: ['其他需要报告事项', '其他需要说明的事项', '需要说明的其他事项', '其他事项'],
      keywords: [['其他', '其它'], ['事项', '说明']],
      basis: `《条例》第五十条第（五）项；${o.format}`,
      guidance: '报告其他需要报告的事项，如人大代表建议和政协提案办理结果公开、年度政务公开工作要点落实情况等。',
      template: '',
      ...o.otherExtras,
    },
  ];
  for (const p of parts) {
    p.tables = o.tables[p.id];
    if (!p.template) p.template = guidanceTemplate(p.guidance);
  }
  return parts;
}
