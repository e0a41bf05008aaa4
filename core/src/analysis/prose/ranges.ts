// Offsets in a paragraph's text → document ranges, and offsets in one source line → ranges.

import type { Paragraph, Range } from '../../model';

export function paragraphRange(p: Paragraph, start: number, end: number): Range {
  return { start: p.positionAt(start), end: p.positionAt(end) };
}

export { lineRange } from '../../model';
