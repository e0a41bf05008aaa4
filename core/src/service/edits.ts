// Ranges and edits: comparing positions, and shrinking a rule's edit to the characters that really
// change, so an editor's undo and cursor stay put. Offsets and positions are computed by
// vscode-languageserver-textdocument (the same library the server keeps its documents in), so the
// core and the editor count lines (\n, \r\n, a lone \r) and UTF-16 columns the same way.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from '../model';

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

/** Trims the unchanged head and tail off an edit: "替换整行" becomes "替换这一个数字". */
export function minimizeEdit(doc: TextDocument, edit: TextEdit): TextEdit {
  const text = doc.getText();
  const start = doc.offsetAt(edit.range.start);
  const end = doc.offsetAt(edit.range.end);
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
    range: { start: doc.positionAt(start + head), end: doc.positionAt(end - tail) },
    newText: neu.slice(head, neu.length - tail),
  };
}

function isSplitPoint(s: string, i: number): boolean {
  const prev = s.charCodeAt(i - 1);
  const next = s.charCodeAt(i);
  return (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (prev === 13 && next === 10);
}
