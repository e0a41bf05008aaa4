// For texts that are not annual reports (half-year summaries, self-assessments, other 政务公开
// material): no statutory parts and no national tables, so only the generic checks apply.

import type { Profile } from './types';

export const GENERIC: Profile = {
  id: 'generic',
  name: '通用检查',
  description: '不是政府信息公开工作年度报告的文稿：只做标题编号、数字、标点等通用检查，不检查年报的法定部分和统计表。',
  basis: 'GB/T 9704—2012《党政机关公文格式》',
  annualReport: false,
  parts: [],
  tables: [],
  foreignMarkers: [],
  headingStyle: { level2: 'paren-cn' },
};
