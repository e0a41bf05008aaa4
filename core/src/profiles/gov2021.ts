// The format of 国办公开办函〔2021〕30号, for reports on 2021 and later years: six parts,
// three national tables, 信息处理费 reported in part 六.

import { sixParts } from './common-parts';
import { GOV2021_TABLES } from './tables/gov2021';
import type { FormatMarker, Profile } from './types';
import { nationalKeyFigures } from './key-figures';

const FORMAT = '国办公开办函〔2021〕30号';

// Words that only the 2019 (试行) tables print: finding them in a 2021-format report means an
// old table was copied.
const MARK_2019 = (text: string, what: string): FormatMarker => ({
  text,
  belongsTo: 'gov-2019',
  message: `「${text}」是 2019 年试行格式（国办公开办函〔2019〕60号）的${what}，2021 年起的报告应使用 30号格式`,
});

export const GOV2021: Profile = {
  id: 'gov-2021',
  name: '2021 年统一格式',
  description: '2021 年度及以后的政府信息公开工作年度报告：六个部分、三张统计表（国办公开办函〔2021〕30号）。',
  basis: FORMAT,
  years: { from: 2021 },
  citations: ['〔2021〕30号'],
  formatName: '2021 年格式（国办公开办函〔2021〕30号）',
  prescribed: true,
  annualReport: true,
  parts: sixParts({
    format: FORMAT,
    topicSuffix: '情况',
    tables: { proactive: ['gov2021-proactive'], requests: ['gov2021-requests'], review: ['gov2021-review'] },
    otherExtras: {
      guidance:
        '报告其他需要报告的事项；按 30号格式，收取信息处理费的情况在本部分报告（未收取的也写明“未收取信息处理费”）。',
      mustMention: [
        {
          // 信息处理费 is the only fee the 条例 allows: "未收取任何费用" (also "未向申请人收取任何费用") says it was not charged.
          any: ['信息处理费', '处理费', '收取任何费用', '收取费用', '未收取任何费', '未收费', '零收费'],
          ruleId: 'fee-statement',
          message: '按 30号格式，第六部分应说明本年度是否收取信息处理费（未收取的写明“未收取信息处理费”）',
        },
      ],
    },
  }),
  tables: GOV2021_TABLES,
  keyFigures: nationalKeyFigures('gov2021', 'issued'),
  foreignMarkers: [
    MARK_2019('第二十条第（九）项', '表二子表'),
    MARK_2019('采购项目数量', '表二栏目'),
    MARK_2019('本年新制作数量', '表二栏目'),
    MARK_2019('本年新公开数量', '表二栏目'),
    MARK_2019('对外公开总数量', '表二栏目'),
    MARK_2019('上一年项目数量', '表二栏目'),
    MARK_2019('其他对外管理服务事项', '表二行'),
  ],
  headingStyle: { level2: 'paren-cn' },
};
