// National tables of the 2021 format (国办公开办函〔2021〕30号), as data.
// Table ids (referenced by PartSpec.tables in profiles/gov2021.ts):
//   gov2021-proactive  part 二 主动公开政府信息情况 (第二十条第（一）（五）（六）（八）项)
//   gov2021-requests   part 三 收到和处理政府信息公开申请情况 (25 data rows × 7 columns)
//   gov2021-review     part 四 政府信息公开行政复议、行政诉讼情况 (one row of 15 values)

import type { TableSpec } from '../types';
import {
  renderProactiveTemplate,
  renderRequestTemplate,
  requestChecks,
  requestRows,
  T3_COLUMNS,
  T3_SIGNATURE,
  T4_CHECKS,
  T4_COLUMNS,
  T4_ROWS,
  T4_SIGNATURE,
  T4_TEMPLATE,
} from './build';

const FORMAT = '国办公开办函〔2021〕30号';

const DOC_COLS = ['issued', 'repealed', 'valid'];

const proactive: TableSpec = {
  id: 'gov2021-proactive',
  title: '主动公开政府信息情况表',
  shape: 'grid',
  columns: [
    { id: 'issued', label: '本年制发件数' },
    { id: 'repealed', label: '本年废止件数' },
    { id: 'valid', label: '现行有效件数' },
    { id: 'decisions', label: '本年处理决定数量' },
    { id: 'amount', label: '本年收费金额（单位：万元）', unit: '万元' },
  ],
  rows: [
    { id: 'item-1', label: '第二十条第（一）项', isCaption: true },
    { id: 'regulations', label: '规章', columns: DOC_COLS },
    { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'], columns: DOC_COLS },
    { id: 'item-5', label: '第二十条第（五）项', isCaption: true },
    { id: 'licensing', label: '行政许可', columns: ['decisions'] },
    { id: 'item-6', label: '第二十条第（六）项', isCaption: true },
    { id: 'penalty', label: '行政处罚', columns: ['decisions'] },
    { id: 'enforcement', label: '行政强制', columns: ['decisions'] },
    { id: 'item-8', label: '第二十条第（八）项', isCaption: true },
    { id: 'fees', label: '行政事业性收费', columns: ['amount'] },
  ],
  // The format prints no sum for part 二; 现行有效件数 depends on the previous year's figure.
  checks: [],
  decimalColumns: ['amount'],
  partHint: ['主动公开'],
  signature: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  template: renderProactiveTemplate([
    { caption: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: ['规章', '行政规范性文件'] },
    { caption: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: ['行政许可'] },
    { caption: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
    { caption: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: ['行政事业性收费'] },
  ]),
};

const REQUEST_ROWS = requestRows(true);

const requests: TableSpec = {
  id: 'gov2021-requests',
  title: '收到和处理政府信息公开申请情况表',
  shape: 'grid',
  columns: T3_COLUMNS,
  rows: REQUEST_ROWS,
  checks: requestChecks(REQUEST_ROWS),
  partHint: ['申请'],
  signature: [...T3_SIGNATURE, '申请人逾期未按收费通知要求缴纳费用'],
  template: renderRequestTemplate(REQUEST_ROWS),
};

const review: TableSpec = {
  id: 'gov2021-review',
  title: '政府信息公开行政复议、行政诉讼情况表',
  shape: 'single-row',
  columns: T4_COLUMNS,
  rows: T4_ROWS,
  checks: T4_CHECKS,
  partHint: ['行政复议', '行政诉讼'],
  signature: T4_SIGNATURE,
  template: T4_TEMPLATE,
};

/** Where the tables come from, for hover texts. */
export const GOV2021_TABLE_BASIS = FORMAT;

export const GOV2021_TABLES: TableSpec[] = [proactive, requests, review];
