// A reviewer's folder of drafts (correct, wrong, hostile, unreadable), and the reviewer's page
// (cli/src/format-html.ts) read back as a person sees it: the summary table's
// rows as cell texts, the sections' ids, and every link and resource the page refers to. Used on
// the page as written (core tests) and on the DOM a real browser made of it (consumers tests).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { workspace } from './workspace';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

export { removeWorkspaces, workspace } from './workspace';

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

export const fixture = (p: string) => fs.readFileSync(path.join(FIXTURES, p), 'utf8');

export const GOOD = '# 测试局2023年工作总结\n\n<!-- nianbao-profile: generic -->\n正文。\n';
export const ERROR = '<!-- nianbao-profile: generic -->\n全年公开信息共10条，其中通知3条、公告4条、简报5条。\n';
/** A title, file name and text made to break out of HTML if anything were left unescaped. */
export const HOSTILE_TITLE = '# <script>alert(1)</script>局2023年政府信息公开工作年度报告';
export const HOSTILE = `${HOSTILE_TITLE}\n\n<!-- nianbao-profile: gov-2021 -->\n一、总体情况\n\n全年公开信息共10条，其中<b>通知</b>3条、公告4条、简报5条。\n`;

/** A reviewer's folder: two correct reports, three with mistakes, a hostile one, an unreadable one. */
export function reviewFolder(): { dir: string; files: Record<string, string> } {
  const files: Record<string, string> = {
    '01-correct-2021.md': fixture('correct/gov2021-city-2023.md'),
    '02-correct-2019.md': fixture('correct/gov2019-county-2020.md'),
    '03-table-balance.md': fixture('defects/table-balance-results.md'),
    '04-part-missing.md': fixture('defects/part-missing.md'),
    '05-prose-sum.md': fixture('defects/prose-sum.md'),
    '06-<img src=x onerror=alert(1)>.md': HOSTILE,
    '07-not-a-report.md': GOOD,
  };
  const dir = workspace({ ...files, '08-scan.pdf': Buffer.from('%PDF-1.4\n%\xe2\xe3\n') });
  return { dir, files };
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
