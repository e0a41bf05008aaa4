// Small helpers for core tests.

import type { TextEdit } from '../../core/src/model';

/** Applies LSP-style edits (0-based line, UTF-16 column) to a text. Edits must not overlap;
 * they are applied from the last to the first so earlier positions stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= starts.length) return text.length;
    return Math.min(starts[p.line] + p.character, text.length);
  };
  const sorted = edits
    .map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].to > sorted[i - 1].from) throw new Error('applyEdits: overlapping edits');
  }
  let out = text;
  for (const e of sorted) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}
