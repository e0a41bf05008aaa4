// Completion at the start of a line: the statutory part headings still missing (the next one
// first, numbered to follow the previous heading), the standard sub-headings of the part the
// cursor is in, and snippets for national tables and the whole skeleton. Inside a national
// table: its row and column labels.

import type { CheckResult } from '../engine';
import type { Position, Range, Table } from '../model';
import type { NationalTable, PartMatch } from '../facts/types';
import type { Profile, RowSpec, TableSpec } from '../profiles/types';
import { partBlock, profileForYear, reportSkeleton, tablesOfPart } from './skeleton';
import { enumerator, normLabel, partPlace } from './text';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from './lspConstants';

/** Longest line prefix still treated as "typing a heading" rather than writing a sentence. */
const MAX_HEADING_PREFIX = 30;

export function completions(result: CheckResult, pos: Position): CompletionItem[] {
  const { doc } = result;
  const line = doc.lines[pos.line] ?? '';
  const prefix = line.slice(0, pos.character);

  const table = doc.tables.find((t) => t.startLine <= pos.line && pos.line <= t.endLine);
  if (table || /^\s*\|/.test(prefix)) return tableCompletions(result, pos, prefix, table);

  const m = /^(\s*(?:#{1,6}\s+)?)(.*)$/.exec(prefix)!;
  const typed = m[2];
  if (typed.length > MAX_HEADING_PREFIX || /[。；;，,：:]/.test(typed)) return [];
  const replace: Range = { start: { line: pos.line, character: m[1].length }, end: pos };
  return [
    ...partCompletions(result, pos, replace),
    ...subheadingCompletions(result, pos, replace),
    ...tableSnippets(result, pos, replace),
    ...skeletonSnippet(result, replace),
  ];
}

function partCompletions(result: CheckResult, pos: Position, replace: Range): CompletionItem[] {
  const { doc, facts, choice } = result;
  const profile = choice.profile;
  const present = new Set(facts.parts.map((p) => p.specIndex));
  const before = facts.parts.filter((p) => p.heading.line < pos.line);
  const lastPartIndex = before.length ? Math.max(...before.map((p) => p.specIndex)) : -1;
  const lastLevel1 = doc.headings.filter((h) => h.level === 1 && h.ordinal !== null && h.line < pos.line).pop();
  const nextOrdinal = (lastLevel1?.ordinal ?? 0) + 1;
  const next = profile.parts.findIndex((p, i) => i > lastPartIndex && !present.has(i));

  const items: CompletionItem[] = [];
  profile.parts.forEach((part, i) => {
    if (present.has(i)) return;
    const isNext = i === next;
    // The part right after the last one written follows its numbering (a report that merged or
    // skipped parts keeps counting on); any other missing part keeps its statutory number.
    const ordinal = isNext && i === lastPartIndex + 1 ? nextOrdinal : i + 1;
    const text = `${enumerator(1, ordinal)}${part.title}`;
    items.push({
      label: text,
      kind: CompletionItemKind.Reference,
      detail: `${partPlace(i)}${part.optional ? '（可选）' : ''} · ${part.basis}`,
      documentation: { kind: 'markdown', value: part.guidance },
      sortText: isNext ? '00' : `1${String(i).padStart(2, '0')}`,
      preselect: isNext || undefined,
      filterText: `${text}${part.title}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: text },
    });
  });
  return items;
}

/**
 * The statutory part the line belongs to: the nearest part heading above it with no heading of
 * the same or a higher level in between (blank lines after a section still belong to it).
 */
function partAt(result: CheckResult, line: number): PartMatch | undefined {
  const above = result.facts.parts.filter((p) => p.heading.line <= line).sort((a, b) => b.heading.line - a.heading.line)[0];
  if (!above) return undefined;
  const interrupted = result.doc.headings.some(
    (h) => h.line > above.heading.line && h.line <= line && h.level <= above.heading.level,
  );
  return interrupted ? undefined : above;
}

function subheadingCompletions(result: CheckResult, pos: Position, replace: Range): CompletionItem[] {
  const part = partAt(result, pos.line);
  if (!part?.spec.subheadings?.length || part.heading.line === pos.line) return [];
  const existing = new Set(part.section.children.map((c) => normLabel(c.heading.title)));
  const lastLevel2 = result.doc.headings
    .filter((h) => h.level === 2 && h.ordinal !== null && h.line > part.heading.line && h.line < pos.line)
    .pop();
  let ordinal = (lastLevel2?.ordinal ?? 0) + 1;
  const items: CompletionItem[] = [];
  part.spec.subheadings.forEach((title, i) => {
    if (existing.has(normLabel(title))) return;
    const text = `${enumerator(2, ordinal++)}${title}`;
    items.push({
      label: text,
      kind: CompletionItemKind.Field,
      detail: `${part.spec.title}的小标题`,
      sortText: `0${i}`,
      filterText: `${text}${title}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: text },
    });
  });
  return items;
}

function tableSnippets(result: CheckResult, pos: Position, replace: Range): CompletionItem[] {
  const profile = result.choice.profile;
  const part = partAt(result, pos.line);
  const own = new Set(part ? tablesOfPart(profile, part.spec).map((t) => t.id) : []);
  return profile.tables
    .filter((t) => t.template.trim())
    .map((t) => ({
      label: `表格：${t.title}`,
      kind: CompletionItemKind.Snippet,
      detail: `${profile.name} · 全国统一格式`,
      documentation: { kind: 'markdown' as const, value: '```markdown\n' + t.template.trim() + '\n```' },
      sortText: own.has(t.id) ? `2${t.id}` : `3${t.id}`,
      filterText: `表格${t.title}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: t.template.trim() + '\n' },
    }));
}

function skeletonSnippet(result: CheckResult, replace: Range): CompletionItem[] {
  if (result.facts.parts.length > 0) return [];
  const year = result.facts.year?.year ?? result.doc.title?.year ?? new Date().getFullYear() - 1;
  const profile: Profile = result.choice.profile.annualReport ? result.choice.profile : profileForYear(year);
  if (!profile.parts.length) return [];
  const hasTitle = !!result.doc.title;
  // With a title already written only the body is inserted.
  const text = hasTitle
    ? profile.parts.map((p, i) => partBlock(profile, p, i + 1).trimEnd()).join('\n\n') + '\n'
    : reportSkeleton(profile, { body: result.doc.title?.body, year });
  return [
    {
      label: `年报骨架（${profile.name}）`,
      kind: CompletionItemKind.Snippet,
      detail: profile.basis,
      documentation: { kind: 'markdown', value: `插入${profile.name}的全部${profile.parts.length}个部分及统计表。` },
      sortText: '4',
      filterText: '年报骨架',
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: text },
    },
  ];
}

function tableCompletions(result: CheckResult, pos: Position, prefix: string, table: Table | undefined): CompletionItem[] {
  const national: NationalTable | undefined = table
    ? result.facts.nationalTables.find((nt) => nt.tables.includes(table))
    : result.facts.nationalTables.find((nt) => nt.range.end.line + 1 === pos.line);
  if (!national) return [];
  const spec = national.spec;
  // A whole row is offered only on an otherwise empty line; inside a written row, single labels.
  const line = result.doc.lines[pos.line] ?? '';
  const atRowStart = /^\s*\|?\s*$/.test(prefix) && line.slice(pos.character).trim() === '';
  const cellStart = prefix.lastIndexOf('|') + 1;
  const lead = /^\s*/.exec(prefix.slice(cellStart))![0].length;
  const replace: Range = atRowStart
    ? { start: { line: pos.line, character: 0 }, end: pos }
    : { start: { line: pos.line, character: cellStart + lead }, end: pos };
  const missing = new Set(national.missingRows.map((r) => r.id));
  const rowItems = spec.rows
    .filter((r) => !r.isCaption)
    .map((r, i) => ({
      label: r.label,
      kind: CompletionItemKind.Value,
      detail: missing.has(r.id) ? `${spec.title} · 缺少此行` : spec.title,
      sortText: `${missing.has(r.id) ? 0 : 1}${String(i).padStart(3, '0')}`,
      filterText: r.label,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: atRowStart ? rowLine(spec, r) : r.label },
    }));
  const columnItems = atRowStart
    ? []
    : spec.columns.map((c, i) => ({
        label: c.label,
        kind: CompletionItemKind.Field,
        detail: `${spec.title} · 列`,
        sortText: `2${String(i).padStart(3, '0')}`,
        filterText: c.label,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: replace, newText: c.label },
      }));
  return [...rowItems, ...columnItems];
}

/** A whole zero-filled row: `| 1.属于国家秘密 | 0 | 0 | … |`; group rows print no values. */
function rowLine(spec: TableSpec, row: RowSpec): string {
  const count = row.isGroup ? 0 : (row.columns?.length ?? spec.columns.length);
  return ['|', row.label, ...Array.from({ length: count }, () => '| 0'), '|'].join(' ');
}
