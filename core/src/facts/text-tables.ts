// National tables written as plain lines: text copied or converted out of a PDF (pdftotext with or
// without its layout) keeps each table's row labels and figures but no cell borders, so rows break
// across lines and a label's enumerator (（一）予以公开, 四、结转下年度继续办理) starts a line like a
// heading. Such a table is not read (which figure is whose is guesswork), but it is there: the rules
// must neither say it is missing nor take its rows for headings. It is found by its own row labels,
// many of them close together outside any pipe table.

import type { ReportDocument } from '../model';
import type { Profile, TableSpec } from '../profiles/types';
import type { NationalTable, UnreadableTableFact } from './types';
import { labelKey, normalizeLabel } from '../text/normalize';

/** Row names shorter than this (其他, 总计) are everywhere; they do not identify a table. A row is
 * known by its first characters only: a PDF breaks 「1.属于国家秘密」 into 「1.属于国家」 and 「秘密」. */
const MIN_KEY = 4;
const KEY_LENGTH = 4;
/** Distinct row names of one table that must be found, and the share of its named rows. */
const MIN_ROWS = 4;
const MIN_SHARE = 0.3;
/** The rows found must lie within this many lines per row name of the table (blank lines, which
 * converters put between cells in varying numbers, not counted). */
const LINES_PER_ROW = 4;
/** A table row's line is short: prose lines that name a row are long sentences. */
const MAX_LINE = 90;
/** Hits this close to the densest window belong to the same table (a row broken into many lines). */
const GAP = 12;

/** What names the table's rows and columns (表四 is all column headings and one row of figures). */
function rowKeys(spec: TableSpec): string[] {
  const keys = new Set<string>();
  const labels = [...spec.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]), ...spec.columns.map((c) => c.label), ...spec.signature];
  for (const label of labels) {
    // The label without a remark in brackets at its end: 「（二）部分公开（区分处理的…）」 breaks inside it.
    const key = labelKey(label.replace(/[（(][^（）()]*[）)]\s*$/, '')).slice(0, KEY_LENGTH);
    if (key.length >= MIN_KEY) keys.add(key);
  }
  return [...keys];
}

/**
 * A line of running text rather than of a table, even when short (a PDF wraps prose at the page's
 * width): it ends a sentence, counts with a unit (181 件), or has a comma outside parentheses (a
 * table's remark 「（区分处理的，只计这一情形）」 has its commas inside them, or in a bracket left open).
 */
function isProse(line: string): boolean {
  if (/[。；;]/.test(line) || /[0-9０-９]\s*(?:件|条|项|个|人次|次|篇)/.test(line)) return true;
  const outside = line.replace(/[（(][^（）()]*(?:[）)]|$)/g, '');
  return /[，,]/.test(outside);
}

/** Lines inside pipe tables, which the parser has read as tables. */
function tableLines(doc: ReportDocument): Set<number> {
  const out = new Set<number>();
  for (const t of doc.tables) for (let l = t.startLine; l <= t.endLine; l++) out.add(l);
  return out;
}

/**
 * The profile's national tables that are not read as tables but whose row labels stand on lines of
 * their own, close together: each as an unreadable table (outcome 'text') over those lines.
 */
export function findTextTables(doc: ReportDocument, profile: Profile, read: readonly NationalTable[], known: readonly UnreadableTableFact[]): UnreadableTableFact[] {
  const out: UnreadableTableFact[] = [];
  const skip = new Set([...read.map((t) => t.spec.id), ...known.map((t) => t.tableId)]);
  let inTables: Set<number> | undefined;
  let norms: (string | undefined)[] | undefined;
  let ranks: number[] | undefined;
  for (const spec of profile.tables) {
    if (skip.has(spec.id)) continue;
    const keys = rowKeys(spec);
    if (keys.length < MIN_ROWS) continue;
    inTables ??= tableLines(doc);
    const pipes = inTables;
    // Length without the runs of spaces a layout-keeping converter puts between the cells.
    norms ??= doc.lines.map((l, i) => (l.replace(/\s+/g, ' ').length <= MAX_LINE && !pipes.has(i) && !isProse(l) ? normalizeLabel(l) : undefined));
    ranks ??= nonBlankRanks(doc.lines);
    const rank = ranks;
    // Each key's lines, then the tightest window holding enough distinct keys; `at` counts lines
    // that are not blank.
    const hits: { line: number; at: number; key: number }[] = [];
    norms.forEach((n, line) => {
      if (!n) return;
      keys.forEach((k, key) => {
        if (n.includes(k)) hits.push({ line, at: rank[line], key });
      });
    });
    const need = Math.max(MIN_ROWS, Math.ceil(keys.length * MIN_SHARE));
    const span = keys.length * LINES_PER_ROW;
    let best: { from: number; to: number; fromAt: number; toAt: number; count: number } | undefined;
    const counts = new Map<number, number>();
    let lo = 0;
    for (let hi = 0; hi < hits.length; hi++) {
      counts.set(hits[hi].key, (counts.get(hits[hi].key) ?? 0) + 1);
      // Too long, or led by a name found again later (a sentence above the table that names a row):
      // the window starts later.
      while (hits[hi].at - hits[lo].at > span || counts.get(hits[lo].key)! > 1) {
        const c = counts.get(hits[lo].key)! - 1;
        if (c === 0) counts.delete(hits[lo].key);
        else counts.set(hits[lo].key, c);
        lo++;
      }
      const better = !best || counts.size > best.count || (counts.size === best.count && hits[hi].at - hits[lo].at < best.toAt - best.fromAt);
      if (counts.size >= need && better) best = { from: hits[lo].line, to: hits[hi].line, fromAt: hits[lo].at, toAt: hits[hi].at, count: counts.size };
    }
    if (!best) continue;
    // The table reaches as far as its names follow each other closely.
    let { from, to, fromAt, toAt } = best;
    for (let i = hits.length - 1; i >= 0; i--) {
      if (hits[i].at < fromAt && hits[i].at >= fromAt - GAP) ({ line: from, at: fromAt } = hits[i]);
    }
    for (const h of hits) if (h.at > toAt && h.at <= toAt + GAP) ({ line: to, at: toAt } = h);
    best = { ...best, from, to };
    out.push({
      tableId: spec.id,
      title: spec.title,
      outcome: 'text',
      range: { start: { line: best.from, character: 0 }, end: { line: best.to, character: doc.lines[best.to].length } },
    });
  }
  return out;
}

/** For each line, how many lines above it are not blank. */
function nonBlankRanks(lines: readonly string[]): number[] {
  const out = new Array<number>(lines.length);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    out[i] = count;
    if (lines[i].trim() !== '') count++;
  }
  return out;
}

/** True when `line` lies in a table given as plain lines (its rows are no headings). */
export function inTextTable(tables: readonly UnreadableTableFact[], line: number): boolean {
  return tables.some((t) => t.outcome === 'text' && t.range.start.line <= line && line <= t.range.end.line);
}
