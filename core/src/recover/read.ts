// Reading a document for a check: parse it, choose its profile, and when the report lost its line
// breaks (a web page pasted as one line), read it again through the recovered view. The check then
// runs on the view's model; its findings are mapped back to the source before anyone sees them.

import type { CheckCache } from '../check-cache';
import type { ResolvedConfig } from '../config/types';
import type { Position, ReportDocument } from '../model';
import type { UnreadableTableFact } from '../facts/types';
import { parse } from '../parse/parser';
import { BUILTIN_PROFILES } from '../profiles/index';
import { selectProfile } from '../profiles/select';
import type { ProfileChoice } from '../profiles/types';
import type { Finding } from '../rules/types';
import { mayBeFlattened, recoverStructure, type Recovery, type UnreadableTable } from './recover';
import type { TextView } from './text-view';

export interface ReadDocument {
  doc: ReportDocument;
  choice: ProfileChoice;
  /** Set when the structure was recovered: the model's positions are positions in this view. */
  view?: TextView;
  /** National or statistical tables found in the flattened text whose digits split more than one way. */
  unreadable: UnreadableTable[];
}

export function readDocument(text: string, options: { override?: string; config: ResolvedConfig }, cache: CheckCache): ReadDocument {
  const doc = parse(text, cache);
  const choice = selectProfile(doc, options, cache);
  if (!mayBeFlattened(text)) return { doc, choice, unreadable: [] };
  // The chosen format first; a text the selection could not place is tried against every format.
  const candidates = choice.profile.annualReport ? [choice.profile] : choice.source === 'fallback' ? BUILTIN_PROFILES.filter((p) => p.annualReport) : [];
  let best: Recovery | undefined;
  for (const profile of candidates) {
    const r = recoverStructure(text, profile);
    if (r && (!best || r.parts > best.parts)) best = r;
  }
  if (!best || best.parts === 0) return { doc, choice, unreadable: [] };
  let view = best;
  let viewDoc = parse(best.view.text, cache);
  let viewChoice = selectProfile(viewDoc, options, cache);
  // The headings now visible may name another format than the one the recovery assumed.
  if (viewChoice.profile.annualReport && !candidates.includes(viewChoice.profile)) {
    const again = recoverStructure(text, viewChoice.profile);
    if (again && again.parts >= best.parts) {
      view = again;
      viewDoc = parse(again.view.text, cache);
      viewChoice = selectProfile(viewDoc, options, cache);
    }
  }
  return { doc: viewDoc, choice: viewChoice, view: view.view, unreadable: view.unreadable };
}

/** The unreadable tables with their ranges in the view (where the rules report). */
export function unreadableInView(read: ReadDocument): UnreadableTableFact[] {
  const { view, doc } = read;
  if (!view) return [];
  const at = (offset: number) => positionAt(doc.lineStarts, view.toViewOffset(offset));
  return read.unreadable.map((u) => ({ tableId: u.tableId, title: u.title, outcome: u.outcome, solutions: u.solutions, range: { start: at(u.start), end: at(u.end) } }));
}

function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/** Findings in the view's positions → findings in the source's; a fix that would write the view's
 * inserted markup into the source is dropped (the finding stays). */
export function mapFindings(findings: Finding[], view: TextView | undefined): void {
  if (!view) return;
  for (const f of findings) {
    f.range = view.toSourceRange(f.range);
    // A place in another file (the previous year's report) is already in that file's positions.
    if (f.related) f.related = f.related.map((r) => (r.uri !== undefined ? r : { ...r, range: view.toSourceRange(r.range) }));
    if (f.fix) {
      const edits = f.fix.edits.map((e) => view.toSourceEdit(e));
      if (edits.every((e) => e !== undefined)) f.fix = { ...f.fix, edits: edits };
      else delete f.fix;
    }
  }
}
