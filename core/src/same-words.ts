// One mistake, one finding: two rules that fault the very same words (a total the prose states that
// neither its parts nor the table bear out) make one diagnostic, not two stacked on one squiggle.
// The finding ranked first (severity, then rule id) stays, with its fix; the other's message joins
// its related information. Notices (info, hint) are never merged: they say something else.

import type { Finding } from './rules/types';

const MERGED: ReadonlySet<string> = new Set(['error', 'warning']);

const sameRange = (a: Finding, b: Finding) =>
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character;

/** Merges errors and warnings on identical ranges; `sorted` is in the engine's order (by start, then severity). */
export function mergeSameWords(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  let groupStart = 0; // index in `out` of the first finding starting where the current one does
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (!last || last.range.start.line !== f.range.start.line || last.range.start.character !== f.range.start.character) groupStart = out.length;
    let at = -1;
    if (MERGED.has(f.severity)) {
      for (let i = groupStart; i < out.length && at < 0; i++) if (MERGED.has(out[i].severity) && out[i].ruleId !== f.ruleId && sameRange(out[i], f)) at = i;
    }
    if (at < 0) {
      out.push(f);
      continue;
    }
    // A new object: a finding may be shared (an editor session keeps results), so it is never changed.
    const kept = out[at];
    out[at] = {
      ...kept,
      related: [...(kept.related ?? []), { range: f.range, message: `另见（${f.ruleId}）：${f.message}` }],
      data: { ...kept.data, alsoFoundBy: [...((kept.data?.alsoFoundBy as string[] | undefined) ?? []), f.ruleId] },
    };
  }
  return out;
}
