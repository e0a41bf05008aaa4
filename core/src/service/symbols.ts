// The outline: the report's sections as a tree. A heading that is a statutory part says which
// part it is and where the requirement comes from; national tables are named after their spec;
// a required part that is missing is listed, marked （缺）, where it would be inserted.

import type { Position, Range, Section, Table } from '../model';
import type { CheckResult } from '../engine';
import type { PartMatch } from '../facts/types';
import { comparePositions } from './edits';
import { partPlace } from './text';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from './lspConstants';
import { partHeading } from './skeleton';
import { distinctParts, statutoryNumber } from '../analysis/structure-util';

export function documentSymbols(result: CheckResult): DocumentSymbol[] {
  const { doc, facts } = result;
  const partsByLine = new Map<number, PartMatch>(facts.parts.map((p) => [p.heading.line, p]));
  const tableName = (t: Table): string => {
    const national = facts.nationalTables.find((nt) => nt.tables.includes(t));
    return national ? national.spec.title : `表格（${t.rows.length} 行）`;
  };
  const tableSymbol = (t: Table): DocumentSymbol => ({
    name: tableName(t),
    kind: SymbolKind.Array,
    range: t.range,
    selectionRange: firstLine(t.range),
  });
  const sectionSymbol = (s: Section): DocumentSymbol => {
    const part = partsByLine.get(s.heading.line);
    const name = `${s.heading.enumerator}${s.heading.title}`.trim() || doc.lines[s.heading.line]?.trim() || '（无标题）';
    const children = [
      ...s.tables.map(tableSymbol),
      ...s.children.map(sectionSymbol),
    ].sort((a, b) => comparePositions(a.range.start, b.range.start));
    return {
      name,
      detail: part ? [partPlace(part.specIndex), part.spec.basis].filter(Boolean).join(' · ') : undefined,
      kind: part ? SymbolKind.Module : SymbolKind.String,
      range: s.range,
      selectionRange: within(s.heading.range, s.range),
      children,
    };
  };
  const missing = missingPartSymbols(result);
  const top = [
    ...doc.sections.map(sectionSymbol),
    // Tables before the first heading belong to no section.
    ...doc.tables.filter((t) => t.sectionIndex < 0).map(tableSymbol),
    ...missing,
  ];
  // A missing part sorts before the part it would be inserted in front of (same start position).
  const rank = (s: DocumentSymbol) => (missing.includes(s) ? 0 : 1);
  top.sort((a, b) => comparePositions(a.range.start, b.range.start) || rank(a) - rank(b));
  // The title heads the tree (breadcrumbs read 「标题 › 三、…」) unless the parser made it a section.
  const title = doc.title;
  if (!title || doc.sections.some((s) => s.heading.line === title.line)) return top;
  const lastLine = Math.max(0, doc.lines.length - 1);
  const range = { start: { line: title.line, character: 0 }, end: { line: lastLine, character: doc.lines[lastLine]?.length ?? 0 } };
  const before = top.filter((s) => s.range.start.line < title.line);
  const under = top.filter((s) => s.range.start.line >= title.line);
  return [
    ...before,
    { name: title.text, detail: result.choice.profile.name, kind: SymbolKind.File, range, selectionRange: within(title.range, range), children: under },
  ];
}

/**
 * The required parts the draft lacks, as entries at the place each would be inserted (before the
 * next part present, or after the last line), so the outline reads as the format's checklist:
 * 「五、存在的主要问题及改进情况（缺）」. Numbered as part-missing numbers them.
 */
function missingPartSymbols(result: CheckResult): DocumentSymbol[] {
  const { doc, facts } = result;
  const profile = result.choice.profile;
  if (!profile.annualReport) return [];
  const found = distinctParts(facts.parts);
  const present = new Set(found.map((m) => m.specIndex));
  let last = doc.lines.length - 1;
  while (last > 0 && doc.lines[last].trim() === '') last--;
  const end: Position = { line: Math.max(0, last), character: doc.lines[Math.max(0, last)]?.length ?? 0 };
  const out: DocumentSymbol[] = [];
  profile.parts.forEach((spec, i) => {
    if (spec.optional || present.has(i)) return;
    const next = found.filter((m) => m.specIndex > i).sort((a, b) => a.specIndex - b.specIndex)[0];
    const at: Position = next ? { line: next.heading.line, character: 0 } : end;
    const range = { start: at, end: at };
    out.push({
      name: `${partHeading(spec, statutoryNumber(profile, present, i))}（缺）`,
      detail: ['缺少', partPlace(i), spec.basis].filter(Boolean).join(' · '),
      kind: SymbolKind.Module,
      range,
      selectionRange: range,
      children: [],
    });
  });
  return out;
}

function firstLine(r: Range): Range {
  return r.start.line === r.end.line ? r : { start: r.start, end: { line: r.start.line, character: r.start.character } };
}

/** Editors reject a symbol whose selection range leaves its range; fall back to the range start. */
function within(sel: Range, range: Range): Range {
  const ok = comparePositions(range.start, sel.start) <= 0 && comparePositions(sel.end, range.end) <= 0;
  return ok ? sel : { start: range.start, end: range.start };
}
