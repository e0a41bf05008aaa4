// Published reports often print the title over two or three centred lines (the body's name, then
// "2023年政府信息公开工作年度报告"). The checker reads the title from one line, so such a run of
// leading centred paragraphs becomes one title block.

import type { Block, TextBlock } from './blocks';

const MAX_TITLE_LINES = 3;
const MAX_TITLE_CHARS = 80;
/** How many blocks from the top a first-level heading may stand and still be the title. */
const TITLE_SEARCH = 8;
const NAMES_REPORT = /报告|年报/;

const looksLikeTitle = (s: string) => {
  const t = squash(s);
  return t.length <= MAX_TITLE_CHARS && /(?:报告|年报)$/.test(t);
};

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function mergeTitle(blocks: Block[], pageTitle?: string): Block[] {
  const lead: TextBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' || lead.length === MAX_TITLE_LINES) break;
    lead.push(b);
  }
  if (!lead.length) return blocks;
  const page = pageTitle ? squash(pageTitle) : '';
  for (let k = lead.length; k >= 1; k--) {
    const parts = lead.slice(0, k);
    const text = parts.map((b) => squash(b.text)).join('');
    if (!text || text.length > MAX_TITLE_CHARS) continue;
    const byPage = page !== '' && (text === page || page.startsWith(text)) && NAMES_REPORT.test(text);
    const byLayout = parts.every((b) => b.centered) && /(?:报告|年报)$/.test(text) && (k === 1 || !/[。；]/.test(text));
    const byHeading = k === 1 && parts[0].kind === 'heading' && parts[0].level === 1 && NAMES_REPORT.test(text);
    if (byPage || byLayout || byHeading) {
      const title: TextBlock = { kind: 'title', text: parts.map((b) => b.text.replace(/\n/g, '').trim()).join(''), source: parts[0].source };
      return [title, ...blocks.slice(k)];
    }
  }
  // A first-level heading naming a report, a few blocks down: what stands above it is page chrome (a
  // link to last year's report, a breadcrumb), and the heading is the title.
  const h1 = blocks.slice(0, TITLE_SEARCH).findIndex((b) => b.kind === 'heading' && b.level === 1 && NAMES_REPORT.test(b.text) && squash(b.text).length <= MAX_TITLE_CHARS);
  if (h1 > 0) {
    const b = blocks[h1] as TextBlock;
    return [...blocks.slice(0, h1), { kind: 'title', text: b.text.replace(/\n/g, '').trim(), source: b.source }, ...blocks.slice(h1 + 1)];
  }
  // The article holds no title of its own (many sites print it outside the content): the page's
  // <title>, less a site name after a separator, when it names a report and its year (a bare
  // 政府信息公开工作年度报告, as a page exported from a draft without a title carries, names none).
  const fromPage = pageTitle?.split(/\s+[-_|—]\s+|_/)[0].trim();
  const namesYear = !!fromPage && /(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}/.test(fromPage);
  if (fromPage && namesYear && NAMES_REPORT.test(fromPage) && fromPage.length <= MAX_TITLE_CHARS && !looksLikeTitle(lead[0].text)) {
    return [{ kind: 'title', text: fromPage, source: { quote: fromPage } }, ...blocks];
  }
  return blocks;
}
