// Tables with a column for the year (2017年度, 本年, 本期实际) beside a running total (历年累计,
// 累计数, 本年累计): the running total includes the year, so no row's year figure may exceed it. The
// pre-2019 local 统计表 are laid out so (指标名称 | 计量单位 | 2017年度 | 历年累计). A column that sums
// up to an earlier point (上年累计, 截至上年) is no running total of this year and is left alone.

import type { Cell, Table, TableRow } from '../model';
import { termOf, type Term } from '../analysis/table-arith';

const CUMULATIVE = /累计/;
/** A running total that stops before this year, or a column comparing with one. */
const EARLIER_TOTAL = /上年|上一年|以前|往年|截至|同比|增减|增长/;
const YEAR = /^(?:(?:19|20)\d{2}\s*年(?:度)?(?:发生数|实际)?|本年度?(?:发生数|实际)?|本期(?:实际)?|发生数)$/;

export interface RunningTotalViolation {
  row: TableRow;
  year: Term;
  total: Term;
  yearName: string;
  totalName: string;
}

interface Columns {
  header: TableRow;
  year: number;
  cumulative: number;
}

/** The header row and the positions of its year and running-total columns, if it has exactly one of each. */
function columnsOf(table: Table): Columns | undefined {
  // The header is the first row without figures (a title row above it is skipped).
  for (const row of table.rows.slice(0, 3)) {
    if (row.cells.some((c: Cell) => c.number && c.number.kind !== 'blank')) return undefined;
    const texts = row.cells.map((c) => c.norm);
    const totals = texts.filter((t) => CUMULATIVE.test(t));
    const years = texts.filter((t) => YEAR.test(t));
    // Two running totals (本年累计 and 历年累计) or two years: which pairs with which is unclear.
    if (totals.length !== 1 || years.length !== 1 || EARLIER_TOTAL.test(totals[0])) continue;
    return { header: row, year: texts.indexOf(years[0]), cumulative: texts.indexOf(totals[0]) };
  }
  return undefined;
}

/** Rows whose year figure exceeds the running total beside it. */
export function runningTotalViolations(table: Table): RunningTotalViolation[] {
  const cols = columnsOf(table);
  if (!cols) return [];
  const width = cols.header.cells.length;
  const yearName = cols.header.cells[cols.year].text;
  const totalName = cols.header.cells[cols.cumulative].text;
  const out: RunningTotalViolation[] = [];
  for (const row of table.rows) {
    // A row that lost or gained cells (flattened, ragged) does not line up with the header.
    if (row === cols.header || row.cells.length !== width) continue;
    const year = termOf(yearName, row.cells[cols.year]);
    const total = termOf(totalName, row.cells[cols.cumulative]);
    if (!year || !total || year.blank || total.blank || year.value <= total.value + 1e-9) continue;
    out.push({ row, year, total, yearName, totalName });
  }
  return out;
}
