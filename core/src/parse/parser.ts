// Draft text → ReportDocument. (stub; being written)
import type { ReportDocument } from '../model';

export function parse(text: string): ReportDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const lineStarts: number[] = [];
  let o = 0;
  for (const l of lines) { lineStarts.push(o); o += l.length + 1; }
  return { text, lines, lineStarts, eols: lines.map(() => '\n'), headings: [], sections: [], paragraphs: [], tables: [], directives: [], notes: [] };
}
