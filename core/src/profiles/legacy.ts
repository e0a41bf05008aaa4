// Reports on 2008–2018 under the 2007 条例 (国务院令第492号, 第三十二条). There was no national
// report format, only the 2014 statistics table (国办发〔2014〕32号), so titles vary a lot between
// localities: the aliases and keywords below carry that variety.

import { guidanceTemplate } from './common-parts';
import { LEGACY_TABLES } from './tables/legacy';
import type { PartSpec, Profile } from './types';
import { LEGACY_KEY_FIGURES } from './key-figures';

const ART = '2007年《条例》第三十二条';

// Which parts are demanded follows the 2007 条例 第三十二条: 主动公开, 依申请公开, 收费及减免, 复议与诉讼,
// 主要问题及改进, 其他需要报告的事项 (an attached 统计表 answers the last). 概述 was the practice of the
// time (a hint when missing); 工作机构、人员、经费 stood in the usual template but in no statute.
const parts: PartSpec[] = [
  {
    id: 'overview',
    title: '概述',
    aliases: ['总体情况', '总体情况概述', '总体公开工作情况概述', '基本情况', '基本工作情况', '工作概述'],
    keywords: [['概述', '总体', '综述', '基本情况', '基本工作情况']],
    basis: '2008—2018 年度报告的通行结构（2007年《条例》第三十二条未列此项）',
    demand: 'practice',
    guidance: '概述本年度政府信息公开工作的组织领导、制度建设和主要做法。',
    template: '',
  },
  {
    id: 'proactive',
    title: '主动公开政府信息情况',
    aliases: ['主动公开政府信息的情况', '行政机关主动公开政府信息的情况', '主动公开情况'],
    keywords: [['主动公开']],
    basis: `${ART}第（一）项`,
    guidance: '报告本年度主动公开政府信息的数量、类别和公开形式。',
    template: '',
  },
  {
    id: 'requests',
    title: '政府信息依申请公开办理情况',
    aliases: ['依申请公开政府信息情况', '依申请公开政府信息和不予公开政府信息的情况', '政府信息依申请公开情况', '政府信息依申请公开工作情况', '依申请公开情况'],
    keywords: [['依申请', '申请公开']],
    basis: `${ART}第（二）项`,
    guidance: '报告本年度收到政府信息公开申请的数量、办理结果和不予公开的情况。',
    template: '',
  },
  {
    id: 'fees',
    title: '政府信息公开的收费及减免情况',
    aliases: ['政府信息公开收费及减免情况', '收费及减免情况', '收费和减免情况'],
    keywords: [['收费', '减免']],
    coveredBy: [['收费', '减免', '费用'], ['依申请', '申请人', '政府信息公开', '提供政府信息']],
    basis: `${ART}第（三）项`,
    guidance: '报告依申请提供政府信息收取费用及减免的情况；未收费的也应写明。',
    template: '',
  },
  {
    id: 'review',
    title: '因政府信息公开申请行政复议、提起行政诉讼的情况',
    aliases: ['因政府信息公开申请行政复议、提起行政诉讼情况', '行政复议和诉讼情况', '行政复议、行政诉讼情况', '复议、诉讼和申诉的情况'],
    keywords: [['复议', '诉讼']],
    coveredBy: [['行政复议', '行政诉讼', '复议', '诉讼'], ['政府信息公开', '信息公开申请', '依申请']],
    basis: `${ART}第（四）项`,
    guidance: '报告因政府信息公开被申请行政复议、提起行政诉讼的数量和结果。',
    template: '',
  },
  {
    // Not one of the statutory items, but asked for by the 2014 statistics table (机构建设和保障经费情况)
    // and present in most reports of the period; reports that leave it out are not wrong in law.
    id: 'staffing',
    title: '政府信息公开工作机构、人员、经费的情况',
    aliases: ['政府信息公开工作机构、人员、经费情况', '机构、人员、经费情况', '工作机构、人员和经费情况', '机构建设和保障经费情况'],
    keywords: [['机构', '人员', '经费']],
    basis: '国办发〔2014〕32号《政府信息公开情况统计表》第八项（机构建设和保障经费情况）',
    guidance: '报告政府信息公开工作机构、专职兼职人员数和专项经费情况。',
    template: '',
    optional: true,
  },
  {
    id: 'problems',
    title: '存在的主要问题及改进措施',
    aliases: ['政府信息公开工作存在的主要问题及改进措施', '存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在问题及改进措施', '存在的主要问题和改进措施', '主要问题和改进措施', '存在问题和改进措施'],
    keywords: [['问题', '不足', '短板']],
    basis: `${ART}第（五）项`,
    guidance: '说明政府信息公开工作存在的主要问题和改进措施。',
    template: '',
  },
  {
    id: 'other',
    title: '需要说明的其他事项与统计表',
    aliases: ['需要说明的其他事项与统计报表', '其他需要报告的事项', '需要说明的事项与附表', '其他需要说明的事项', '其他事项', '政府信息公开情况统计表', '政府信息公开工作情况统计表', '统计表'],
    keywords: [['其他', '其它', '统计表', '统计报表', '附表'], ['事项', '说明', '统计表', '统计报表', '附表']],
    basis: `${ART}第（六）项`,
    guidance: '说明其他需要报告的事项，并附政府信息公开情况统计表。',
    template: '',
    tables: ['legacy-statistics'],
  },
];
for (const p of parts) p.template = guidanceTemplate(p.guidance);

export const LEGACY: Profile = {
  id: 'legacy',
  name: '2018 年及以前的年报',
  description: '2008—2018 年度的政府信息公开工作年度报告（2007 年《条例》第三十二条，无全国统一格式）。',
  basis: '《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条；国办发〔2014〕32号',
  years: { to: 2018 },
  formatName: '2014—2018 年政府信息公开情况统计表',
  annualReport: true,
  parts,
  tables: LEGACY_TABLES,
  keyFigures: LEGACY_KEY_FIGURES,
  foreignMarkers: [],
  headingStyle: { level2: 'paren-cn' },
};
