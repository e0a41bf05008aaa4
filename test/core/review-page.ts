// Reads the reviewer's page (cli/src/format-html.ts) back as a person sees it: the summary table's
// rows as cell texts, the sections' ids, and every link and resource the page refers to. Used on
// the page as written (core tests) and on the DOM a real browser made of it (consumers tests).

import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export interface ReviewPage {
  headers: string[];
  /** Each row of the summary table: its cells' text, whitespace collapsed. */
  rows: string[][];
  /** Where each row's file name links to ('' when it does not link). */
  rowLinks: string[];
  /** The ids of the findings sections, in order. */
  sectionIds: string[];
  /** Per section: the findings' text. */
  findings: Map<string, string[]>;
  /** Every href and src in the page. */
  references: string[];
  scripts: number;
  title: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function readReviewPage(html: string): ReviewPage {
  const doc = parseDocument(html);
  const table = DomUtils.findOne((e) => e.name === 'table' && /\breports\b/.test(e.attribs.class ?? ''), doc.children)!;
  const cellsOf = (tr: Element) => DomUtils.getChildren(tr).filter((c): c is Element => DomUtils.isTag(c) && (c.name === 'td' || c.name === 'th'));
  const headerRow = DomUtils.findOne((e) => e.name === 'tr', DomUtils.findOne((e) => e.name === 'thead', [table])!.children)!;
  const body = DomUtils.findOne((e) => e.name === 'tbody', [table])!;
  const trs = DomUtils.findAll((e) => e.name === 'tr', body.children);
  const sections = DomUtils.findAll((e) => e.name === 'section', doc.children);
  const findings = new Map<string, string[]>();
  for (const s of sections) {
    const list = DomUtils.findOne((e) => e.name === 'ol', s.children);
    findings.set(s.attribs.id, list ? DomUtils.getChildren(list).filter(DomUtils.isTag).map((li) => squash(DomUtils.textContent(li))) : []);
  }
  return {
    headers: cellsOf(headerRow).map((c) => squash(DomUtils.textContent(c))),
    rows: trs.map((tr) => cellsOf(tr).map((c) => squash(DomUtils.textContent(c)))),
    rowLinks: trs.map((tr) => DomUtils.findOne((e) => e.name === 'a', tr.children)?.attribs.href ?? ''),
    sectionIds: sections.map((s) => s.attribs.id),
    findings,
    references: DomUtils.findAll((e) => 'href' in e.attribs || 'src' in e.attribs, doc.children).map((e) => e.attribs.href ?? e.attribs.src),
    scripts: DomUtils.findAll((e) => e.name === 'script', doc.children).length,
    title: squash(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'title', doc.children) ?? [])),
  };
}
