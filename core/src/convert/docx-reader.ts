// A .docx (Word or WPS) → blocks. The zip is opened by fflate (sizes checked first, container.ts),
// the WordprocessingML parts are parsed by htmlparser2 in XML mode (no DTD, no external entities).
// Read: paragraphs with their runs (a number split over several runs comes out whole), Word's
// automatic numbering (「一、」「（一）」 from numbering.xml, which a plain text export loses),
// heading styles and outline levels, tables with gridSpan / vMerge, content controls, tracked
// insertions (deletions and field instructions are not text). Images and text boxes are not read.

import { ElementType, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { cleanInline, joinCellParagraphs, MAX_DEPTH, quoteOf, trimAscii, type Block, type SourceRef } from './blocks';
import { ConvertError, readZipParts } from './container';
import { buildGrid, type PrintedCell } from './grid';
import { isLayoutFrame } from './layout-frame';
import { mergeTitle } from './title';
import { Numbering, type NumberingDefs } from './docx-numbering';

const PARTS = new Set(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '_rels/.rels', '[Content_Types].xml']);

export interface DocxReadResult {
  blocks: Block[];
  notes: string[];
}

export function readDocx(bytes: Uint8Array): DocxReadResult {
  const names: string[] = [];
  const parts = readZipParts(bytes, (name) => {
    names.push(name);
    return PARTS.has(name) || /^word\/document\d*\.xml$/.test(name);
  });
  const mainName = mainPartName(parts);
  const main = parts.get(mainName);
  if (!main) {
    if (names.some((n) => n.startsWith('xl/') || n.startsWith('ppt/'))) throw new ConvertError('这是 Excel 或 PowerPoint 文件，不是 Word 文档');
    throw new ConvertError('不是 Word 文档（文件中没有 word/document.xml）');
  }
  const styles = readStyles(parts.get('word/styles.xml'));
  const numbering = new Numbering(readNumbering(parts.get('word/numbering.xml')));
  const body = find(xml(main), 'w:body');
  if (!body) throw new ConvertError('Word 文档的正文（w:body）缺失或已损坏');
  const reader = new BodyReader(styles, numbering);
  reader.blocksOf(body.children, 'body');
  const notes: string[] = [];
  if (reader.images) notes.push(`已略去 ${reader.images} 处图片或文本框（其中的文字不会被检查）`);
  return { blocks: mergeTitle(reader.blocks), notes };
}

const decoder = new TextDecoder('utf-8');

function xml(bytes: Uint8Array) {
  return parseDocument(decoder.decode(bytes), { xmlMode: true, decodeEntities: true });
}

function mainPartName(parts: Map<string, Uint8Array>): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    for (const el of all(xml(rels).children, 'Relationship')) {
      if (/officeDocument$/.test(el.attribs.Type ?? '')) return (el.attribs.Target ?? '').replace(/^\/+/, '');
    }
  }
  return 'word/document.xml';
}

const isEl = (n: ChildNode): n is Element => n.type === ElementType.Tag;

function kids(el: Element, name?: string): Element[] {
  return el.children.filter((c): c is Element => isEl(c) && (!name || c.name === name));
}

function child(el: Element | undefined, name: string): Element | undefined {
  return el ? kids(el, name)[0] : undefined;
}

/** The first element named `name`, depth first (iterative: no nesting overflows the stack). */
function find(root: { children: ChildNode[] }, name: string): Element | undefined {
  return all(root.children, name, true)[0];
}

/** Every element named `name` in document order (not looking inside the matches when `first`). */
function all(nodes: ChildNode[], name: string, first = false): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (!isEl(c)) continue;
    if (c.name === name) {
      out.push(c);
      if (first) return out;
    }
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
  }
  return out;
}

const val = (el: Element | undefined): string | undefined => el?.attribs['w:val'];

interface StyleInfo {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
  centered?: boolean;
}

type Styles = Map<string, StyleInfo>;

function readStyles(bytes: Uint8Array | undefined): Styles {
  const styles: Styles = new Map();
  if (!bytes) return styles;
  for (const s of all(xml(bytes).children, 'w:style')) {
    const id = s.attribs['w:styleId'];
    if (!id) continue;
    const pPr = child(s, 'w:pPr');
    const outline = val(child(pPr, 'w:outlineLvl'));
    const numPr = child(pPr, 'w:numPr');
    styles.set(id, {
      name: (val(child(s, 'w:name')) ?? id).toLowerCase(),
      basedOn: val(child(s, 'w:basedOn')),
      outline: outline !== undefined ? Number(outline) : undefined,
      numId: val(child(numPr, 'w:numId')),
      ilvl: val(child(numPr, 'w:ilvl')) !== undefined ? Number(val(child(numPr, 'w:ilvl'))) : undefined,
      centered: val(child(pPr, 'w:jc')) === 'center',
    });
  }
  return styles;
}

