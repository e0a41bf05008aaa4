// A view of a source text with characters inserted (line breaks, table pipes) and none removed:
// what the structure recovery hands to the parser when a report was pasted as one long line. Every
// source character keeps its order, so positions map both ways by a table of insertion points:
// a view position inside inserted text maps to the source position where it was inserted.

import type { Position, Range, TextEdit } from '../model';

export interface Insertion {
  /** Offset in the source text before which `text` is inserted. */
  at: number;
  text: string;
}

export class TextView {
  /** The view text the parser reads. */
  readonly text: string;
  /** Insertion points, ascending: source offset and the view offset where the inserted text starts. */
  private readonly sourceAt: number[] = [];
  private readonly viewAt: number[] = [];
  private readonly lengths: number[] = [];
  private readonly sourceLines: number[];
  private readonly viewLines: number[];

  constructor(
    readonly source: string,
    insertions: readonly Insertion[],
  ) {
    const sorted = insertions.filter((i) => i.text.length > 0).sort((a, b) => a.at - b.at);
    let out = '';
    let from = 0;
    for (const ins of sorted) {
      const at = Math.max(from, Math.min(ins.at, source.length));
      out += source.slice(from, at);
      this.sourceAt.push(at);
      this.viewAt.push(out.length);
      this.lengths.push(ins.text.length);
      out += ins.text;
      from = at;
    }
    this.text = out + source.slice(from);
    this.sourceLines = lineStarts(source);
    this.viewLines = lineStarts(this.text);
  }

  /** True when nothing was inserted: the view is the source. */
  get isIdentity(): boolean {
    return this.sourceAt.length === 0;
  }

  /** Source offset of a view offset (inserted text maps to its insertion point). */
  toSourceOffset(view: number): number {
    // The last insertion starting at or before `view`.
    let lo = 0;
    let hi = this.viewAt.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.viewAt[mid] <= view) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return view;
    const insertedEnd = this.viewAt[k] + this.lengths[k];
    if (view < insertedEnd) return this.sourceAt[k];
    return this.sourceAt[k] + (view - insertedEnd);
  }

  /** View offset of a source offset: the copied character itself, after any text inserted before it. */
  toViewOffset(source: number): number {
    let lo = 0;
    let hi = this.sourceAt.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sourceAt[mid] <= source) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return source;
    return this.viewAt[k] + this.lengths[k] + (source - this.sourceAt[k]);
  }

  toSourcePosition(p: Position): Position {
    return positionOf(this.sourceLines, this.toSourceOffset(offsetOf(this.viewLines, this.text.length, p)));
  }

  toViewPosition(p: Position): Position {
    return positionOf(this.viewLines, this.toViewOffset(offsetOf(this.sourceLines, this.source.length, p)));
  }

  toSourceRange(r: Range): Range {
    return { start: this.toSourcePosition(r.start), end: this.toSourcePosition(r.end) };
  }

  toViewRange(r: Range): Range {
    return { start: this.toViewPosition(r.start), end: this.toViewPosition(r.end) };
  }

  /**
   * An edit of the view as an edit of the source. Inserted characters inside the replaced span are
   * not in the source; inserted separators in the new text would be, so a fix that spans them is
   * refused (undefined) rather than allowed to write the view's markup into the report.
   */
  toSourceEdit(e: TextEdit): TextEdit | undefined {
    const from = offsetOf(this.viewLines, this.text.length, e.range.start);
    const to = offsetOf(this.viewLines, this.text.length, e.range.end);
    if (from !== to && this.insertedWithin(from, to)) return undefined;
    return { range: this.toSourceRange(e.range), newText: e.newText };
  }

  /** True when view offsets [from, to) hold inserted characters. */
  private insertedWithin(from: number, to: number): boolean {
    for (let k = 0; k < this.viewAt.length; k++) {
      const s = this.viewAt[k];
      const e = s + this.lengths[k];
      if (s < to && e > from) return true;
      if (s >= to) break;
    }
    return false;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  return starts;
}

function offsetOf(starts: number[], length: number, p: Position): number {
  const line = Math.max(0, Math.min(p.line, starts.length - 1));
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : length;
  return Math.min(starts[line] + Math.max(0, p.character), lineEnd);
}

function positionOf(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}
