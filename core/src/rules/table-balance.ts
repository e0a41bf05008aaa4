// table-balance: the sums a national table must satisfy (SumCheck data of the profile's tables):
// part 三 一 + 二 = 三（七）+ 四 per column (printed in the format), 总计 = the applicant columns per
// row, 三（七） = every result row, filled group rows = their sub-rows; part 四 总计 = its four results;
// the legacy 统计表's totals. One finding per cause: when the failing sums have one smallest
// explanation (table-blame.ts) the finding sits on the wrong cell, shows its arithmetic, lists the
// other sums it breaks as related information and sets the value every sum agrees on. When the
// blame is not unique the failing sums are reported together, without a fix: never a guess.

import type { Cell } from '../model';
import type { NationalTable } from '../facts/types';
import type { RelatedInfo, Rule, RuleContext } from './types';
import { anchorOf, formatAmount, outcomeText, sumName, type SumOutcome } from '../analysis/table-arith';
import { tableBlames, type AmbiguousGroup, type BlamedGroup, type CellChange, type ProseNote, type UnexplainedGroup } from '../analysis/table-blame';
import { proseFigures } from './text-table-mismatch';

// Kept here too: callers read the sums through this module.
export { evaluateChecks, isBalanced, type SumOutcome } from '../analysis/table-arith';

export const rule: Rule = {
  meta: {
    id: 'table-balance',
    title: '统计表勾稽关系',
    titleEn: 'National table sums',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '核对国家格式统计表的勾稽关系：表三每列“第一项加第二项之和，等于第三项加第四项之和”（表内印制）；表三每行“总计”等于申请人各列之和；' +
      '三（七）总计等于各办理结果之和；分组行如填数应等于其小项之和；表四各组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和；旧版统计表的总数等于其分项之和。' +
      '一格写错会同时破坏它所在的几处勾稽关系：找出能让全部勾稽关系成立的最少的格（通常是一格），只在这一格报告一次，列出它破坏的各处关系，并可一键改为各关系共同要求的数；' +
      '正文写到的同一数字用作佐证。能解释的格不止一种时（如表四某组只有总计与分项不符），无法判断哪一格有误，只报告不符之处，不提供修改。',
    basis: '国办公开办函〔2021〕30号、〔2019〕60号所附格式；表三勾稽关系为表内印制，其余由表格结构推得',
  },
  check(ctx) {
    for (const blame of tableBlames(ctx.cache, ctx.facts, () => proseFigures(ctx.cache, ctx.doc, ctx.facts.nationalTables))) {
      for (const group of blame.groups) {
        if (group.kind === 'blamed') reportBlamed(ctx, blame.table, group);
        else if (group.kind === 'ambiguous') reportAmbiguous(ctx, blame.table, group);
        else reportUnexplained(ctx, blame.table, group);
      }
    }
  },
};

// ------------------------------------------------------------------ naming cells

/** Where a cell sits in its table: row and column ids. */
function placeOf(table: NationalTable, cell: Cell): { rowId: string; columnId: string } | undefined {
  for (const [rowId, found] of table.rows) {
    for (const [columnId, c] of found.values) if (c === cell) return { rowId, columnId };
  }
  return undefined;
}

/** 「三（一）」行「总计」; 「行政复议总计」 in the one-row table; 「从事政府信息公开工作人员数」 in a one-column table. */
export function cellName(table: NationalTable, cells: Cell[]): string {
  const spec = table.spec;
  const places = cells.map((c) => placeOf(table, c)).filter((p) => !!p);
  if (places.length === 0) return '该格';
  const rowName = (id: string) => {
    const r = table.rows.get(id)?.spec ?? spec.rows.find((x) => x.id === id);
    return r?.short || r?.label || id;
  };
  const colName = (id: string) => spec.columns.find((c) => c.id === id)?.label ?? id;
  if (spec.shape === 'single-row') return places.map((p) => `「${colName(p.columnId)}」`).join('');
  if (spec.columns.length === 1) return places.map((p) => `「${rowName(p.rowId)}」`).join('');
  const rows = [...new Set(places.map((p) => p.rowId))];
  return rows
    .map((r) => `「${rowName(r)}」行${places.filter((p) => p.rowId === r).map((p) => `「${colName(p.columnId)}」`).join('')}`)
    .join('、');
}

const rangeOf = (cell: Cell) => cell.number?.range ?? cell.range;
const amount = (c: CellChange, v: number) => formatAmount(v, c.decimals);

/** The sum that names the cell best: one where it is the single total, else the first it breaks. */
function primaryOf(group: BlamedGroup): SumOutcome {
  const cell = group.changes[0].cell;
  return group.failing.find((o) => o.total?.term.cell === cell) ?? group.failing[0];
}

/** Related information for the other failing sums: at the cell each is reported on, its arithmetic. */
function sumsRelated(outcomes: SumOutcome[]): RelatedInfo[] {
  return outcomes.map((o) => ({ range: rangeOf(anchorOf(o).cell), message: outcomeText(o) }));
}

/** The prose figures as related information; `blamed` when the sums name the value the cell should have. */
function proseRelated(notes: ProseNote[], blamed: boolean): RelatedInfo[] {
  const say = {
    agrees: '与勾稽关系要求的数一致',
    written: '与表中所写一致',
    neither: blamed ? '与表中所写和勾稽关系要求的数都不一致' : '与表中所写不一致',
  };
  return notes.map((n) => ({ range: n.figure.range, message: `正文写 ${n.figure.text}（${say[n.verdict]}）` }));
}

// ------------------------------------------------------------------ the three kinds of finding

