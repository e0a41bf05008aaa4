// Hover: on a statutory part heading, its legal basis and what it must say; on a national-table
// cell, every sum the cell takes part in with the figures of this report filled in, the failing
// ones first, and for a sum that fails, which cell the table's sums blame (table-blame.ts), as
// table-balance reports it. Each fact once.

import type { CheckResult } from '../engine';
import type { Cell, Position } from '../model';
import type { NationalTable } from '../facts/types';
import type { SumCheck } from '../profiles/types';
import { blameOf, type BlameGroup, type TableBlame } from '../analysis/table-blame';
import { CheckCache } from '../check-cache';
import { proseFigures } from '../rules/text-table-mismatch';
import { cellName } from '../rules/table-balance';
import { formatAmount } from '../analysis/table-arith';
import { rangeContains } from './edits';
import { formatNumber, partPlace } from './text';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';

/** Every hover here is Markdown. */
export type MarkdownHover = Hover & { contents: MarkupContent };

export function hover(result: CheckResult, pos: Position): MarkdownHover | undefined {
  return partHover(result, pos) ?? cellHover(result, pos);
}

function partHover(result: CheckResult, pos: Position): MarkdownHover | undefined {
  const part = result.facts.parts.find((p) => p.heading.line === pos.line && rangeContains(p.heading.range, pos));
  if (!part) return undefined;
  const { spec } = part;
  const lines = [`**${partPlace(part.specIndex)} · ${spec.title}**（${result.choice.profile.name}）`];
  if (spec.basis) lines.push(`依据：${spec.basis}`);
  if (spec.guidance) lines.push(spec.guidance);
  if (part.how !== 'canonical') lines.push(`规范标题：${spec.title}`);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: part.heading.range };
}

interface CellAt {
  table: NationalTable;
  rowId: string;
  columnId: string;
  cell: Cell;
}

function findCell(result: CheckResult, pos: Position): CellAt | undefined {
  for (const table of result.facts.nationalTables) {
    if (!rangeContains(table.range, pos)) continue;
    for (const [rowId, found] of table.rows) {
      if (found.row.line !== pos.line) continue;
      for (const [columnId, cell] of found.values) if (rangeContains(cell.range, pos)) return { table, rowId, columnId, cell };
    }
  }
  return undefined;
}

function cellHover(result: CheckResult, pos: Position): MarkdownHover | undefined {
  const at = findCell(result, pos);
  if (!at) return undefined;
  const { spec } = at.table;
  const rowLabel = spec.rows.find((r) => r.id === at.rowId)?.label ?? at.rowId;
  const colLabel = spec.columns.find((c) => c.id === at.columnId)?.label ?? at.columnId;
  const lines: string[] = [];
  // The same analysis table-balance made during the check (a pure function of the table and the
  // prose), redone for the table under the pointer: the check's cache is not kept with the result.
  const blame = blameOf(at.table, () => proseFigures(new CheckCache(), result.doc, result.facts.nationalTables));
  const change = blame?.changes.get(at.cell);
  if (change) {
    lines.push(`**按表内勾稽关系，本格应为 ${formatAmount(change.to, change.decimals)}**（表中为 ${change.blank ? '空' : formatAmount(change.from, change.decimals)}）`);
  }
  // The arithmetic first, the sums that fail before those that hold: the editor puts its own
  // problem text above this hover, and what follows it must not scroll out of view.
  const sums = spec.checks
    .map((c) => ({ c, line: describeCheck(at, c) }))
    .filter((d): d is { c: SumCheck; line: CheckLine } => !!d.line)
    .sort((a, b) => RANK[a.line.verdict] - RANK[b.line.verdict]);
  for (const { c, line } of sums) {
    const cause = line.verdict === 'differs' && blame ? causeOf(blame, at, c) : undefined;
    lines.push(cause ? `${line.text}\u3000${cause}` : line.text);
  }
  // Findings elsewhere that name this cell, each once. A failed sum of the table is its ✗ line
  // above already; a table-balance finding that blames another cell (it says what that cell should
  // be) is kept. The editor shows the findings on the cell itself.
  const seen = new Set<string>();
  const sumOnly = (f: (typeof result.findings)[number]) => f.ruleId === 'table-balance' && f.data?.expected === undefined;
  for (const f of result.findings) {
    if (sumOnly(f) || rangeContains(f.range, pos) || seen.has(f.message)) continue;
    // A place in another file (the previous year's report) is not a place of this document.
    if (f.related?.some((r) => r.uri === undefined && rangeContains(r.range, pos))) {
      seen.add(f.message);
      lines.push(`另见：${f.message}`);
    }
  }
  if (!lines.length) return undefined;
  lines.push(`*${spec.title} · ${rowLabel} × ${colLabel}*`);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: at.cell.range };
}

