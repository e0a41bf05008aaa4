// Finding a national table's rows in flattened text: the spec lists every row label in order, so
// each label is looked up after the previous one, and the digits between one label and the next are
// that row's run. Labels keep their enumerators in the source (3.补正后申请内容仍不明确), and a run
// glued to the next enumerator (…制作30000033.补正后) gives the 3 back to the label.

import type { RowSpec, TableSpec } from '../profiles/types';
import { rowKey } from '../facts/table-labels';
import { rowColumns } from '../facts/tables';
import { keyStream, sourceEnd, type KeyStream } from './key-stream';
import type { DigitRun, Relation, RunRow } from './digit-split';

export interface LocatedRow {
  spec: RowSpec;
  /** Source offsets of the label (with its enumerator), of its key and of the key's end. */
  labelStart: number;
  keyStart: number;
  keyEnd: number;
}

export interface LocatedTable {
  spec: TableSpec;
  rows: LocatedRow[];
  /** Value rows with their digit runs (a row without digits is not among them). */
  runs: RunRow[];
  /** Value rows found whose run is empty (blank cells in the source). */
  blankRows: LocatedRow[];
  /** Source offset where the table's first located row starts, and where its last run ends. */
  start: number;
  end: number;
}

const DIGIT = /[0-9０-９.．]/;
const SPACE = /[\s\u00a0\u3000]/;

/** Keys a row may be written under, longest first. */
function keysOf(row: RowSpec): string[] {
  const keys = [row.label, ...(row.aliases ?? [])].map(rowKey).filter((k) => k.length > 0);
  return [...new Set(keys)].sort((a, b) => b.length - a.length);
}

/** First occurrence of any of the row's keys at or after stream index `from`. */
function findKey(stream: KeyStream, keys: string[], from: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const k of keys) {
    const i = stream.keys.indexOf(k, from);
    if (i >= 0 && (!best || i < best.start)) best = { start: i, end: i + k.length };
  }
  return best;
}

/** The enumerator a spec label is printed with, as a pattern that must end right before the key. */
function enumeratorBefore(label: string): RegExp | undefined {
  const m = /^(?:（([一二三四五六七八九十]+)）|([一二三四五六七八九十]+)、|(\d{1,2})[.．、])/.exec(label);
  if (!m) return undefined;
  if (m[1]) return new RegExp(`[（(]\\s*${m[1]}\\s*[）)]\\s*$`);
  if (m[2]) return new RegExp(`${m[2]}\\s*[、,，.．]?\\s*$`);
  return new RegExp(`${m[3]}\\s*[.．、]\\s*$`);
}

/**
 * Locates the spec's rows in source[from, to), in order. A row whose key turns up only after the
 * next row's key is taken as missing, so one dropped row does not swallow the rest of the table.
 */
export function locateRows(source: string, from: number, to: number, spec: TableSpec): LocatedRow[] {
  const stream = keyStream(source, from, to);
  const rows = spec.rows;
  const keys = rows.map(keysOf);
  const out: LocatedRow[] = [];
  let cursor = 0;
  for (let i = 0; i < rows.length; i++) {
    const hit = findKey(stream, keys[i], cursor);
    if (!hit) continue;
    const next = i + 1 < rows.length ? findKey(stream, keys[i + 1], cursor) : undefined;
    // The next row's label comes first: this one is missing (unless the next key is inside this one).
    if (next && next.start < hit.start && next.end <= hit.start) continue;
    const keyStart = stream.offsets[hit.start];
    const floor = out.length ? out[out.length - 1].keyEnd : from;
    let labelStart = keyStart;
    const en = enumeratorBefore(rows[i].label);
    if (en) {
      const before = source.slice(Math.max(floor, keyStart - 12), keyStart);
      const m = en.exec(before);
      if (m) labelStart = keyStart - m[0].length;
    }
    out.push({ spec: rows[i], labelStart, keyStart, keyEnd: sourceEnd(stream, hit.end) });
    cursor = hit.end;
  }
  return out;
}

