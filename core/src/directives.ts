// Which findings the writer silenced with HTML-comment directives:
//   <!-- nianbao-disable-next-line rule-a rule-b -->   the next non-empty line
//   <!-- nianbao-disable-line rule-a -->               the line the comment is on
//   <!-- nianbao-disable rule-a -->                    the whole file (no ids: every rule)
// The profile directive (<!-- nianbao-profile: gov-2021 -->) is read by profile selection.

import type { ReportDocument } from './model';

export interface Suppression {
  /** Rules disabled for the whole file; '*' means every rule. */
  file: { has(ruleId: string): boolean };
  isSuppressed(ruleId: string, line: number): boolean;
}

export function suppressionFor(doc: ReportDocument): Suppression {
  const fileIds = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const add = (line: number, ids: string[]) => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const id of ids.length ? ids : ['*']) set.add(id);
    byLine.set(line, set);
  };
  for (const d of doc.directives) {
    if (d.kind === 'disable-file') for (const id of d.args.length ? d.args : ['*']) fileIds.add(id);
    else if (d.kind === 'disable-line') add(d.line, d.args);
    else if (d.kind === 'disable-next-line') {
      let next = d.line + 1;
      while (next < doc.lines.length && doc.lines[next].trim() === '') next++;
      add(next, d.args);
    }
  }
  return {
    file: { has: (id) => fileIds.has('*') || fileIds.has(id) },
    isSuppressed: (id, line) => {
      const set = byLine.get(line);
      return !!set && (set.has('*') || set.has(id));
    },
  };
}
