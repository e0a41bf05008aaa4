// Builders shared by the table specs: the part 三 and part 四 tables are the same in the 2019 and
// 2021 formats except for （六）其他处理, and every template is rendered from the spec's own rows so
// the inserted table can never disagree with what the checker expects.

import type { ColumnSpec, RowSpec, SumCheck, TableSpec } from '../types';

// ---------------------------------------------------------------- part 三 (申请 table)

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const T3_COLUMNS: ColumnSpec[] = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'welfare', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other-org', label: '其他' },
  { id: 'total', label: '总计' },
];

const leaves = (group: string, shortGroup: string, labels: string[]): RowSpec[] =>
  labels.map((label, i) => ({
    id: `${group}-${i + 1}`,
    label: `${i + 1}.${label}`,
    group,
    short: `${shortGroup}${i + 1}`,
  }));

/** Rows of the part 三 table; `otherSplit` is true for the 2021 format, where （六） has three sub-rows. */
export function requestRows(otherSplit: boolean): RowSpec[] {
  const rows: RowSpec[] = [
    { id: 'new', label: '一、本年新收政府信息公开申请数量', short: '一' },
    { id: 'carried', label: '二、上年结转政府信息公开申请数量', short: '二' },
    { id: 'results', label: '三、本年度办理结果', isGroup: true, short: '三' },
    { id: 'disclosed', label: '（一）予以公开', group: 'results', short: '三（一）' },
    {
      id: 'partly',
      label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      group: 'results',
      short: '三（二）',
    },
    { id: 'withheld', label: '（三）不予公开', group: 'results', isGroup: true, short: '三（三）' },
    ...leaves('withheld', '（三）', [
      '属于国家秘密',
      '其他法律行政法规禁止公开',
      '危及“三安全一稳定”',
      '保护第三方合法权益',
      '属于三类内部事务信息',
      '属于四类过程性信息',
      '属于行政执法案卷',
      '属于行政查询事项',
    ]),
    { id: 'unable', label: '（四）无法提供', group: 'results', isGroup: true, short: '三（四）' },
    ...leaves('unable', '（四）', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确']),
    { id: 'rejected', label: '（五）不予处理', group: 'results', isGroup: true, short: '三（五）' },
    ...leaves('rejected', '（五）', [
      '信访举报投诉类申请',
      '重复申请',
      '要求提供公开出版物',
      '无正当理由大量反复申请',
      '要求行政机关确认或重新出具已获取信息',
    ]),
  ];
  if (otherSplit) {
    rows.push(
      { id: 'other', label: '（六）其他处理', group: 'results', isGroup: true, short: '三（六）' },
      ...leaves('other', '（六）', [
        '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '其他',
      ]),
    );
  } else {
    rows.push({ id: 'other', label: '（六）其他处理', group: 'results', short: '三（六）' });
  }
  rows.push(
    { id: 'total', label: '（七）总计', group: 'results', short: '三（七）' },
    { id: 'carry-over', label: '四、结转下年度继续办理', short: '四' },
  );
  return rows;
}

/** The sums of the part 三 table (T3-COL printed in the format; T3-ROW, T3-SUB and group sums derived). */
export function requestChecks(rows: RowSpec[]): SumCheck[] {
  const leafIds = rows
    .filter((r) => r.group && !r.isGroup && r.id !== 'total')
    .map((r) => r.id)
    // （六） without sub-rows (2019) is itself a leaf; sub-rows of groups are leaves; group rows are not.
    .filter((id) => id !== 'total');
  const groups = rows.filter((r) => r.isGroup && r.group === 'results');
  const checks: SumCheck[] = [
    {
      id: 'T3-COL',
      axis: 'column',
      left: ['new', 'carried'],
      right: ['total', 'carry-over'],
      formula: '一 + 二 = 三（七）+ 四',
      basis: `表内印制的勾稽关系${T3_NOTE}`,
    },
    {
      id: 'T3-ROW',
      axis: 'row',
      left: ['total'],
      right: ['natural', 'business', 'research', 'welfare', 'legal', 'other-org'],
      formula: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
      basis: '由表格结构推得：“总计”列是申请人各列之和',
      leftName: '总计',
      rightName: '申请人各列之和',
    },
    {
      id: 'T3-SUB',
      axis: 'column',
      left: ['total'],
      right: leafIds,
      formula: '三（七）总计 = （一）+（二）+（三）至（六）各小项之和',
      basis: '由表格结构推得：每件申请只计一种办理结果（“区分处理的，只计这一情形”）',
      leftName: '三（七）总计',
      rightName: '各办理结果之和',
    },
  ];
  for (const g of groups) {
    const children = rows.filter((r) => r.group === g.id).map((r) => r.id);
    const name = g.short ?? g.label;
    checks.push({
      id: `T3-GROUP-${g.id}`,
      axis: 'column',
      left: [g.id],
      right: children,
      formula: `${name} = 其各小项之和`,
      basis: '由表格结构推得：分组行格式中不填数；如填写，应等于其各小项之和',
      leftName: name,
      rightName: `${name}各小项之和`,
    });
  }
  return checks;
}

export const T3_SIGNATURE = [
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '本年度办理结果',
  '结转下年度继续办理',
  '法律服务机构',
];

// ---------------------------------------------------------------- part 四 (复议/诉讼 table)

const T4_GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '行政诉讼·未经复议直接起诉' },
  { id: 'after', label: '行政诉讼·复议后起诉' },
];
const T4_OUTCOMES = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
];

