// The overview of one report, editor-neutral: its key figures (read where the profile says, from a
// table read reliably or from the prose), each table of the format with its problems or ✓, and the
// required parts it lacks — every entry with the range it leads to, in positions of the source
// text (a report that lost its line breaks is checked in a recovered view; its ranges are mapped
// back). Clients render it as they like (a tree in VS Code).

import type { CheckResult } from '../engine';
import type { Cell, Paragraph, Range } from '../model';
import type { KeyFigureCells, KeyFigureProse, KeyFigureSpec, TableSpec } from '../profiles/types';
import type { Finding } from '../rules/types';
import { annexStart } from '../facts/parts';
import { distinctParts } from '../analysis/structure-util';
import { proseNumbers, sentences, type ProseNumber } from '../analysis/prose/tokens';
import { formatNumber } from './text';

export interface OverviewFigure {
  /** The profile's figure id (requests-new, fee …). */
  id: string;
  label: string;
  /** The exact value, when one was read. */
  value?: number;
  /** Unit of the value: the table's (件, 万元) or as the text writes it (条, 元). */
  unit?: string;
  /** The text says there is none (未收取信息处理费): value 0. */
  none?: boolean;
  /** A cell that holds no exact number, as written ('' when blank). */
  written?: string;
  /** Where the figure was read: a table of the profile (by id) or the running text. */
  from?: { table: string } | 'prose';
  /** What to show: 「472 件」, 「未收取」, or the cell as written when it holds no exact number. */
  text: string;
  /** Where it comes from: 「收到和处理政府信息公开申请情况表 · 一、本年新收政府信息公开申请数量 · 总计」 or 「正文」. */
  source: string;
  /** Undefined when the report does not give the figure at all. */
  range?: Range;
  /** Errors and warnings on the figure's cells or words. */
  problems: number;
}

export interface OverviewTable {
  id: string;
  title: string;
  /** ok: read, no error or warning in it; problems: some; unreadable: found but its digits could not
   * be split into cells; absent: not in the report. */
  status: 'ok' | 'problems' | 'unreadable' | 'absent';
  errors: number;
  warnings: number;
  /** The table, or (absent) the heading of the part it belongs in, when there is one. */
  range?: Range;
}

export interface OverviewMissingPart {
  id: string;
  /** The heading it would be inserted with: 「五、存在的主要问题及改进情况」. */
  heading: string;
  basis: string;
  /** Where it belongs (the insertion point, as the part-missing fix inserts it). */
  range: Range;
}

export interface ReportOverview {
  profileId: string;
  profileName: string;
  /** Set for a text that is not an annual report: nothing else is listed. */
  note?: string;
  figures: OverviewFigure[];
  tables: OverviewTable[];
  missingParts: OverviewMissingPart[];
}

const GENERIC_NOTE = '这份文稿不是政府信息公开工作年度报告，只做通用检查：没有关键数字、统计表和法定部分可列。';

export function reportOverview(result: CheckResult): ReportOverview {
  const profile = result.choice.profile;
  const base = { profileId: profile.id, profileName: profile.name };
  if (!profile.annualReport) return { ...base, note: GENERIC_NOTE, figures: [], tables: [], missingParts: [] };
  const toSource = (r: Range): Range => (result.view ? result.view.toSourceRange(r) : r);
  const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  return {
    ...base,
    figures: (profile.keyFigures ?? []).map((spec) => keyFigure(result, spec, toSource, serious)),
    tables: profile.tables.map((spec) => tableEntry(result, spec, toSource, serious)),
    missingParts: missingParts(result, toSource),
  };
}

// ------------------------------------------------------------------ key figures

type ToSource = (r: Range) => Range;

interface Reading {
  value?: number;
  unit?: string;
  none?: boolean;
  written?: string;
  from: { table: string } | 'prose';
  text: string;
  source: string;
  range: Range;
  /** The ranges problems are looked for in, when not the whole range (two cells apart in one row). */
  pieces?: Range[];
}

function keyFigure(result: CheckResult, spec: KeyFigureSpec, toSource: ToSource, serious: Finding[]): OverviewFigure {
  // The first source with an exact value wins; else the first that found anything at all (a blank
  // or 「—」 cell is still the place to go to).
  let fallback: Reading | undefined;
  for (const from of spec.from) {
    const reading = 'cells' in from ? fromCells(result, from.cells, spec, toSource) : fromProse(result, from.prose, toSource);
    if (reading?.value !== undefined) return figure(spec, reading, serious);
    fallback ??= reading;
  }
  if (fallback) return figure(spec, fallback, serious);
  return { id: spec.id, label: spec.label, text: '未找到', source: '报告中未写明', problems: 0 };
}

function figure(spec: KeyFigureSpec, r: Reading, serious: Finding[]): OverviewFigure {
  const pieces = r.pieces ?? [r.range];
  const problems = serious.filter((f) => pieces.some((p) => overlaps(f.range, p))).length;
  const { value, unit, none, written, from, text, source, range } = r;
  return { id: spec.id, label: spec.label, value, unit, none, written, from, text, source, range, problems };
}