function reportBlamed(ctx: RuleContext, table: NationalTable, group: BlamedGroup): void {
  const { changes } = group;
  const primary = primaryOf(group);
  const others = group.failing.filter((o) => o !== primary);
  const name = cellName(table, changes.map((c) => c.cell));
  const values = (pick: (c: CellChange) => number) => changes.map((c) => amount(c, pick(c))).join('、');
  // The name says where the cell is; the primary sum is written out, the others named.
  const written = changes.map((c) => (c.blank ? '空' : amount(c, c.from))).join('、');
  let message = `${name}应为 ${values((c) => c.to)}（表中为${written.startsWith('空') ? '' : ' '}${written}）：${outcomeText(primary, false)}`;
  if (others.length) {
    message += `；这${changes.length > 1 ? '两格' : '一格'}也使${others.map(sumName).join('、')}不成立，改后这 ${group.failing.length} 处都成立`;
  }
  const corroborated = group.prose.filter((n) => n.verdict === 'agrees');
  const contradicted = group.prose.filter((n) => n.verdict === 'written');
  const unrelated = group.prose.filter((n) => n.verdict === 'neither');
  if (corroborated.length) message += `；正文所写 ${corroborated.map((n) => n.figure.text).join('、')} 与此一致`;
  // Prose written from the same wrong table repeats its figure; after the fix text-table-mismatch
  // reports the prose (with its own fix), so both end up right.
  if (contradicted.length) message += `；正文也写 ${contradicted.map((n) => n.figure.text).join('、')}（与表中一致），改表后请一并改正文`;
  if (unrelated.length) message += `；正文写 ${unrelated.map((n) => n.figure.text).join('、')}，也请一并核对`;
  const cell = changes[0].cell;
  const fixTitle =
    changes.length === 1
      ? `将${name}改为 ${amount(changes[0], changes[0].to)}`
      : `将${name}分别改为 ${values((c) => c.to)}`;
  ctx.report({
    message,
    range: rangeOf(cell),
    related: [
      ...changes.slice(1).map((c) => ({ range: rangeOf(c.cell), message: `${cellName(table, [c.cell])}应为 ${amount(c, c.to)}` })),
      ...sumsRelated(others),
      ...proseRelated(group.prose, true),
    ],
    fix: { title: fixTitle, edits: changes.map((c) => ({ range: rangeOf(c.cell), newText: padded(ctx, c, amount(c, c.to)) })) },
    data: {
      expected: changes[0].to,
      actual: changes[0].from,
      formula: primary.check.formula,
      check: primary.check.id,
      checks: group.failing.map((o) => o.check.id),
      table: table.spec.id,
      cells: changes.length,
    },
  });
}

/** A figure written into an empty pipe cell keeps the cell padded: "| |" → "| 1 |", "||" → "| 1 |". */
function padded(ctx: RuleContext, c: CellChange, text: string): string {
  if (!c.blank) return text;
  const { line, character } = rangeOf(c.cell).start;
  const at = ctx.doc.lines[line] ?? '';
  if (at[character - 1] !== '|') return text;
  return at[character] === ' ' ? ` ${text}` : ` ${text} `;
}

const MAX_NAMED_OPTIONS = 4;

function reportAmbiguous(ctx: RuleContext, table: NationalTable, group: AmbiguousGroup): void {
  const [first, ...others] = group.failing;
  let message = outcomeText(first);
  if (others.length) message += `；${others.map(sumName).join('、')}同样不成立`;
  message += `。${optionsText(table, group)}，无法确定是哪一格有误，请核对后修改`;
  const corroborated = group.prose.filter((n) => n.verdict === 'written');
  if (corroborated.length) message += `（正文所写 ${corroborated.map((n) => n.figure.text).join('、')} 与表中一致）`;
  ctx.report({
    message,
    range: rangeOf(anchorOf(first).cell),
    related: [...termsRelated(first), ...sumsRelated(others), ...proseRelated(group.prose, false)],
    data: {
      formula: first.check.formula,
      check: first.check.id,
      checks: group.failing.map((o) => o.check.id),
      table: table.spec.id,
      options: group.optionCount,
    },
  });
}

/** 「一」行「自然人」「总计」、「二」行…或「四」行… 都能使各处勾稽关系成立. */
function optionsText(table: NationalTable, group: AmbiguousGroup): string {
  const single = group.failing.length === 1 && group.options.every((o) => o.length === 1);
  if (single && group.optionCount === group.failing[0].left.length + group.failing[0].right.length) {
    return '式中任何一格写错都会如此';
  }
  const named = group.options.slice(0, MAX_NAMED_OPTIONS).map((o) => cellName(table, o.map((c) => c.cell)));
  const rest = group.optionCount > named.length ? `等 ${group.optionCount} 种情形` : '';
  return `改${named.join('或')}${rest}都能使各处勾稽关系成立`;
}

/** The cells of a sum as related information (the hover of each cell shows the finding). */
function termsRelated(o: SumOutcome): RelatedInfo[] {
  return [...o.left, ...o.right].map((t) => ({
    range: rangeOf(t.cell),
    message: `${t.name}：${t.blank ? '空（按 0 计）' : t.cell.number?.raw ?? t.cell.text}`,
  }));
}

function reportUnexplained(ctx: RuleContext, table: NationalTable, group: UnexplainedGroup): void {
  const several = group.failing.length > 1;
  for (const o of group.failing) {
    const cells = new Set([...o.left, ...o.right].map((t) => t.cell));
    ctx.report({
      message: `${outcomeText(o)}${several ? '（表中几处不符，改动一两格不能使其都成立，可能不止一处有误）' : ''}`,
      range: rangeOf(anchorOf(o).cell),
      related: [...termsRelated(o), ...proseRelated(group.prose.filter((n) => n.figure.cells.some((c) => cells.has(c))), false)],
      data: { formula: o.check.formula, check: o.check.id, table: table.spec.id },
    });
  }
}