export const T4_COLUMNS: ColumnSpec[] = T4_GROUPS.flatMap((g) =>
  T4_OUTCOMES.map((o) => ({ id: `${g.id}-${o.id}`, label: `${g.label}${o.label}`, short: o.label })),
);

export const T4_ROWS: RowSpec[] = [{ id: 'values', label: '行政复议、行政诉讼情况', short: '' }];

export const T4_CHECKS: SumCheck[] = T4_GROUPS.map((g) => ({
  id: `T4-${g.id}`,
  axis: 'row',
  left: [`${g.id}-total`],
  right: ['upheld', 'corrected', 'other', 'pending'].map((o) => `${g.id}-${o}`),
  formula: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  basis: '由表格结构推得：每组“总计”是四种结果之和',
  label: g.label.replace('·', '（') + (g.label.includes('·') ? '）' : ''),
  leftName: '总计',
}));

export const T4_SIGNATURE = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '尚未审结'];

export const T4_TEMPLATE = [
  '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  '| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
  '| ' + [0, 1, 2].map(() => T4_OUTCOMES.map((o) => o.label).join(' | ')).join(' | ') + ' |',
  '| ' + Array(15).fill('0').join(' | ') + ' |',
].join('\n');

// ---------------------------------------------------------------- templates

/** Part 三: two label columns (merged cells written empty), seven value columns, zero-filled. */
export function renderRequestTemplate(rows: RowSpec[]): string {
  const cols = T3_COLUMNS.map((c) => c.label);
  const out = [
    `| ${T3_NOTE} | | 申请人情况 | | | | | | |`,
    '|---|---|---|---|---|---|---|---|---|',
    '| | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    `| | | | ${cols.slice(1, 6).join(' | ')} | |`,
  ];
  const zeros = cols.map(() => '0').join(' | ');
  let pendingGroup = '';
  for (const r of rows) {
    if (r.isGroup) {
      // A group prints no numbers: its label opens the first sub-row, like a merged cell.
      pendingGroup = r.label;
      continue;
    }
    if (!r.group) {
      out.push(`| ${r.label} | | ${zeros} |`);
      continue;
    }
    out.push(`| ${pendingGroup} | ${r.label} | ${zeros} |`.replace('|  |', '| |'));
    pendingGroup = '';
  }
  return out.join('\n');
}

/** Part 二: caption row, header row and data rows for each 第二十条 item (sub-tables share one grid). */
export function renderProactiveTemplate(
  blocks: { caption: string; columns: string[]; rows: string[] }[],
  width = 4,
): string {
  const pad = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`.replace(/\| {2}\|/g, '| |');
  const out: string[] = [];
  blocks.forEach((b, i) => {
    out.push(pad([b.caption]));
    if (i === 0) out.push(`|${'---|'.repeat(width)}`);
    out.push(pad(['信息内容', ...b.columns]));
    for (const r of b.rows) out.push(pad([r, ...b.columns.map(() => '0')]));
  });
  return out.join('\n');
}

/** A one-value-per-row statistical table (统计指标 | 单位 | 统计数), zero-filled. */
export function renderItemTemplate(rows: RowSpec[]): string {
  const out = ['| 统计指标 | 单位 | 统计数 |', '|---|---|---|'];
  for (const r of rows) {
    if (r.isGroup || r.isCaption) out.push(`| ${r.label} | | |`);
    else out.push(`| ${r.label} | ${r.unit ?? ''} | 0 |`);
  }
  return out.join('\n');
}

export type { TableSpec };