function fromCells(result: CheckResult, from: KeyFigureCells, spec: KeyFigureSpec, toSource: ToSource): Reading | undefined {
  // A table whose digits could not be split (a flattened page) has no reliable cell at all.
  if (result.facts.unreadableTables.some((t) => t.tableId === from.table)) return undefined;
  const table = result.facts.nationalTables.find((t) => t.spec.id === from.table);
  if (!table) return undefined;
  const cells: Cell[] = [];
  const names: string[] = [];
  for (const { row, column } of from.cells) {
    const c = table.rows.get(row)?.values.get(column);
    if (!c) return undefined;
    cells.push(c);
    names.push(cellName(table.spec, row, column));
  }
  const pieces = cells.map((c) => toSource(c.range));
  const range = span(pieces);
  const source = `${table.spec.title} · ${names.join(' + ')}`;
  const exact = cells.every((c) => c.number?.kind === 'exact' && c.number.value !== null);
  if (!exact) {
    const written = cells.map((c) => c.text).join(' + ');
    return { written, from: { table: from.table }, text: cells.map((c) => c.text || '（空）').join(' + '), source, range, pieces };
  }
  const value = cells.reduce((s, c) => s + (c.number!.value as number), 0);
  const unit = unitOf(table.spec, from.cells[0].row, from.cells[0].column) ?? spec.unit;
  return { value, unit, from: { table: from.table }, text: unit ? `${formatNumber(value)} ${unit}` : formatNumber(value), source, range, pieces };
}

/** 「一、本年新收政府信息公开申请数量 · 总计」; one-value and one-row tables name only what differs. */
function cellName(spec: TableSpec, rowId: string, columnId: string): string {
  const row = spec.rows.find((r) => r.id === rowId);
  const column = spec.columns.find((c) => c.id === columnId);
  const parts = [spec.rows.length > 1 ? row?.label : undefined, spec.columns.length > 1 ? column?.label : undefined].filter(Boolean);
  return parts.join(' · ') || (row?.label ?? rowId);
}

function unitOf(spec: TableSpec, rowId: string, columnId: string): string | undefined {
  return spec.rows.find((r) => r.id === rowId)?.unit ?? spec.columns.find((c) => c.id === columnId)?.unit;
}

