// 历年累计 against last year's report: each row's running total is last year's plus this year's
// figure. Computed here for cross-year-cumulative, which reports the rows that break it, and for
// table-sum, which then blames a breakdown that the same cell breaks on that cell (one mistake,
// one finding: the two meet on the wrong total and are merged).

import type { Cell, Table } from '../model';
import type { CumulativeCells, CumulativeRow, PreviousReport } from './summary';
import { cumulativeRows } from './summary';

/** When this many compared rows disagree and none agrees, the two tables count differently (another base year): silence. */
const ALL_DIFFERENT_FROM = 3;

export interface CumulativeMismatch {
  row: CumulativeCells;
  was: CumulativeRow;
  year: number;
  expected: number;
}

function exact(cell: Cell | undefined): number | undefined {
  const n = cell?.number;
  return n && n.kind === 'exact' && n.value !== null ? n.value : undefined;
}

/** The rows of `table` whose 历年累计 does not follow from last year's (none when the two years count differently). */
export function cumulativeMismatches(table: Table, previous: PreviousReport): CumulativeMismatch[] {
  const last = previous.cumulative;
  if (!last) return [];
  const before = new Map(last.map((r) => [r.key, r]));
  const wrong: CumulativeMismatch[] = [];
  let agreeing = 0;
  for (const row of cumulativeRows(table)) {
    const was = before.get(row.key);
    const year = exact(row.year);
    const total = exact(row.cumulative);
    if (!was || year === undefined || total === undefined) continue;
    const expected = was.cumulative.value + year;
    if (Math.abs(expected - total) < 1e-9) agreeing++;
    else wrong.push({ row, was, year, expected });
  }
  return agreeing === 0 && wrong.length >= ALL_DIFFERENT_FROM ? [] : wrong;
}
