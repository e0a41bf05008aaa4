// Opt-in detection: a Markdown or plain-text file whose title names a 政府信息公开工作年度报告 is
// switched to the nianbao language. Only the first lines are read, and nothing else fires on
// ordinary Markdown files. A file switched once is never switched again in this session, so a
// writer who turns it back to Markdown keeps Markdown.

import * as vscode from 'vscode';

const TITLE = /政府信息公开(?:工作)?(?:年度)?报告/;
const YEARLY = /年度|年报|\d{4}\s*年/;
/** URI schemes of documents a writer edits (local, new, remote and virtual workspaces). */
export const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** How far down the title may sit (front matter, a blank line or two, a 文号 line). */
const SCAN_LINES = 40;

/** The title candidates: the first non-empty line and the first `#` heading near the top. */
export function titleCandidates(lines: readonly string[]): string[] {
  const out: string[] = [];
  const firstNonEmpty = lines.find((l) => l.trim() !== '');
  if (firstNonEmpty !== undefined) out.push(firstNonEmpty.replace(/^\s*#{1,6}\s*/, '').trim());
  const heading = lines.find((l) => /^\s{0,3}#{1,6}\s+\S/.test(l));
  if (heading !== undefined) out.push(heading.replace(/^\s*#{1,6}\s*/, '').trim());
  return out;
}

export function isAnnualReportTitle(title: string): boolean {
  return title.length <= 120 && TITLE.test(title) && YEARLY.test(title);
}

function firstLines(doc: vscode.TextDocument): string[] {
  const n = Math.min(doc.lineCount, SCAN_LINES);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(doc.lineAt(i).text);
  return lines;
}

export function registerDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();
  const enabled = () => vscode.workspace.getConfiguration('nianbao').get<boolean>('detect.enabled', true);
  const consider = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') return;
    // Only documents a writer edits; not git history, diff sides or output panes.
    if (!EDITABLE_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    if (switched.has(key) || !enabled()) return;
    if (!titleCandidates(firstLines(doc)).some(isAnnualReportTitle)) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    // A new file gets its title typed after opening; only edits near the top are looked at.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.some((c) => c.range.start.line < SCAN_LINES)) consider(e.document);
    }),
  );
}
