// table-shape: a national table must have the rows and columns of the format. Rows dropped or
// added (孝感's 其他主动公开文件 under 第二十条第（一）项), rows with a value too many or too few, and
// a table the part should hold but that cannot be found.

import type { Range, TableRow } from '../model';
import type { FoundRow, NationalTable } from '../facts/types';
import type { Rule, RuleContext } from './types';
import { rowColumns } from '../facts/tables';

export const rule: Rule = {
  meta: {
    id: 'table-shape',
    title: '统计表行列结构',
    titleEn: 'National table rows and columns',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '按国家格式核对统计表的行与列：缺少的行、格式中没有的行（如在第二十条第（一）项下自行增加的行）、数值个数多于或少于应有栏数的行；' +
      '对应部分中找不到统计表时也予提示。2014—2018 年统计表各地版本不一，只核对其求和关系，不检查行列。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式',
  },
  check(ctx) {
    // A PDF conversion breaks rows and headings by itself (input-quality says so once).
    if (ctx.facts.conversion) return;
    for (const table of ctx.facts.nationalTables) {
      if (table.spec.loose) continue;
      checkTable(ctx, table);
    }
    reportAbsentTables(ctx);
  },
};

const MAX_SINGLE_MISSING = 3;

function checkTable(ctx: RuleContext, table: NationalTable): void {
  const spec = table.spec;
  const name = spec.title;
  // Many rows missing at once is one problem (a table pasted incompletely): one finding lists them.
  if (table.missingRows.length > MAX_SINGLE_MISSING) {
    const labels = table.missingRows.map((r) => `“${r.label}”`);
    ctx.report({
      message: `${name}缺少 ${labels.length} 行：${labels.slice(0, 6).join('、')}${labels.length > 6 ? ' 等' : ''}（国家格式规定的行不能删减，无数据时填 0）`,
      range: { start: table.range.start, end: table.range.start },
      data: { table: spec.id, rows: table.missingRows.map((r) => r.id) },
    });
  }
  // A missing row is reported where it should have been: after the nearest row read before it.
  for (const missing of table.missingRows.length > MAX_SINGLE_MISSING ? [] : table.missingRows) {
    const i = spec.rows.indexOf(missing);
    let anchor: Range = { start: table.range.start, end: table.range.start };
    for (let j = i - 1; j >= 0; j--) {
      const prev = table.rows.get(spec.rows[j].id);
      if (prev) {
        anchor = prev.row.labels[prev.row.labels.length - 1]?.range ?? prev.row.range;
        break;
      }
    }
    ctx.report({
      message: `${name}缺少“${missing.label}”行（国家格式规定的行不能删减，无数据时填 0）`,
      range: anchor,
      data: { table: spec.id, row: missing.id },
    });
  }
  for (const found of table.rows.values()) {
    const label = found.spec.label;
    const expected = spec.shape === 'single-row' ? spec.columns.length : rowColumns(spec, found.spec).length;
    if (found.missingColumns.length > 0) {
      const have = expected - found.missingColumns.length;
      ctx.report({
        message: `${name}“${label}”${spec.shape === 'single-row' ? '' : '行'}应有 ${expected} 个数值，实际只有 ${have} 个`,
        range: found.row.labels[0]?.range ?? found.row.range,
        data: { table: spec.id, row: found.spec.id, expected, actual: have },
      });
    }
    if (found.extraValues.length > 0) {
      const have = expected + found.extraValues.length;
      ctx.report({
        message: `${name}“${label}”${spec.shape === 'single-row' ? '' : '行'}应有 ${expected} 个数值，实际有 ${have} 个，多出的数值无法对应到栏目`,
        range: found.extraValues[0].range,
        data: { table: spec.id, row: found.spec.id, expected, actual: have },
      });
    }
  }
  // Rows by their labels as written, to tell a row pasted twice from a row of one's own.
  const labelKey = (row: TableRow) => row.labels.map((c) => c.norm).join('|');
  const foundByLabels = new Map<string, FoundRow>();
  for (const found of table.rows.values()) foundByLabels.set(labelKey(found.row), found);
  for (const row of table.unknownRows) {
    const label = row.labels.map((c) => c.text).join(' ');
    const twin = row.labels.length > 0 ? foundByLabels.get(labelKey(row)) : undefined;
    ctx.report({
      message: twin
        ? `“${label}”与第 ${twin.row.line + 1} 行重复：${name}中这一行只应出现一次`
        : `“${label}”不是${name}国家格式中的行，统计表不应自行增加栏目`,
      range: row.labels[0]?.range ?? row.range,
      related: twin ? [{ range: twin.row.range, message: `“${twin.spec.label}”第一次出现` }] : undefined,
      data: { table: spec.id, ...(twin && { duplicateOf: twin.spec.id }) },
    });
  }
}

/** A part that owns a national table (by the profile) but holds no table that could be read. */
function reportAbsentTables(ctx: RuleContext): void {
  // A table found in a flattened page but not read (table-unreadable says so) is not absent.
  const present = new Set([...ctx.facts.nationalTables.map((t) => t.spec.id), ...ctx.facts.unreadableTables.map((t) => t.tableId)]);
  for (const part of ctx.facts.parts) {
    if (part.duplicateOf) continue;
    for (const id of part.spec.tables ?? []) {
      if (present.has(id)) continue;
      const spec = ctx.profile.tables.find((t) => t.id === id);
      if (!spec || spec.loose) continue;
      ctx.report({
        message: `“${part.heading.title}”部分未找到${spec.title}（国家格式要求以统计表报告本部分数据）`,
        range: part.heading.range,
        data: { table: id },
      });
    }
  }
}