/** For a failing sum through the cell: which cell the table's sums blame, or that none can be named. */
function causeOf(blame: TableBlame, at: CellAt, c: SumCheck): string | undefined {
  const group = blame.groups.find((g: BlameGroup) =>
    g.failing.some((o) => o.check === c && [...o.left, ...o.right].some((t) => t.cell === at.cell)),
  );
  if (!group) return undefined;
  if (group.kind === 'ambiguous') return '（无法确定哪一格有误）';
  if (group.kind === 'unexplained') return '（表中不止一处有误）';
  const cells = group.changes.map((ch) => ch.cell);
  return cells.includes(at.cell) ? '（由本格引起）' : `（由${cellName(at.table, cells)}引起）`;
}

interface Term {
  label: string;
  value: number | null;
  raw: string;
}

type Verdict = 'differs' | 'holds' | 'unknown';
const RANK: Record<Verdict, number> = { differs: 0, holds: 1, unknown: 2 };

interface CheckLine {
  verdict: Verdict;
  text: string;
}

function describeCheck(at: CellAt, c: SumCheck): CheckLine | undefined {
  const { table } = at;
  const value = (rowId: string, columnId: string): Term => {
    const cell = table.rows.get(rowId)?.values.get(columnId);
    const n = cell?.number;
    const exact = n?.kind === 'exact' ? n.value : null;
    return { label: '', value: exact, raw: cell ? cell.text || '（空）' : '（缺）' };
  };
  let left: Term[];
  let right: Term[];
  let scope: string;
  if (c.axis === 'column') {
    const involved = c.left.includes(at.rowId) || c.right.includes(at.rowId);
    if (!involved || (c.columns && !c.columns.includes(at.columnId))) return undefined;
    left = c.left.map((r) => value(r, at.columnId));
    right = c.right.map((r) => value(r, at.columnId));
    scope = `「${table.spec.columns.find((x) => x.id === at.columnId)?.label ?? at.columnId}」列`;
  } else {
    const involved = c.left.includes(at.columnId) || c.right.includes(at.columnId);
    if (!involved || (c.rows && !c.rows.includes(at.rowId))) return undefined;
    left = c.left.map((col) => value(at.rowId, col));
    right = c.right.map((col) => value(at.rowId, col));
    scope = `「${table.spec.rows.find((x) => x.id === at.rowId)?.label ?? at.rowId}」行`;
  }
  const side = (terms: Term[]) => {
    const exact = terms.every((t) => t.value !== null);
    const sum = exact ? terms.reduce((s, t) => s + (t.value as number), 0) : null;
    const show = (t: Term) => (t.value !== null ? formatNumber(t.value) : t.raw);
    // Long sums (三（七）over 20 result rows) list the rows that count and say how many are 0.
    const zeros = terms.filter((t) => t.value === 0).length;
    const shown =
      terms.length > 6 && zeros > 0
        ? (terms.filter((t) => t.value !== 0).map(show).join(' + ') || '0') + `（其余 ${zeros} 项为 0）`
        : terms.map(show).join(' + ');
    return { sum, text: terms.length > 1 && sum !== null ? `${shown} = ${formatNumber(sum)}` : shown };
  };
  const l = side(left);
  const r = side(right);
  const head = `${c.formula}（${scope}）`;
  if (l.sum === null || r.sum === null) return { verdict: 'unknown', text: `${head}：${l.text}；${r.text}（含非精确数或空格，未计算）` };
  if (Math.abs(l.sum - r.sum) < 1e-9) return { verdict: 'holds', text: `✓ ${head}：${l.text}；${r.text}，相符` };
  return { verdict: 'differs', text: `✗ ${head}：${l.text}；${r.text}，相差 ${formatNumber(Math.abs(l.sum - r.sum))}` };
}
