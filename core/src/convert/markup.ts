// Blocks → the project's markup (docs/markup.md), with a source map from each markup line (and each
// table cell on it) back to the paragraph or cell of the original file. Text from a document never
// becomes markup syntax by accident: a comment opener cannot turn into a directive, a pipe in a
// paragraph cannot turn it into a table row, a tab cannot make a tab-separated row.

import type { Block, GridCell, SourceRef, TableBlock, TextBlock } from './blocks';
import { maxOf, quoteOf, trimAscii } from './blocks';

export interface CellSource {
  /** UTF-16 columns of the cell's text on the markup line. */
  start: number;
  end: number;
  ref: SourceRef;
}

export interface LineSource {
  ref: SourceRef;
  cells?: CellSource[];
}

export interface SourceMap {
  /** Indexed by 0-based markup line; undefined for blank and generated lines. */
  lines: (LineSource | undefined)[];
}

export interface Converted {
  text: string;
  map: SourceMap;
  /** What the reader noticed and a reviewer should hear (dropped images, ignored parts). */
  notes: string[];
}

const ENUMERATED = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、，,]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])/;

export function blocksToMarkup(blocks: Block[], notes: string[] = []): Converted {
  const out: string[] = [];
  const lines: (LineSource | undefined)[] = [];
  const push = (line: string, src?: LineSource) => {
    out.push(line);
    lines.push(src);
  };
  for (const block of blocks) {
    if (out.length && out[out.length - 1] !== '') push('');
    if (block.kind === 'table') writeTable(block, push);
    else writeText(block, push);
  }
  while (out.length && out[out.length - 1] === '') {
    out.pop();
    lines.pop();
  }
  return { text: out.join('\n') + '\n', map: { lines }, notes };
}

function writeText(block: TextBlock, push: (line: string, src?: LineSource) => void): void {
  const parts = block.text.split('\n').map((l) => escapeText(trimAscii(l))).filter((l) => l.trim() !== '');
  if (!parts.length) return;
  const src = { ref: block.source };
  if (block.kind === 'title') {
    push('# ' + parts.join(''), src);
    return;
  }
  if (block.kind === 'heading' && block.level && !ENUMERATED.test(parts[0])) {
    // One # for the title, so a Word "Heading 1" is "##" (level 1 of the report).
    push('#'.repeat(Math.min(block.level + 1, 6)) + ' ' + parts.join(''), src);
    return;
  }
  for (const p of parts) push(p, src);
}

/** Escapes what would otherwise be read as markup. */
function escapeText(line: string): string {
  let s = line.replace(/\t/g, ' ').replace(/\|/g, '｜').replace(/<!--/g, '&lt;!--');
  if (/^#{1,6}(?:\s|$)/.test(s)) s = '\\' + s;
  if (/^ {0,3}(?:`{3,}|~{3,})/.test(s)) s = '\\' + s;
  if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(s)) s = '\\' + s;
  return s;
}

function escapeCell(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\|/g, '\\|').replace(/<!--/g, '&lt;!--').trim();
}

function writeTable(block: TableBlock, push: (line: string, src?: LineSource) => void): void {
  const width = maxOf(block.rows.map((r) => r.length), 0);
  if (!width) return;
  block.rows.forEach((row, r) => {
    let line = '|';
    const cells: CellSource[] = [];
    // A short row stays short: the slots after its last cell are no cells, not empty ones.
    let end = width;
    while (end > 1 && row[end - 1]?.absent) end--;
    for (let c = 0; c < end; c++) {
      const cell: GridCell | undefined = row[c];
      const text = cell ? escapeCell(cell.text) : '';
      line += ' ';
      if (text) cells.push({ start: line.length, end: line.length + text.length, ref: cell.source });
      line += text + ' |';
    }
    const first = row.find((c) => c.origin && c.text.trim());
    push(line, { ref: { ...block.source, row: r + 1, quote: quoteOf(first?.text ?? '') }, cells });
    // GFM wants a delimiter after the first row; the checker ignores it either way.
    if (r === 0) push('|' + '---|'.repeat(width));
  });
}
