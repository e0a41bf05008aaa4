// Text edits on plain strings: applying them (tests, "fix all" previews, the CLI) and shrinking a
// rule's edit to the characters that really change, so an editor's undo and cursor stay put.

import type { Position, Range, TextEdit } from '../model';

/** Start offset of every line; a line ends at \n, \r\n or a lone \r, as LSP counts lines. */
export function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) starts.push(i + 1);
  }
  return starts;
}

/** Offset of a position, clamped to the document the way LSP clients clamp. */
export function offsetAt(text: string, pos: Position, starts = lineOffsets(text)): number {
  if (pos.line >= starts.length) return text.length;
  if (pos.line < 0) return 0;
  const lineStart = starts[pos.line];
  let lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
}

export function positionAt(text: string, offset: number, starts = lineOffsets(text)): Position {
  offset = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** True when two ranges share characters; two insertions at the same spot also collide. */
export function rangesOverlap(a: Range, b: Range): boolean {
  if (comparePositions(a.end, b.start) < 0 || comparePositions(b.end, a.start) < 0) return false;
  const aEmpty = comparePositions(a.start, a.end) === 0;
  const bEmpty = comparePositions(b.start, b.end) === 0;
  // Touching ranges (one ends where the other starts) do not overlap unless one is an insertion there.
  if (comparePositions(a.end, b.start) === 0) return aEmpty || bEmpty;
  if (comparePositions(b.end, a.start) === 0) return aEmpty || bEmpty;
  return true;
}

/** Applies non-overlapping edits, all expressed against the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineOffsets(text);
  const resolved = edits
    .map((e, i) => ({ start: offsetAt(text, e.range.start, starts), end: offsetAt(text, e.range.end, starts), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  let lastStart = Infinity;
  for (const e of resolved) {
    if (e.end > lastStart) throw new Error('applyEdits: overlapping edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/** Trims the unchanged head and tail off an edit: "替换整行" becomes "替换这一个数字". */
export function minimizeEdit(text: string, edit: TextEdit, starts = lineOffsets(text)): TextEdit {
  const start = offsetAt(text, edit.range.start, starts);
  const end = offsetAt(text, edit.range.end, starts);
  const old = text.slice(start, end);
  const neu = edit.newText;
  let head = 0;
  while (head < old.length && head < neu.length && old.charCodeAt(head) === neu.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < neu.length - head &&
    old.charCodeAt(old.length - 1 - tail) === neu.charCodeAt(neu.length - 1 - tail)
  )
    tail++;
  // Never split a surrogate pair or a \r\n.
  while (head > 0 && isSplitPoint(old, head)) head--;
  while (tail > 0 && isSplitPoint(old, old.length - tail)) tail--;
  if (head === 0 && tail === 0) return edit;
  return {
    range: { start: positionAt(text, start + head, starts), end: positionAt(text, end - tail, starts) },
    newText: neu.slice(head, neu.length - tail),
  };
}

function isSplitPoint(s: string, i: number): boolean {
  const prev = s.charCodeAt(i - 1);
  const next = s.charCodeAt(i);
  return (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (prev === 13 && next === 10);
}
