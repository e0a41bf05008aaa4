// A saved web page (or the text/html of a paste from Word, WPS or a browser) → blocks. htmlparser2
// builds the DOM; nothing is fetched or run: scripts, styles, frames, forms and images are dropped,
// links keep only their text. The page's chrome (navigation, header, footer, share bars) is left out,
// and when the page has an article container holding most of the text, only that is read.

import { ElementType, parseDocument } from 'htmlparser2';
import type { ChildNode, Document, Element } from 'domhandler';
import { cleanInline, joinCellParagraphs, MAX_DEPTH, quoteOf, trimAscii, type Block, type SourceRef } from './blocks';
import { buildGrid, type PrintedCell } from './grid';
import { isLayoutFrame } from './layout-frame';
import { mergeTitle } from './title';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select',
  'textarea', 'input', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
  'map', 'link', 'meta', 'base', 'title',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'blockquote', 'pre', 'center', 'dl', 'dt', 'dd',
  'address', 'figure', 'figcaption', 'body', 'html', 'hr', 'caption',
]);
const HEADING = /^h([1-6])$/;
/** Class or id words of page chrome on government sites. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|location|share|sidebar|toolbar|copyright|banner|print-?bar|topbar)(?:[\s_-]|$)/i;
/** Class or id words of an article container. */
const ARTICLE = /article|content|trs_?editor|zoom|detail|conTxt|main|text|wenzhang|zhengwen/i;

export interface HtmlReadResult {
  blocks: Block[];
  notes: string[];
  /** The page's <title>, used to recognise a title split over several paragraphs. */
  pageTitle?: string;
}

