// The pre-2019 统计表 in flattened text: 「指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：
// 1.网站公开条41815092.政府公报公开条77…」. Its rows were local, so they are not known in advance;
// each is a label, a unit and a run of digits (one per value column named in the header). The
// identities come from the table's own layout: a year's figure never exceeds the running total
// (累计), an item under 其中 never exceeds what it is part of, and a list of 其中 items that ends in
// 其他 adds up to it.

import type { DigitRun, Relation, RunRow } from './digit-split';
import { trailingRun } from './spec-rows';

export interface ItemRow {
  id: string;
  /** Source offsets of the label, the unit and the digits. */
  labelStart: number;
  unitStart: number;
  label: string;
  unit: string;
  run: DigitRun;
}

export interface ItemTable {
  /** Value columns, in the order the header names them. */
  columns: ('year' | 'cumulative' | 'value')[];
  rows: ItemRow[];
  /** Source offsets of the header's start and of the table's end. */
  start: number;
  headerEnd: number;
  end: number;
}

const UNIT = /(?:人次|万元|条|件|项|个|人|次|篇|份|期|元|家|场|批)$/;
const HEADER = /(?:指标名称|统计指标|指\s*标)\s*(?:计量单位|单位)/g;
const YEAR_COLUMN = /(?:(?:19|20)\d{2}\s*年(?:度|发生数)?|本年度?|本期(?:实际)?|发生数|统计数)/g;
const CUMULATIVE_COLUMN = /(?:历年累计|累计数|本年累计|累计)/g;
const DIGIT = /[0-9０-９]/;

/**
 * Finds a 统计表 header in source[from, to) and reads the rows after it. Undefined when there is no
 * header or no row: the text is left as it is.
 */
export function readItemTable(source: string, from: number, to: number): ItemTable | undefined {
  HEADER.lastIndex = from;
  const head = HEADER.exec(source.slice(0, to));
  if (!head) return undefined;
  const afterUnit = head.index + head[0].length;
  // The column names follow the unit column: a year's figure, a running total, or one value.
  const columns: ItemTable['columns'] = [];
  let headerEnd = afterUnit;
  const window = source.slice(afterUnit, Math.min(to, afterUnit + 40));
  const named: { at: number; end: number; kind: 'year' | 'cumulative' }[] = [];
  for (const [re, kind] of [
    [YEAR_COLUMN, 'year'],
    [CUMULATIVE_COLUMN, 'cumulative'],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window))) named.push({ at: m.index, end: m.index + m[0].length, kind });
  }
  named.sort((a, b) => a.at - b.at);
  let last = -1;
  for (const n of named) {
    if (n.at < last) continue; // 本年累计 read as 本年: the longer reading already covers it
    // Only names that follow one another closely are the header; a later 累计 is in a label.
    if (columns.length && n.at > last + 4) break;
    columns.push(n.kind);
    last = n.end;
    headerEnd = afterUnit + n.end;
  }
  if (columns.length === 0) columns.push('value');
  const rows = readRows(source, headerEnd, to);
  if (rows.length === 0) return undefined;
  const end = rows[rows.length - 1].run.offsets[rows[rows.length - 1].run.offsets.length - 1] + 1;
  return { columns, rows, start: head.index, headerEnd, end };
}

/** Rows: a label and unit, then digits; digits that no unit precedes belong to the label (计1条). */
function readRows(source: string, from: number, to: number): ItemRow[] {
  const rows: ItemRow[] = [];
  let labelStart = from;
  let i = from;
  let lastEnumerator = 0;
  while (i < to) {
    if (!DIGIT.test(source[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && (DIGIT.test(source[j]) || /[.．]/.test(source[j]) && DIGIT.test(source[j + 1] ?? ''))) j++;
    const text = source.slice(labelStart, i).replace(/\s+$/, '');
    const unit = UNIT.exec(text);
    if (!unit) {
      i = j; // a figure inside the label
      continue;
    }
    // The next label's enumerator may be glued to the digits: 4181509 2.政府公报 → the run ends before it.
    let runEnd = j;
    const glued = /^[.．、]/.test(source.slice(j, j + 1)) && /[\u4e00-\u9fff]/.test(source[j + 1] ?? '');
    const label = text.slice(0, unit.index).trim();
    const own = /^(?:其中\s*[:：]?\s*)?(\d{1,2})\s*[.．、]/.exec(label);
    const current = own ? Number(own[1]) : 0;
    if (glued) {
      const next = String((current || lastEnumerator) + 1);
      if (source.slice(i, j).endsWith(next) && j - next.length > i) runEnd = j - next.length;
    }
    const run = trailingRun(source, i, runEnd);
    if (run && label) {
      rows.push({ id: `item-${rows.length}`, labelStart: labelStart + (source.slice(labelStart, i).length - source.slice(labelStart, i).trimStart().length), unitStart: labelStart + unit.index, label, unit: unit[0], run });
    }
    lastEnumerator = current || (label.startsWith('其中') ? 0 : lastEnumerator);
    labelStart = runEnd;
    i = j;
  }
  return rows;
}

/** The identities of an item table, as relations between its cells. */
export function itemRelations(table: ItemTable): { runs: RunRow[]; relations: Relation[] } {
  const n = table.columns.length;
  const runs: RunRow[] = table.rows.map((r) => ({ id: r.id, run: r.run, cells: n, decimals: /元/.test(r.unit) }));
  const relations: Relation[] = [];
  const year = table.columns.indexOf('year');
  const cumulative = table.columns.indexOf('cumulative');
  if (year >= 0 && cumulative >= 0)
    for (const r of table.rows) relations.push({ left: [{ row: r.id, cell: year }], right: [{ row: r.id, cell: cumulative }], op: '<=' });
  // 其中 lists: items under the row before them, until a row that is neither 其中 nor numbered.
  let parent: ItemRow | undefined;
  let items: ItemRow[] = [];
  const close = () => {
    if (!parent || items.length === 0) return;
    const exhaustive = /其他|其它/.test(items[items.length - 1].label) && items.length >= 2;
    for (let c = 0; c < n; c++) {
      const whole = [{ row: parent.id, cell: c }];
      if (exhaustive) relations.push({ left: whole, right: items.map((it) => ({ row: it.id, cell: c })), op: '=' });
      else for (const it of items) relations.push({ left: [{ row: it.id, cell: c }], right: whole, op: '<=' });
    }
  };
  for (const r of table.rows) {
    const opens = /^其中/.test(r.label);
    const numbered = /^\d{1,2}\s*[.．、]/.test(r.label);
    if (opens) {
      close(); // a second 其中 list under the same row
      items = [r];
    } else if (numbered && items.length) {
      items.push(r);
    } else {
      close();
      parent = r;
      items = [];
    }
  }
  close();
  return { runs, relations };
}