/** What may stand between the keyword and its figure (共计, 达, 政府信息 …): no punctuation, no digits. */
const BETWEEN = /^[^，,；;。：:！？\d０-９（(、]*$/;
/** A comparison in the keyword's clause, or a 其中 earlier in its sentence, makes it not the total. */
const CLAUSE_REJECT = /较|同比|增长|减少|占/;
const SENTENCE_REJECT = /其中/;

/**
 * The first sentence of the running text that states the figure: a keyword, then within a few
 * characters a number in one of the units — or a keyword and a word saying there is none.
 */
function fromProse(result: CheckResult, spec: KeyFigureProse, toSource: ToSource): Reading | undefined {
  for (const p of proseTexts(result)) {
    if (!spec.keywords.some((k) => p.text.includes(k))) continue;
    for (const [ss, se] of sentences(p.text)) {
      const sentence = p.text.slice(ss, se);
      if (!spec.keywords.some((k) => sentence.includes(k))) continue;
      if (spec.ignore?.some((w) => sentence.includes(w))) continue;
      const stated = statedFigure(p, sentence, ss, spec, toSource);
      if (stated) return stated;
    }
  }
  return undefined;
}

/** Running text with a way back to positions: a paragraph, or a heading's title. */
type ProseText = Pick<Paragraph, 'text' | 'positionAt'>;

/**
 * The paragraphs, and the titles of headings, in document order: a page that lost its line breaks
 * may come back with the first sentence of a section in its heading's title
 * (（一）主动公开政府信息的数量2017年全区主动公开政府信息2122条).
 */
function proseTexts(result: CheckResult): ProseText[] {
  const { doc } = result;
  const titles = doc.headings.map((h) => ({
    line: h.titleRange.start.line,
    character: h.titleRange.start.character,
    text: h.title,
    positionAt: (i: number) => ({ line: h.titleRange.start.line, character: h.titleRange.start.character + i }),
  }));
  const paragraphs = doc.paragraphs.map((p) => ({ line: p.range.start.line, character: p.range.start.character, text: p.text, positionAt: (i: number) => p.positionAt(i) }));
  return [...paragraphs, ...titles].sort((a, b) => a.line - b.line || a.character - b.character);
}

function statedFigure(p: ProseText, sentence: string, ss: number, spec: KeyFigureProse, toSource: ToSource): Reading | undefined {
  const nums = proseNumbers(sentence).filter((n) => n.kind === 'exact' && n.value !== null && !n.isPercent && !n.isDateLike && n.unit && spec.units.includes(n.unit));
  for (const k of spec.keywords) {
    for (let at = sentence.indexOf(k); at >= 0; at = sentence.indexOf(k, at + 1)) {
      const end = at + k.length;
      const n: ProseNumber | undefined = nums.find((x) => x.start >= end);
      const clauseStart = Math.max(0, ...['，', ',', '；', ';', '：', ':'].map((c) => sentence.lastIndexOf(c, at) + 1));
      const between = n ? sentence.slice(end, n.start) : '';
      if (n && between.length <= (spec.within ?? 8) && BETWEEN.test(between) && names(spec, between) && !CLAUSE_REJECT.test(sentence.slice(clauseStart, at)) && !SENTENCE_REJECT.test(sentence.slice(0, at))) {
        const range = toSource(textRange(p, ss + n.start, ss + n.endWithUnit));
        return { value: n.value as number, unit: n.unit, from: 'prose', text: `${formatNumber(n.value as number)} ${n.unit ?? ''}`.trim(), source: '正文', range };
      }
    }
  }
  const none = spec.none?.find((w) => sentence.includes(w));
  if (none) {
    const trimmed = sentence.replace(/\s+$/, '');
    const lead = trimmed.length - trimmed.trimStart().length;
    const range = toSource(textRange(p, ss + lead, ss + trimmed.length));
    return { value: 0, none: true, from: 'prose', text: none, source: '正文', range };
  }
  return undefined;
}

/** Whether the words between keyword and figure name what the figure counts (KeyFigureProse.between). */
function names(spec: KeyFigureProse, between: string): boolean {
  if (!spec.between) return true;
  const words = between.trim().replace(/^[了的]/, '').replace(/(?:共计|合计|总计|共|达|计)$/, '').trim();
  return !!spec.between.exactly?.includes(words) || !!spec.between.endingWith?.some((w) => words.endsWith(w));
}

// ------------------------------------------------------------------ tables

function tableEntry(result: CheckResult, spec: TableSpec, toSource: ToSource, serious: Finding[]): OverviewTable {
  const base = { id: spec.id, title: spec.title, errors: 0, warnings: 0 };
  const read = result.facts.nationalTables.find((t) => t.spec.id === spec.id);
  const unreadable = result.facts.unreadableTables.find((t) => t.tableId === spec.id);
  if (!read && unreadable) return { ...base, status: 'unreadable', range: toSource(unreadable.range) };
  if (!read) {
    const part = distinctParts(result.facts.parts).find((m) => m.spec.tables?.includes(spec.id));
    return { ...base, status: 'absent', range: part ? toSource(part.heading.range) : undefined };
  }
  const range = toSource(read.range);
  const inside = serious.filter((f) => contains(range, f.range.start));
  const errors = inside.filter((f) => f.severity === 'error').length;
  const warnings = inside.length - errors;
  return { ...base, status: inside.length ? 'problems' : 'ok', errors, warnings, range };
}

// ------------------------------------------------------------------ missing parts

/**
 * The parts the part-missing finding names (it knows which a pre-2019 report answers elsewhere,
 * and it is absent when the rule is off), each where the fix would insert it: before the next part
 * present, before an attached statistics table, or after the last line.
 */
function missingParts(result: CheckResult, toSource: ToSource): OverviewMissingPart[] {
  const finding = result.findings.find((f) => f.ruleId === 'part-missing');
  const raw = finding?.data?.partIds;
  if (!finding || !Array.isArray(raw)) return [];
  const ids = raw.filter((id): id is string => typeof id === 'string');
  const headings: readonly string[] = Array.isArray(finding.data?.headings) ? (finding.data.headings as string[]) : [];
  const { doc } = result;
  const profile = result.choice.profile;
  const found = distinctParts(result.facts.parts);
  const annex = annexStart(doc);
  let last = doc.lines.length - 1;
  while (last > 0 && doc.lines[last].trim() === '') last--;
  const out: OverviewMissingPart[] = [];
  ids.forEach((id, k) => {
    const index = profile.parts.findIndex((p) => p.id === id);
    if (index < 0) return;
    const spec = profile.parts[index];
    // No part recognised at all: one entry per required part, all at the finding.
    let range: Range;
    if (found.length === 0) range = finding.range;
    else {
      const next = found.filter((m) => m.specIndex > index).sort((a, b) => a.specIndex - b.specIndex)[0];
      const line = next ? next.heading.line : annex < Infinity ? annex : Math.max(0, last);
      const character = next || annex < Infinity ? 0 : (doc.lines[line]?.length ?? 0);
      range = toSource({ start: { line, character }, end: { line, character } });
    }
    out.push({ id, heading: headings[k] ?? spec.title, basis: spec.basis, range });
  });
  return out;
}

// ------------------------------------------------------------------ ranges

function textRange(p: ProseText, start: number, end: number): Range {
  return { start: p.positionAt(start), end: p.positionAt(end) };
}

function span(ranges: Range[]): Range {
  return { start: ranges[0].start, end: ranges[ranges.length - 1].end };
}

type Pos = Range['start'];
const before = (x: Pos, y: Pos) => x.line < y.line || (x.line === y.line && x.character < y.character);

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** By position, not line: a report pasted as one line holds all its tables on line 0. */
function contains(r: Range, p: Pos): boolean {
  return !before(p, r.start) && !before(r.end, p);
}
