// The key figures of each format, as data: what the report overview shows at the top and where each
// figure is read. The 2019 and 2021 tables share their part 三 and part 四 rows (tables/build.ts), so
// one builder serves both; the pre-2019 统计表 has rows of its own. Figures the tables do not hold
// (主动公开 in total, 信息处理费) are read from the prose, as the reports state them.

import type { KeyFigureProse, KeyFigureSpec } from './types';

const PROACTIVE_PROSE: KeyFigureProse = {
  // 主动公开政府信息 12,846 条, 主动公开我区各级单位政府信息 2645 条: the words between vary, but
  // they name government information in general (主动公开采购信息 25 条 is one field's figure).
  keywords: ['主动公开'],
  units: ['条'],
  within: 14,
  between: { exactly: ['', '信息', '各类信息', '各类政府信息'], endingWith: ['政府信息'] },
};

const FEE_PROSE: KeyFigureProse = {
  keywords: ['信息处理费', '处理费'],
  units: ['元', '万元'],
  none: ['未收取', '无收取', '没有收取', '不收取', '未发生收取', '未产生', '未收费', '零收费'],
  // A sentence citing the 管理办法 or a notice about the fee says nothing about what was collected.
  ignore: ['管理办法', '有关事项的通知', '有关规定'],
};

const cell = (table: string, row: string, column: string) => ({ cells: { table, cells: [{ row, column }] } });

/** The 2019 and 2021 formats: table ids `<prefix>-proactive`, `-requests`, `-review`. */
export function nationalKeyFigures(prefix: 'gov2019' | 'gov2021', issuedColumn: string): KeyFigureSpec[] {
  const pro = `${prefix}-proactive`;
  const req = `${prefix}-requests`;
  const rev = `${prefix}-review`;
  return [
    { id: 'proactive-total', label: '主动公开政府信息', from: [{ prose: PROACTIVE_PROSE }] },
    { id: 'proactive-regulations', label: '规章（本年）', unit: '件', from: [cell(pro, 'regulations', issuedColumn)] },
    { id: 'proactive-normative', label: '行政规范性文件（本年）', unit: '件', from: [cell(pro, 'normative', issuedColumn)] },
    { id: 'requests-new', label: '本年新收申请', unit: '件', from: [cell(req, 'new', 'total')] },
    { id: 'requests-carried', label: '上年结转申请', unit: '件', from: [cell(req, 'carried', 'total')] },
    { id: 'requests-done', label: '本年办理结果总计', unit: '件', from: [cell(req, 'total', 'total')] },
    { id: 'requests-carry-over', label: '结转下年度继续办理', unit: '件', from: [cell(req, 'carry-over', 'total')] },
    { id: 'review-total', label: '行政复议', unit: '件', from: [cell(rev, 'values', 'review-total')] },
    {
      id: 'litigation-total',
      label: '行政诉讼',
      unit: '件',
      from: [
        {
          cells: {
            table: rev,
            cells: [
              { row: 'values', column: 'direct-total' },
              { row: 'values', column: 'after-total' },
            ],
          },
        },
      ],
    },
    { id: 'fee', label: '信息处理费', from: [{ prose: FEE_PROSE }] },
  ];
}

/** The pre-2019 统计表 (one value per item): what it has, the prose where it has not. */
export const LEGACY_KEY_FIGURES: KeyFigureSpec[] = [
  { id: 'proactive-total', label: '主动公开政府信息', unit: '条', from: [cell('legacy-statistics', 'proactive', 'count'), { prose: PROACTIVE_PROSE }] },
  { id: 'requests-new', label: '收到申请', unit: '件', from: [cell('legacy-statistics', 'received', 'count')] },
  { id: 'requests-concluded', label: '申请办结', unit: '件', from: [cell('legacy-statistics', 'concluded', 'count')] },
  { id: 'review-total', label: '行政复议', unit: '件', from: [cell('legacy-statistics', 'reviews', 'count')] },
  { id: 'litigation-total', label: '行政诉讼', unit: '件', from: [cell('legacy-statistics', 'suits', 'count')] },
  { id: 'request-fees', label: '依申请公开收取的费用', unit: '万元', from: [cell('legacy-statistics', 'fees', 'count'), { prose: FEE_PROSE }] },
];