export function readHtml(html: string, options: { title?: boolean } = {}): HtmlReadResult {
  const dom = parseDocument(html, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const lineOf = lineFinder(html);
  const notes: string[] = [];
  const pageTitle = findPageTitle(dom);
  const root = contentRoot(dom);
  const emitter = new HtmlEmitter(lineOf);
  emitter.walk(root.children);
  emitter.flush();
  if (emitter.images) notes.push(`已略去 ${emitter.images} 张图片（图片中的文字不会被检查）`);
  // A paste into a report is never its title; a page or a file is read with its title.
  const blocks = options.title === false ? emitter.blocks : mergeTitle(emitter.blocks, pageTitle);
  return { blocks: relativeLevels(blocks), notes, pageTitle };
}

/** <h2>…<h4> under an <h1> title are levels 1–3 of the report: the highest heading left is level 1. */
function relativeLevels(blocks: Block[]): Block[] {
  const levels = blocks.flatMap((b) => (b.kind === 'heading' && b.level ? [b.level] : []));
  if (!levels.length) return blocks;
  const shift = levels.reduce((a, b) => Math.min(a, b), 6) - 1;
  if (shift > 0) for (const b of blocks) if (b.kind === 'heading' && b.level) b.level -= shift;
  return blocks;
}

function lineFinder(text: string): (index: number | null) => number | undefined {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (index) => {
    if (index == null) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const isElement = (n: ChildNode): n is Element => n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;

function isHidden(el: Element): boolean {
  const style = el.attribs.style ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || 'hidden' in el.attribs;
}

function isChrome(el: Element): boolean {
  if (SKIP.has(el.name) || isHidden(el)) return true;
  const words = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return words.trim() !== '' && CHROME.test(words) && !ARTICLE.test(words);
}

function findPageTitle(dom: Document): string | undefined {
  const stack: ChildNode[] = [...dom.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'title') return textOf(n).trim() || undefined;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return undefined;
}

/** The text under a node, without scripts and styles; iterative, so no nesting depth overflows the stack. */
function textOf(root: ChildNode): string {
  let out = '';
  const stack: ChildNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === ElementType.Text) out += n.data;
    else if (isElement(n) && n.name !== 'script' && n.name !== 'style') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** Visible text length under every node, chrome excluded (one iterative post-order pass). */
function visibleLengths(roots: ChildNode[]): Map<ChildNode, number> {
  const memo = new Map<ChildNode, number>();
  const stack: { n: ChildNode; done: boolean }[] = roots.map((n) => ({ n, done: false }));
  while (stack.length) {
    const top = stack.pop()!;
    const n = top.n;
    if (n.type === ElementType.Text) memo.set(n, n.data.replace(/\s+/g, '').length);
    else if (!isElement(n) || isChrome(n)) memo.set(n, 0);
    else if (top.done) memo.set(n, n.children.reduce((sum, c) => sum + (memo.get(c) ?? 0), 0));
    else {
      stack.push({ n, done: true });
      for (const c of n.children) stack.push({ n: c, done: false });
    }
  }
  return memo;
}

/** The article container when one holds most of the page's text, else the whole document. */
function contentRoot(dom: Document): Document | Element {
  const memo = visibleLengths(dom.children);
  const len = (n: ChildNode) => memo.get(n) ?? 0;
  const total = dom.children.reduce((sum, c) => sum + len(c), 0);
  if (!total) return dom;
  let best: Element | undefined;
  const stack: ChildNode[] = [...dom.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || isChrome(n)) continue;
    const words = `${n.attribs.class ?? ''} ${n.attribs.id ?? ''}`;
    if (words.trim() && ARTICLE.test(words) && len(n) >= total * 0.6 && (!best || len(n) <= len(best))) best = n;
    for (const c of n.children) stack.push(c);
  }
  return best ?? dom;
}

function isCentered(el: Element): boolean {
  return (el.attribs.align ?? '').toLowerCase() === 'center' || /text-align\s*:\s*center/i.test(el.attribs.style ?? '') || el.name === 'center';
}

class HtmlEmitter {
  blocks: Block[] = [];
  images = 0;
  private buf = '';
  private bufStart: number | null = null;
  private bufCentered = false;
  private paragraphs = 0;
  private tables = 0;

  constructor(private readonly lineOf: (index: number | null) => number | undefined) {}

  walk(nodes: ChildNode[], centered = false, depth = 0): void {
    for (const n of nodes) this.node(n, centered, depth);
  }

  private node(n: ChildNode, centered: boolean, depth: number): void {
    if (depth > MAX_DEPTH) {
      // Pathological nesting: the rest is read as text, without its structure.
      this.buf += textOf(n).replace(/[\r\n]+/g, ' ');
      return;
    }
    if (n.type === ElementType.Text) {
      if (this.bufStart === null && n.data.trim()) {
        this.bufStart = n.startIndex;
        this.bufCentered = centered;
      }
      this.buf += n.data.replace(/[\r\n]+/g, ' ');
      return;
    }
    if (!isElement(n) || isChrome(n)) return;
    const name = n.name;
    if (name === 'img') {
      this.images++;
      return;
    }
    if (name === 'br') {
      this.buf += '\n';
      return;
    }
    if (name === 'table') {
      this.flush();
      this.table(n, depth);
      return;
    }
    const h = HEADING.exec(name);
    if (h) {
      this.flush();
      const text = cleanInline(n.children.map(textOf).join('')).trim();
      if (text) this.emitText('heading', text, n.startIndex, Number(h[1]), isCentered(n));
      return;
    }
    const block = BLOCK.has(name) || name === 'tr' || name === 'td' || name === 'th';
    if (block) this.flush();
    this.walk(n.children, centered || isCentered(n), depth + 1);
    if (block) this.flush();
  }

  flush(): void {
    const text = this.buf
      .split('\n')
      .map((l) => trimAscii(cleanInline(l)))
      .filter(Boolean)
      .join('\n');
    if (text) this.emitText('paragraph', text, this.bufStart, undefined, this.bufCentered);
    this.buf = '';
    this.bufStart = null;
    this.bufCentered = false;
  }

  private emitText(kind: 'heading' | 'paragraph', text: string, at: number | null, level: number | undefined, centered: boolean): void {
    this.paragraphs++;
    this.blocks.push({ kind, text, level, centered, source: { paragraph: this.paragraphs, fileLine: this.lineOf(at), quote: quoteOf(text) } });
  }

  private table(el: Element, depth: number): void {
    const rows = tableRows(el);
    // A one-column table is page layout (an article wrapped in a table), and so is a frame of a few
    // cells (side menu + content) one of which holds the whole text: read its content as blocks.
    if (rows.every((cells) => cells.length <= 1) || isLayoutFrame(rows, (c) => textOf(c).replace(/\s+/g, '').length)) {
      for (const cells of rows) for (const cell of cells) this.walk(cell.children, false, depth + 1);
      this.flush();
      return;
    }
    const tableNo = ++this.tables;
    const printed: PrintedCell[][] = rows.map((cells) =>
      cells.map((cell) => {
        const text = cellText(cell, () => this.images++);
        return {
          text,
          rowSpan: Number(cell.attribs.rowspan ?? 1),
          colSpan: Number(cell.attribs.colspan ?? 1),
          source: { fileLine: this.lineOf(cell.startIndex), quote: quoteOf(text) },
        };
      }),
    );
    const grid = buildGrid(printed, tableNo).filter((row) => row.some((c) => c.text.trim()));
    if (!grid.length) return;
    const source: SourceRef = { table: tableNo, fileLine: this.lineOf(el.startIndex), quote: quoteOf(grid[0].find((c) => c.text)?.text ?? '') };
    this.blocks.push({ kind: 'table', rows: grid, source });
  }
}

/** The rows of a table (through thead/tbody/tfoot), not those of tables nested in its cells. */
function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (n: Element) => {
    for (const c of n.children) {
      if (!isElement(c) || isChrome(c)) continue;
      if (c.name === 'tr') rows.push(c.children.filter((d): d is Element => isElement(d) && (d.name === 'td' || d.name === 'th')));
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** A cell's text: its paragraphs joined; a table nested in it contributes its cells' text. */
function cellText(cell: Element, onImage: () => void): string {
  const parts: string[] = [];
  let buf = '';
  const flush = () => {
    const t = cleanInline(buf).trim();
    if (t) parts.push(t);
    buf = '';
  };
  const visit = (n: ChildNode, depth: number) => {
    if (n.type === ElementType.Text) {
      buf += n.data.replace(/[\r\n]+/g, ' ');
      return;
    }
    if (!isElement(n) || isChrome(n)) return;
    if (n.name === 'img') return onImage();
    if (depth > MAX_DEPTH) {
      buf += textOf(n).replace(/[\r\n]+/g, ' ');
      return;
    }
    const block = BLOCK.has(n.name) || HEADING.test(n.name) || n.name === 'br' || n.name === 'td' || n.name === 'th' || n.name === 'tr' || n.name === 'table';
    if (block) flush();
    for (const c of n.children) visit(c, depth + 1);
    if (block) flush();
  };
  for (const c of cell.children) visit(c, 0);
  flush();
  return joinCellParagraphs(parts);
}
