// The report as the preview shows it: the layout of the export (export-model.ts), every element
// tagged with the markup line (and column) it came from, so that a click can jump to the source,
// and each finding marked on its cell or paragraph. Editor-free: the extension supplies the
// findings (its diagnostics) and wraps this body in a webview page with its own CSP.
// All document text is escaped; nothing from the document becomes markup or script.

import { parse } from '../parse/parser';
import type { Range } from '../model';
import { escapeHtml } from './export-html';
import { exportModel, type ExportCell } from './export-model';
import { scaleWidths } from './layout';

export interface PreviewFinding {
  range: Range;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  ruleId?: string;
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示', hint: '建议' } as const;
const ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** The preview's body HTML for a markup text and its findings. */
export function renderPreviewBody(text: string, findings: readonly PreviewFinding[]): string {
  const doc = parse(text);
  const model = exportModel(text, doc);
  // Findings by line; a table's findings are matched to cells by column below.
  const byLine = new Map<number, PreviewFinding[]>();
  for (const f of findings) {
    const list = byLine.get(f.range.start.line) ?? [];
    list.push(f);
    byLine.set(f.range.start.line, list);
  }
  const taken = new Set<PreviewFinding>();
  const marks = (list: PreviewFinding[]) => {
    if (!list.length) return { cls: '', title: '', badge: '' };
    list.forEach((f) => taken.add(f));
    const worst = list.reduce((a, b) => (ORDER[b.severity] < ORDER[a.severity] ? b : a)).severity;
    const title = list.map((f) => `${SEVERITY_ZH[f.severity]}：${f.message}${f.ruleId ? `（${f.ruleId}）` : ''}`).join('\n');
    return { cls: ` finding sev-${worst}`, title: ` title="${escapeHtml(title)}"`, badge: `<span class="badge sev-${worst}" aria-label="${escapeHtml(title)}">${list.length}</span>` };
  };
  const linesOf = (from: number, to: number) => {
    const out: PreviewFinding[] = [];
    for (let l = from; l <= to; l++) for (const f of byLine.get(l) ?? []) if (!taken.has(f)) out.push(f);
    return out;
  };

  const parts: string[] = [];
  if (model.title) {
    const m = marks(linesOf(model.title.line, model.title.line));
    parts.push(`<h1 class="title${m.cls}" data-line="${model.title.line}"${m.title}>${escapeHtml(model.title.text)}${m.badge}</h1>`);
  }
  const paragraphEnd = new Map(doc.paragraphs.map((p) => [p.range.start.line, p.lines[p.lines.length - 1] ?? p.range.start.line]));
  for (const item of model.items) {
    if (item.kind === 'paragraph') {
      const m = marks(linesOf(item.line, paragraphEnd.get(item.line) ?? item.line));
      parts.push(`<p class="para${m.cls}" data-line="${item.line}"${m.title}>${escapeHtml(item.text)}${m.badge}</p>`);
    } else if (item.kind === 'heading') {
      const lvl = Math.min(Math.max(item.level, 1), 4);
      const m = marks(linesOf(item.line, item.line));
      const body = item.body ? escapeHtml(item.body) : '';
      const tag = item.body ? 'p' : `h${lvl + 1}`;
      parts.push(`<${tag} class="h h${lvl}${item.body ? ' runin' : ''}${m.cls}" data-line="${item.line}"${m.title}><span class="ht">${escapeHtml(item.text)}</span>${body}${m.badge}</${tag}>`);
    } else {
      const table = doc.tables.find((t) => t.startLine === item.line)!;
      parts.push(renderPreviewTable(item.rows, item.widths, table.rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.range) })), byLine, marks, taken));
    }
  }
  // Findings on lines that show nothing (a missing part, reported at the end): listed at the bottom.
  const rest = findings.filter((f) => !taken.has(f));
  if (rest.length) {
    parts.push('<section class="rest"><h2 class="h h1">其他问题</h2><ul>');
    for (const f of rest) parts.push(`<li class="finding sev-${f.severity}" data-line="${f.range.start.line}" data-char="${f.range.start.character}">${SEVERITY_ZH[f.severity]}：${escapeHtml(f.message)}</li>`);
    parts.push('</ul></section>');
  }
  return parts.join('\n');
}

function renderPreviewTable(
  rows: ExportCell[][],
  widths: number[],
  source: { line: number; cells: Range[] }[],
  byLine: Map<number, PreviewFinding[]>,
  marks: (list: PreviewFinding[]) => { cls: string; title: string; badge: string },
  taken: Set<PreviewFinding>,
): string {
  const pct = scaleWidths(widths, 10000).map((w) => (w / 100).toFixed(2));
  const out = [`<table${widths.length > 10 ? ' class="wide"' : ''}><colgroup>${pct.map((p) => `<col style="width:${p}%">`).join('')}</colgroup>`];
  rows.forEach((row, r) => {
    const src = source[r];
    const lineFindings = (byLine.get(src.line) ?? []).filter((f) => !taken.has(f));
    // Each finding goes to the cell whose range holds its start, else to the row's first cell.
    const perCell = new Map<number, PreviewFinding[]>();
    for (const f of lineFindings) {
      let c = src.cells.findIndex((range) => f.range.start.character >= range.start.character && f.range.start.character <= range.end.character);
      if (c < 0 || c >= row.length) c = 0;
      // A covered slot shows through its merged cell.
      while (c > 0 && !row[c].origin) c--;
      const list = perCell.get(c) ?? [];
      list.push(f);
      perCell.set(c, list);
    }
    out.push(`<tr data-line="${src.line}">`);
    row.forEach((cell, c) => {
      if (!cell.origin || cell.absent) return;
      const span = (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
      const m = marks(perCell.get(c) ?? []);
      const at = src.cells[c]?.start.character ?? 0;
      const tag = cell.header ? 'th' : 'td';
      const cls = `${!cell.header && !cell.figure && cell.text ? 'label' : ''}${m.cls}`.trim();
      out.push(`<${tag}${span}${cls ? ` class="${cls}"` : ''} data-line="${src.line}" data-char="${at}"${m.title}>${escapeHtml(cell.text)}${m.badge}</${tag}>`);
    });
    out.push('</tr>');
  });
  out.push('</table>');
  return out.join('');
}
