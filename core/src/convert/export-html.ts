// The markup → one self-contained, printable HTML page in the layout of layout.ts: no script, no
// external resource, every text of the document escaped.

import { exportModel, type ExportCell, type ExportDocument } from './export-model';
import { FONTS, PAGE_MM, scaleWidths, SIZES_PT } from './layout';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function exportHtml(markup: string): string {
  return renderHtmlPage(exportModel(markup));
}

const CSS = `
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: ${PAGE_MM.width - PAGE_MM.left - PAGE_MM.right}mm; padding: 12mm 0;
  font-family: ${FONTS.body.css}; font-size: ${SIZES_PT.body}pt; line-height: ${SIZES_PT.lineExact}pt; }
@media print { body { padding: 0; max-width: none; } }
h1.title { font-family: ${FONTS.title.css}; font-size: ${SIZES_PT.title}pt; font-weight: normal; text-align: center;
  line-height: ${SIZES_PT.lineExact + 8}pt; margin: 0 0 ${SIZES_PT.lineExact}pt; }
p, .h { margin: 0; text-indent: 2em; text-align: justify; }
.h { font-weight: normal; font-size: ${SIZES_PT.body}pt; }
.h1 { font-family: ${FONTS.heading1.css}; }
.h2 { font-family: ${FONTS.heading2.css}; }
.h3, .h4 { font-family: ${FONTS.body.css}; }
.h3 .ht { font-weight: bold; }
.runin .ht { font-family: inherit; }
.runin.l1 .ht { font-family: ${FONTS.heading1.css}; }
.runin.l2 .ht { font-family: ${FONTS.heading2.css}; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 ${SIZES_PT.lineExact}pt; table-layout: fixed;
  font-size: ${SIZES_PT.table}pt; line-height: ${SIZES_PT.tableLine}pt; page-break-inside: auto; }
table.wide { font-size: ${SIZES_PT.tableWide}pt; }
tr { page-break-inside: avoid; }
td, th { border: 0.5pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all; }
td.label { text-align: left; }
`;

export function renderHtmlPage(doc: ExportDocument): string {
  const title = doc.title?.text ?? '';
  const body: string[] = [];
  if (title) body.push(`<h1 class="title">${escapeHtml(title)}</h1>`);
  for (const item of doc.items) {
    if (item.kind === 'paragraph') body.push(`<p>${escapeHtml(item.text)}</p>`);
    else if (item.kind === 'heading') {
      const lvl = Math.min(Math.max(item.level, 1), 4);
      if (item.body) body.push(`<p class="runin l${lvl}"><span class="ht">${escapeHtml(item.text)}</span>${escapeHtml(item.body)}</p>`);
      else body.push(`<h${lvl + 1} class="h h${lvl}"><span class="ht">${escapeHtml(item.text)}</span></h${lvl + 1}>`);
    } else body.push(renderTable(item.rows, item.widths));
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title || '政府信息公开工作年度报告')}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

export function renderTable(rows: ExportCell[][], widths: number[]): string {
  const pct = scaleWidths(widths, 10000).map((w) => (w / 100).toFixed(2));
  const out = [`<table${widths.length > 10 ? ' class="wide"' : ''}><colgroup>${pct.map((p) => `<col style="width:${p}%">`).join('')}</colgroup>`];
  for (const row of rows) {
    out.push('<tr>');
    for (const cell of row) {
      if (!cell.origin || cell.absent) continue;
      const span = (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
      const tag = cell.header ? 'th' : 'td';
      const cls = !cell.header && !cell.figure && cell.text ? ' class="label"' : '';
      out.push(`<${tag}${span}${cls}>${escapeHtml(cell.text)}</${tag}>`);
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}
