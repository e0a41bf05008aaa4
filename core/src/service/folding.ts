// Folding: every section from its heading to its last non-blank line, and every table.

import type { CheckResult } from '../engine';
import type { Section } from '../model';
import type { FoldingRange } from 'vscode-languageserver-types';

export function foldingRanges(result: CheckResult): FoldingRange[] {
  const { doc } = result;
  const out: FoldingRange[] = [];
  const lastNonBlank = (from: number, to: number): number => {
    let end = Math.min(to, doc.lines.length - 1);
    while (end > from && (doc.lines[end] ?? '').trim() === '') end--;
    return end;
  };
  const visit = (s: Section) => {
    const end = lastNonBlank(s.heading.line, s.range.end.line);
    if (end > s.heading.line) out.push({ startLine: s.heading.line, endLine: end, kind: 'region' });
    s.children.forEach(visit);
  };
  doc.sections.forEach(visit);
  for (const t of doc.tables) {
    const end = lastNonBlank(t.startLine, t.endLine);
    if (end > t.startLine) out.push({ startLine: t.startLine, endLine: end });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
