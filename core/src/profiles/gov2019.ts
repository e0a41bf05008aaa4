// The trial format of 国办公开办函〔2019〕60号, for reports on 2019 and 2020: the same six
// parts as 2021, but older part-二 columns, a 第二十条第（九）项 sub-table and a single-row （六）其他处理.

import { sixParts } from './common-parts';
import { GOV2019_TABLES } from './tables/gov2019';
import type { FormatMarker, Profile } from './types';
import { nationalKeyFigures } from './key-figures';

const FORMAT = '国办公开办函〔2019〕60号';

// Words that only the 2021 tables print: in a 2019/2020 report they betray a table taken from a later year.
const MARK_2021 = (text: string, what: string): FormatMarker => ({
  text,
  belongsTo: 'gov-2021',
  message: `「${text}」是 2021 年格式（国办公开办函〔2021〕30号）的${what}，2019、2020 年度报告应使用 60号试行格式`,
});

export const GOV2019: Profile = {
  id: 'gov-2019',
  name: '2019 年试行格式',
  description: '2019、2020 年度的政府信息公开工作年度报告：六个部分、三张统计表（国办公开办函〔2019〕60号，试行）。',
  basis: FORMAT,
  years: { from: 2019, to: 2020 },
  citations: ['〔2019〕60号'],
  formatName: '2019 年试行格式（国办公开办函〔2019〕60号）',
  prescribed: true,
  annualReport: true,
  parts: sixParts({
    format: FORMAT,
    topicSuffix: '方面',
    tables: { proactive: ['gov2019-proactive'], requests: ['gov2019-requests'], review: ['gov2019-review'] },
  }),
  tables: GOV2019_TABLES,
  keyFigures: nationalKeyFigures('gov2019', 'made'),
  foreignMarkers: [
    MARK_2021('本年制发件数', '表二栏目'),
    MARK_2021('本年废止件数', '表二栏目'),
    MARK_2021('现行有效件数', '表二栏目'),
    MARK_2021('本年收费金额', '表二栏目'),
    MARK_2021('申请人逾期未按收费通知要求缴纳费用', '表三行'),
  ],
  headingStyle: { level2: 'paren-cn' },
};