function readNumbering(bytes: Uint8Array | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map() };
  if (!bytes) return defs;
  const doc = xml(bytes);
  for (const a of all(doc.children, 'w:abstractNum')) {
    const levels = new Map<number, { fmt: string; text: string; start: number }>();
    for (const l of kids(a, 'w:lvl')) {
      levels.set(Number(l.attribs['w:ilvl'] ?? 0), {
        fmt: val(child(l, 'w:numFmt')) ?? 'decimal',
        text: val(child(l, 'w:lvlText')) ?? '',
        start: Number(val(child(l, 'w:start')) ?? 1),
      });
    }
    defs.abstract.set(a.attribs['w:abstractNumId'] ?? '', levels);
  }
  for (const n of all(doc.children, 'w:num')) {
    const starts = new Map<number, number>();
    for (const o of kids(n, 'w:lvlOverride')) {
      const s = val(child(o, 'w:startOverride'));
      if (s !== undefined) starts.set(Number(o.attribs['w:ilvl'] ?? 0), Number(s));
    }
    defs.nums.set(n.attribs['w:numId'] ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', startOverrides: starts });
  }
  return defs;
}

/** Heading level from a style name: Heading 1, 标题 1, WPS's heading 1; Title / 标题 is the title. */
function levelOfStyle(styles: Styles, id: string | undefined): { level?: number; title?: boolean; centered?: boolean; numId?: string; ilvl?: number } {
  const out: { level?: number; title?: boolean; centered?: boolean; numId?: string; ilvl?: number } = {};
  for (let guard = 0; id && guard < 20; guard++) {
    const s = styles.get(id);
    if (!s) break;
    if (out.level === undefined && !out.title) {
      const h = /^(?:heading|标题)\s*(\d)$/.exec(s.name);
      if (h) out.level = Number(h[1]);
      else if (s.name === 'title' || s.name === '标题') out.title = true;
      else if (s.outline !== undefined && s.outline < 9) out.level = s.outline + 1;
    }
    out.centered ??= s.centered || undefined;
    if (out.numId === undefined && s.numId !== undefined) {
      out.numId = s.numId;
      out.ilvl = s.ilvl ?? 0;
    }
    id = s.basedOn;
  }
  return out;
}

