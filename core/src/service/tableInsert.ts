// Where 插入全国统一统计表 puts a table: in the part that holds it (at the cursor when the cursor is
// in that part, else after the part's last line), on lines of its own with a blank line before
// and after, so the checker reads it as that national table; a report that already has the table
// is told so instead.

import type { CheckResult } from '../engine';
import type { Position, TextEdit } from '../model';
import { partLines } from '../analysis/part-content';
import { distinctParts, eolOf } from '../analysis/structure-util';

export type TableInsertion =
  | { kind: 'insert'; edit: TextEdit; /** Line the table's first row lands on. */ line: number }
  | { kind: 'present'; /** First line of the table the report has. */ line: number }
  | { kind: 'unknown' };

export function tableInsertion(result: CheckResult, tableId: string, cursor: Position, force = false): TableInsertion {
  const { doc, facts } = result;
  const spec = result.choice.profile.tables.find((t) => t.id === tableId);
  if (!spec?.template.trim()) return { kind: 'unknown' };
  const present = facts.nationalTables.find((nt) => nt.spec.id === tableId);
  if (present && !force) return { kind: 'present', line: present.range.start.line };

  const parts = distinctParts(facts.parts);
  const owner = parts.find((p) => p.spec.tables?.includes(tableId));
  let after = Math.min(Math.max(0, cursor.line), doc.lines.length - 1);
  if (owner) {
    const { start, end } = partLines(doc, owner, facts.parts);
    if (after < start || after > end) {
      // After the part's last written line, before the blank lines that lead to the next part.
      after = end;
      while (after > start && doc.lines[after].trim() === '') after--;
    }
  }
  // Never inside a table or a paragraph: after its last line.
  const table = doc.tables.find((t) => t.startLine <= after && after <= t.endLine);
  if (table) after = table.endLine;
  const para = doc.paragraphs.find((p) => p.lines.length > 1 && p.lines[0] <= after && after <= p.lines[p.lines.length - 1]);
  if (para) after = para.lines[para.lines.length - 1];

  const eol = eolOf(doc);
  const blankHere = doc.lines[after].trim() === '';
  const next = doc.lines[after + 1];
  const text = eol + (blankHere ? '' : eol) + spec.template.trim().split(/\r?\n/).join(eol) + (next !== undefined && next.trim() !== '' ? eol : '');
  const at: Position = { line: after, character: doc.lines[after].length };
  return { kind: 'insert', edit: { range: { start: at, end: at }, newText: text }, line: after + (blankHere ? 1 : 2) };
}
