// A national table exactly as the template has it: the labels unchanged and every figure still the
// template's 0 (or blank), in a draft that is not finished (all its tables are so, or a part is
// still empty). Inserted by 新建年度报告, a snippet or a fix and never filled in. Only an
// information: a small body may truly have had no request and no case all year.

import type { NationalTable } from '../facts/types';
import { isDelimiterRow } from '../parse/tables';
import { normalizeLabel } from '../text/normalize';
import type { Rule } from './types';
import { headingLabel } from '../analysis/structure-util';
import { partHasContent, partLines } from '../analysis/part-content';

export const rule: Rule = {
  meta: {
    id: 'table-unfilled',
    title: '统计表仍是模板',
    titleEn: 'National table left as the template',
    category: 'table',
    defaultSeverity: 'info',
    fixable: false,
    description:
      '全国统一统计表与模板完全相同（行列标签未改，数字全部仍是模板中的 0 或空白），而且报告还没写完（全部统计表都是模板原样，或有部分还没有内容）时，逐表提示并说明所在部分：多半是插入模板后尚未填写。其余部分都已写好时，一张全为 0 的表（如本年度没有行政复议、行政诉讼案件）不提示。本年度确实全部为 0 的，可以忽略或在该行前用 `<!-- nianbao-disable-next-line table-unfilled -->` 关闭。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附统计表',
  },
  check(ctx) {
    const unfilled = ctx.facts.nationalTables.filter((nt) => nt.spec.template.trim() && onlyTemplateValues(nt) && sameCells(nt));
    if (!unfilled.length) return;
    // A body with no review case all year keeps 表四 at 0 in a report it has written: a template
    // table counts as unfilled only when all tables are, or some part is still empty too.
    const parts = ctx.facts.parts.filter((p) => !p.duplicateOf);
    const draftUnfinished =
      unfilled.length === ctx.facts.nationalTables.length || parts.some((p) => !partHasContent(ctx.doc, p, ctx.facts.parts));
    if (!draftUnfinished) return;
    for (const nt of unfilled) {
      const line = nt.range.start.line;
      const part = ctx.facts.parts
        .filter((p) => !p.duplicateOf && p.heading.line < line && partLines(ctx.doc, p, ctx.facts.parts).end >= line)
        .pop();
      const where = part ? `「${headingLabel(part.heading)}」中的` : '';
      ctx.report({
        message: `${where}「${nt.spec.title}」仍是模板原样（数字全部为 0）：请按本年度实际数据填写；确实均为 0 的可忽略`,
        range: nt.tables[0]?.rows[0]?.range ?? nt.range,
        data: { tableId: nt.spec.id, partId: part?.spec.id },
      });
    }
  },
};

/** The cheap test first: no figure other than 0 and no text where a figure goes. */
function onlyTemplateValues(nt: NationalTable): boolean {
  for (const t of nt.tables) {
    for (const r of t.rows) {
      for (const v of r.values) {
        const n = v.number;
        if (v.text === '' || (n && n.kind === 'blank')) continue;
        if (!n || n.kind !== 'exact' || n.value !== 0) return false;
      }
    }
  }
  return true;
}

/**
 * Every row's cells as the template writes them, in label form (whitespace, alignment, the width of
 * digits and brackets aside), but for the empty cells that end a row: a table pasted from Word as
 * tab-separated lines has none.
 */
function sameCells(nt: NationalTable): boolean {
  const written = nt.tables.flatMap((t) => t.rows.map((r) => withoutTrailingBlanks(r.cells.map((c) => normalizeLabel(c.text)))));
  const template = templateRows(nt.spec.template).map((cells) => withoutTrailingBlanks(cells.map(normalizeLabel)));
  return written.length === template.length && written.every((row, i) => row.length === template[i].length && row.every((c, j) => c === template[i][j]));
}

function withoutTrailingBlanks(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** The template's rows split into trimmed cells; its lines all have outer pipes and no escapes. */
function templateRows(template: string): string[][] {
  return template
    .split(/\r?\n/)
    .filter((l) => l.trim() && !isDelimiterRow(l))
    .map((l) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
}