/** The run of digits (and spaces between them) that ends source[from, to), with its offsets. */
export function trailingRun(source: string, from: number, to: number): DigitRun | undefined {
  let i = to;
  while (i > from && SPACE.test(source[i - 1])) i--;
  const end = i;
  while (i > from && (DIGIT.test(source[i - 1]) || SPACE.test(source[i - 1]))) i--;
  while (i < end && SPACE.test(source[i])) i++;
  if (i >= end) return undefined;
  let chars = '';
  const offsets: number[] = [];
  const breaks = new Set<number>();
  let spaced = false;
  for (let k = i; k < end; k++) {
    const ch = source[k];
    if (SPACE.test(ch)) {
      spaced = true;
      continue;
    }
    if (spaced && chars.length) breaks.add(chars.length);
    spaced = false;
    const code = ch.charCodeAt(0);
    chars += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ch === '．' ? '.' : ch;
    offsets.push(k);
  }
  return { chars, offsets, breaks };
}

/**
 * The located rows' runs: a value row's run lies between its key and the next located label.
 * When the next label's enumerator was not recognised but the run ends in digits that could be it
 * (…00000002其他法律…), both readings are offered to the solver.
 */
export function rowRuns(source: string, spec: TableSpec, rows: LocatedRow[], regionEnd: number): { runs: RunRow[]; blank: LocatedRow[] } {
  const runs: RunRow[] = [];
  const blank: LocatedRow[] = [];
  rows.forEach((row, i) => {
    if (row.spec.isGroup || row.spec.isCaption) return;
    const end = i + 1 < rows.length ? rows[i + 1].labelStart : regionEnd;
    const run = trailingRun(source, row.keyEnd, end);
    if (!run) {
      blank.push(row);
      return;
    }
    const columns = rowColumns(spec, row.spec);
    const decimals = columns.some((c) => spec.decimalColumns?.includes(c)) || spec.decimalRows?.includes(row.spec.id) === true;
    runs.push({ id: row.spec.id, run, cells: columns.length, decimals, tails: gluedTails(source, run, rows[i + 1]) });
  });
  return { runs, blank };
}

/**
 * Characters the run may have to give back: the next label's enumerator digits when they were
 * written without 、 or . (…00000002其他法律…): the 2 may be a cell or the enumerator.
 */
function gluedTails(source: string, run: DigitRun, next: LocatedRow | undefined): number[] {
  const m = next && next.labelStart === next.keyStart ? /^(\d{1,2})[.．、]/.exec(next.spec.label) : null;
  if (!next || !m || !run.chars.endsWith(m[1])) return [0];
  const runEnd = run.offsets[run.offsets.length - 1] + 1;
  return source.slice(runEnd, next.keyStart).trim() === '' ? [0, m[1].length] : [0];
}

/** The table's identities (its SumChecks) as relations between cells of the located rows. */
export function relationsOf(spec: TableSpec, runs: RunRow[]): Relation[] {
  const ids = new Set(runs.map((r) => r.id));
  const columnsOf = new Map(spec.rows.map((r) => [r.id, rowColumns(spec, r)]));
  const out: Relation[] = [];
  for (const check of spec.checks) {
    if (check.axis === 'column') {
      const cols = check.columns ?? spec.columns.map((c) => c.id);
      for (const col of cols) {
        const ref = (row: string) => {
          const cell = columnsOf.get(row)?.indexOf(col) ?? -1;
          return cell >= 0 ? { row, cell } : undefined;
        };
        const left = check.left.filter((r) => ids.has(r)).map(ref);
        const right = check.right.filter((r) => ids.has(r)).map(ref);
        // A column sum holds only over the rows present; with a side missing it says nothing.
        if (left.length === 0 || right.length === 0 || left.includes(undefined) || right.includes(undefined)) continue;
        if (check.left.some((r) => !ids.has(r)) || check.right.some((r) => !ids.has(r))) continue;
        out.push({ left: left as Relation['left'], right: right as Relation['right'], op: '=' });
      }
    } else {
      const rows = check.rows ?? [...ids];
      for (const row of rows) {
        if (!ids.has(row)) continue;
        const cols = columnsOf.get(row) ?? [];
        const left = check.left.map((c) => cols.indexOf(c));
        const right = check.right.map((c) => cols.indexOf(c));
        if (left.some((c) => c < 0) || right.some((c) => c < 0)) continue;
        out.push({ left: left.map((cell) => ({ row, cell })), right: right.map((cell) => ({ row, cell })), op: '=' });
      }
    }
  }
  return out;
}
