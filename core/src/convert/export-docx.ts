// The markup → a .docx in the layout of layout.ts, written by the `docx` library (loaded here only,
// so nothing else pays for it). Headings carry Word's heading styles (Heading 1–4: the navigation
// pane and the table of contents work, and importing the file back gives the same headings); a
// run-in heading is one body paragraph whose heading words are set in the heading's font.

import type * as Docx from 'docx';
import { exportModel, type ExportCell, type ExportDocument } from './export-model';
import { FONTS, headingFont, PAGE_MM, scaleWidths, SIZES_PT, TEXT_WIDTH_MM } from './layout';

const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);
const halfPt = (pt: number) => Math.round(pt * 2);
const twipPt = (pt: number) => Math.round(pt * 20);

export async function exportDocx(markup: string): Promise<Uint8Array> {
  return renderDocx(exportModel(markup));
}

export async function renderDocx(model: ExportDocument): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- docx is heavy: loaded on the first export, not at start-up
  const d = require('docx') as typeof Docx;
  const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });
  const exact = (pt: number) => ({ line: twipPt(pt), lineRule: d.LineRuleType.EXACT });
  const indent2 = { firstLine: twipPt(SIZES_PT.body * 2) };

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  if (model.title) {
    children.push(new d.Paragraph({ style: 'Title', children: [new d.TextRun(model.title.text)] }));
  }
  for (const item of model.items) {
    if (item.kind === 'paragraph') {
      children.push(new d.Paragraph({ children: [new d.TextRun(item.text)] }));
    } else if (item.kind === 'heading') {
      const level = Math.min(Math.max(item.level, 1), 4);
      if (item.body) {
        children.push(
          new d.Paragraph({
            children: [
              new d.TextRun({ text: item.text, font: font(headingFont(level).docx), bold: level === 3 }),
              new d.TextRun(item.body),
            ],
          }),
        );
      } else {
        children.push(new d.Paragraph({ style: `Heading${level}`, children: [new d.TextRun(item.text)] }));
      }
    } else {
      children.push(table(d, item.rows, item.widths));
    }
  }
  const headingStyle = (level: number) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(headingFont(level).docx), size: halfPt(SIZES_PT.body), bold: level === 3, color: '000000' },
    paragraph: { spacing: { ...exact(SIZES_PT.lineExact), before: 0, after: 0 }, indent: indent2, outlineLevel: level - 1, keepNext: true },
  });
  const doc = new d.Document({
    creator: '年报助手 Nianbao',
    title: model.title?.text,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body.docx), size: halfPt(SIZES_PT.body) },
          paragraph: { spacing: { ...exact(SIZES_PT.lineExact), before: 0, after: 0 }, indent: indent2, alignment: d.AlignmentType.JUSTIFIED },
        },
      },
      paragraphStyles: [
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.title.docx), size: halfPt(SIZES_PT.title), color: '000000' },
          paragraph: { alignment: d.AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...exact(SIZES_PT.lineExact + 8), before: 0, after: twipPt(SIZES_PT.lineExact) } },
        },
        headingStyle(1),
        headingStyle(2),
        headingStyle(3),
        headingStyle(4),
        // One style for every table cell instead of properties on each of hundreds of cells (the
        // docx library's cost grows with the properties it writes).
        ...(['TableText', 'TableTextWide'] as const).map((id) => ({
          id,
          name: id === 'TableText' ? 'Table Text' : 'Table Text Wide',
          basedOn: 'Normal',
          run: { font: font(FONTS.body.docx), size: halfPt(id === 'TableText' ? SIZES_PT.table : SIZES_PT.tableWide) },
          paragraph: { indent: { firstLine: 0 }, spacing: { line: twipPt(SIZES_PT.tableLine), lineRule: d.LineRuleType.AT_LEAST, before: 0, after: 0 }, alignment: d.AlignmentType.CENTER },
        })),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE_MM.width), height: mm(PAGE_MM.height) },
            margin: { top: mm(PAGE_MM.top), right: mm(PAGE_MM.right), bottom: mm(PAGE_MM.bottom), left: mm(PAGE_MM.left), footer: mm(PAGE_MM.bottom - 7) },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                indent: { firstLine: 0 },
                children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], size: halfPt(14), font: font('宋体') })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const buf = await d.Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function table(d: typeof Docx, rows: ExportCell[][], weights: number[]): Docx.Table {
  const total = mm(TEXT_WIDTH_MM);
  const widths = scaleWidths(weights, total);
  const style = weights.length > 10 ? 'TableTextWide' : 'TableText';
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellParagraph = (cell: ExportCell) =>
    new d.Paragraph({
      style,
      alignment: cell.header || cell.figure || !cell.text ? undefined : d.AlignmentType.LEFT,
      children: [new d.TextRun(cell.text)],
    });
  const docRows = rows.map((row, r) => {
    const cells: Docx.TableCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.absent) break; // a short row stays short
      if (!cell.origin) {
        // A slot under a vertically merged cell is written as a continuation cell (Word needs one per row).
        const above = originAbove(rows, r, c);
        if (above && above.r < r && above.c === c) {
          const o = rows[above.r][above.c];
          cells.push(
            new d.TableCell({
              children: [new d.Paragraph({ style, children: [] })],
              columnSpan: o.colSpan > 1 ? o.colSpan : undefined,
              verticalMerge: d.VerticalMergeType.CONTINUE,
              width: { size: spanWidth(widths, c, o.colSpan), type: d.WidthType.DXA },
            }),
          );
        }
        continue;
      }
      cells.push(
        new d.TableCell({
          children: [cellParagraph(cell)],
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          verticalMerge: cell.rowSpan > 1 ? d.VerticalMergeType.RESTART : undefined,
          verticalAlign: d.VerticalAlignTable.CENTER,
          width: { size: spanWidth(widths, c, cell.colSpan), type: d.WidthType.DXA },
        }),
      );
    }
    return new d.TableRow({ children: cells, cantSplit: true });
  });
  return new d.Table({
    rows: docRows,
    width: { size: total, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
  });
}

function spanWidth(widths: number[], c: number, span: number): number {
  return widths.slice(c, c + Math.max(1, span)).reduce((a, b) => a + b, 0);
}

/** The origin slot of the merged cell covering (r, c). */
function originAbove(rows: ExportCell[][], r: number, c: number): { r: number; c: number } | undefined {
  for (let rr = r; rr >= 0; rr--) {
    for (let cc = c; cc >= 0; cc--) {
      const cell = rows[rr][cc];
      if (cell.origin && rr + cell.rowSpan > r && cc + cell.colSpan > c) return { r: rr, c: cc };
    }
  }
  return undefined;
}
