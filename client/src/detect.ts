// Opt-in detection: a Markdown or plain-text file whose title names a 政府信息公开工作年度报告 is
// switched to the nianbao language (the rule itself is core/src/reportFile.ts, which the server's
// workspace diagnostics use too). Only the first lines are read, and nothing else fires on
// ordinary Markdown files. A file switched once is never switched again in this session, so a
// writer who turns it back to Markdown keeps Markdown.

import * as vscode from 'vscode';
import { isAnnualReportTitle, TITLE_SCAN_LINES as SCAN_LINES, titleCandidates } from '../../core/src/reportFile';

/** URI schemes of documents a writer edits (local, new, remote and virtual workspaces). */
export const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

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
