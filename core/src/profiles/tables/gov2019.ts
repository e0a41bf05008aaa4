// National tables of the 2019 (试行) format (国办公开办函〔2019〕60号), reports for 2019 and 2020, as data.
// Table ids (referenced by PartSpec.tables in profiles/gov2019.ts):
//   gov2019-proactive  part 二 (第二十条第（一）（五）（六）（八）（九）项)
//   gov2019-requests   part 三 (23 data rows × 7 columns: （六）其他处理 is a single row)
//   gov2019-review     part 四 (one row of 15 values, same as 2021)

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

const DOC_COLS = ['made', 'published', 'public-total'];
const ITEM_COLS = ['previous', 'change', 'decisions'];

const proactive: TableSpec = {
  id: 'gov2019-proactive',
  title: '主动公开政府信息情况表',
  shape: 'grid',
  columns: [
    { id: 'made', label: '本年新制作数量' },
    { id: 'published', label: '本年新公开数量' },
    { id: 'public-total', label: '对外公开总数量' },
    { id: 'previous', label: '上一年项目数量' },
    { id: 'change', label: '本年增/减' },
    { id: 'decisions', label: '处理决定数量' },
    { id: 'purchases', label: '采购项目数量' },
    { id: 'purchase-amount', label: '采购总金额' },
  ],
  rows: [
    { id: 'item-1', label: '第二十条第（一）项', isCaption: true },
    { id: 'regulations', label: '规章', columns: DOC_COLS },
    { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'], columns: DOC_COLS },
    { id: 'item-5', label: '第二十条第（五）项', isCaption: true },
    { id: 'licensing', label: '行政许可', columns: ITEM_COLS },
    { id: 'other-services', label: '其他对外管理服务事项', columns: ITEM_COLS },
    { id: 'item-6', label: '第二十条第（六）项', isCaption: true },
    { id: 'penalty', label: '行政处罚', columns: ITEM_COLS },
    { id: 'enforcement', label: '行政强制', columns: ITEM_COLS },
    { id: 'item-8', label: '第二十条第（八）项', isCaption: true },
    { id: 'fees', label: '行政事业性收费', columns: ['previous', 'change'] },
    { id: 'item-9', label: '第二十条第（九）项', isCaption: true },
    { id: 'procurement', label: '政府集中采购', columns: ['purchases', 'purchase-amount'] },
  ],
  checks: [],
  // The unit of 采购总金额 is not printed in the format; writers used 元 or 万元.
  decimalColumns: ['purchase-amount'],
  signedColumns: ['change'],
  partHint: ['主动公开'],
  signature: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项', '政府集中采购'],
  template: renderProactiveTemplate([
    { caption: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: ['规章', '规范性文件'] },
    { caption: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政许可', '其他对外管理服务事项'] },
    { caption: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政处罚', '行政强制'] },
    { caption: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: ['行政事业性收费'] },
    { caption: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: ['政府集中采购'] },
  ]),
};

const REQUEST_ROWS = requestRows(false);

const requests: TableSpec = {
  id: 'gov2019-requests',
  title: '收到和处理政府信息公开申请情况表',
  shape: 'grid',
  columns: T3_COLUMNS,
  rows: REQUEST_ROWS,
  checks: requestChecks(REQUEST_ROWS),
  partHint: ['申请'],
  signature: T3_SIGNATURE,
  template: renderRequestTemplate(REQUEST_ROWS),
};

const review: TableSpec = {
  id: 'gov2019-review',
  title: '政府信息公开行政复议、行政诉讼情况表',
  shape: 'single-row',
  columns: T4_COLUMNS,
  rows: T4_ROWS,
  checks: T4_CHECKS,
  partHint: ['行政复议', '行政诉讼'],
  signature: T4_SIGNATURE,
  template: T4_TEMPLATE,
};

export const GOV2019_TABLES: TableSpec[] = [proactive, requests, review];