class BodyReader {
  blocks: Block[] = [];
  images = 0;
  private paragraphs = 0;
  private tables = 0;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  blocksOf(nodes: ChildNode[], where: 'body' | 'cell', depth = 0): void {
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (!isEl(n)) continue;
      if (n.name === 'w:p') this.paragraph(n);
      else if (n.name === 'w:tbl') this.table(n, depth);
      else if (n.name === 'w:sdt') this.blocksOf(child(n, 'w:sdtContent')?.children ?? [], where, depth + 1);
      else if (n.name === 'w:customXml' || n.name === 'w:ins' || n.name === 'w:smartTag') this.blocksOf(n.children, where, depth + 1);
    }
  }

  /** The paragraph's text with its automatic number, and how it is styled. */
  paragraphText(p: Element): { text: string; level?: number; title?: boolean; centered: boolean } {
    const pPr = child(p, 'w:pPr');
    const style = levelOfStyle(this.styles, val(child(pPr, 'w:pStyle')));
    const outline = val(child(pPr, 'w:outlineLvl'));
    const numPr = child(pPr, 'w:numPr');
    const numId = val(child(numPr, 'w:numId')) ?? style.numId;
    const ilvl = Number(val(child(numPr, 'w:ilvl')) ?? style.ilvl ?? 0);
    let text = this.runsText(p.children);
    const label = numId && numId !== '0' ? this.numbering.next(numId, ilvl) : '';
    if (label && text.trim()) text = label + text.replace(/^[\s\t]+/, '');
    const jc = val(child(pPr, 'w:jc'));
    return {
      text,
      level: outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : style.level,
      title: style.title,
      centered: jc ? jc === 'center' : Boolean(style.centered),
    };
  }

  private paragraph(p: Element): void {
    const { text, level, title, centered } = this.paragraphText(p);
    const clean = text
      .split('\n')
      .map((l) => trimAscii(cleanInline(l)))
      .filter(Boolean)
      .join('\n');
    if (!clean) return;
    this.paragraphs++;
    const source: SourceRef = { paragraph: this.paragraphs, quote: quoteOf(clean) };
    if (title) this.blocks.push({ kind: 'title', text: clean.replace(/\n/g, ''), source });
    else this.blocks.push({ kind: level ? 'heading' : 'paragraph', text: clean, level, centered, source });
  }

  runsText(nodes: ChildNode[], depth = 0): string {
    let out = '';
    if (depth > MAX_DEPTH) return out;
    for (const n of nodes) {
      if (!isEl(n)) continue;
      switch (n.name) {
        case 'w:r':
          if (isHiddenRun(n)) break;
          for (const c of kids(n)) {
            if (c.name === 'w:t') out += c.children.map((t) => (t.type === ElementType.Text ? t.data : '')).join('');
            else if (c.name === 'w:tab' || c.name === 'w:ptab') out += '\t';
            else if (c.name === 'w:br' || c.name === 'w:cr') out += c.attribs['w:type'] === 'page' || c.attribs['w:type'] === 'column' ? '' : '\n';
            else if (c.name === 'w:noBreakHyphen') out += '-';
            else if (c.name === 'w:drawing' || c.name === 'w:pict' || c.name === 'w:object' || c.name === 'mc:AlternateContent') this.images++;
          }
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          out += this.runsText(n.children, depth + 1);
          break;
        case 'w:sdt':
          out += this.runsText(child(n, 'w:sdtContent')?.children ?? [], depth + 1);
          break;
        default:
          // w:del (tracked deletion), w:instrText, bookmarks, comments: not part of the printed text.
          break;
      }
    }
    return out;
  }

  private table(tbl: Element, depth: number): void {
    const rows = kids(tbl, 'w:tr');
    const cellsOf = (tr: Element) => kids(tr).flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' ? kids(child(c, 'w:sdtContent') ?? c, 'w:tc') : []));
    const grid = rows.map(cellsOf);
    // A one-column table is layout (a document framed in a table), and so is a frame of a few cells
    // (a web page's side menu + content, saved as Word) one of which holds the whole text: read its
    // content as blocks.
    if ((grid.every((cells) => cells.length <= 1 && cells.every((c) => span(c) <= 1)) && grid.length) || isLayoutFrame(grid, textLength)) {
      for (const cells of grid) for (const c of cells) this.blocksOf(c.children, 'cell', depth + 1);
      return;
    }
    const tableNo = ++this.tables;
    // Grid column of every cell, for vMerge: a continuation cell is covered by the cell above.
    const placed = grid.map((cells, r) => {
      let col = Number(val(child(child(rows[r], 'w:trPr'), 'w:gridBefore')) ?? 0);
      return cells.map((tc) => {
        const at = col;
        col += span(tc);
        return { tc, col: at, merge: vMerge(tc) };
      });
    });
    const printed: PrintedCell[][] = placed.map((cells, r) => {
      const out: PrintedCell[] = [];
      const before = Number(val(child(child(rows[r], 'w:trPr'), 'w:gridBefore')) ?? 0);
      if (before > 0) out.push({ text: '', rowSpan: 1, colSpan: before, source: { quote: '' } });
      for (const { tc, col, merge } of cells) {
        if (merge === 'continue' && r > 0 && placed[r - 1].some((a) => a.col === col && a.merge !== undefined)) continue;
        let rowSpan = 1;
        if (merge === 'restart') {
          for (let rr = r + 1; rr < placed.length; rr++) {
            if (placed[rr].some((b) => b.col === col && b.merge === 'continue')) rowSpan++;
            else break;
          }
        }
        const text = this.cellText(tc, depth);
        out.push({ text, rowSpan, colSpan: span(tc), source: { quote: quoteOf(text) } });
      }
      return out;
    });
    const cells = buildGrid(printed, tableNo).filter((row) => row.some((c) => c.text.trim()));
    if (!cells.length) return;
    this.blocks.push({ kind: 'table', rows: cells, source: { table: tableNo, quote: quoteOf(cells[0].find((c) => c.text)?.text ?? '') } });
  }

  /** A cell's paragraphs joined; a table nested in the cell gives its cells' text. */
  private cellText(tc: Element, depth: number): string {
    const parts: string[] = [];
    if (depth > MAX_DEPTH) return '';
    const visit = (nodes: ChildNode[]) => {
      for (const n of nodes) {
        if (!isEl(n)) continue;
        if (n.name === 'w:p') parts.push(cleanInline(this.paragraphText(n).text.replace(/[\t\n]/g, ' ')));
        else if (n.name === 'w:tbl') for (const tr of kids(n, 'w:tr')) for (const c of kids(tr, 'w:tc')) parts.push(this.cellText(c, depth + 1));
        else if (n.name === 'w:sdt') visit(child(n, 'w:sdtContent')?.children ?? []);
        else if (n.name === 'w:customXml' || n.name === 'w:ins') visit(n.children);
      }
    };
    visit(tc.children);
    return joinCellParagraphs(parts);
  }
}

/** Characters of the cell's text runs, spaces aside. */
function textLength(tc: Element): number {
  let n = 0;
  for (const t of all(tc.children, 'w:t')) for (const c of t.children) if (c.type === ElementType.Text) n += c.data.replace(/\s+/g, '').length;
  return n;
}

function span(tc: Element): number {
  const n = Number(val(child(child(tc, 'w:tcPr'), 'w:gridSpan')) ?? 1);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function vMerge(tc: Element): 'restart' | 'continue' | undefined {
  const m = child(child(tc, 'w:tcPr'), 'w:vMerge');
  if (!m) return undefined;
  return val(m) === 'restart' ? 'restart' : 'continue';
}

function isHiddenRun(r: Element): boolean {
  const v = child(child(r, 'w:rPr'), 'w:vanish');
  return v !== undefined && val(v) !== '0' && val(v) !== 'false';
}
