// "打开上年报告第 N 行": a code action on a cross-year finding that opens the previous year's report
// at the line compared with. The related information already links there in VS Code; the action
// serves every editor: its command runs in the server, which asks the client to show the document
// (window/showDocument).

import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import type { CheckResult } from '../../core/src/engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../core/src/service/diagnostics';

export const OPEN_LOCATION_COMMAND = 'nianbao.server.openLocation';

/** The open actions for the cross-year diagnostics among those asked about. */
export function openPreviousActions(result: CheckResult, diagnostics: readonly Diagnostic[], only: string[] | undefined): CodeAction[] {
  if (only && !only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !d.code.startsWith('cross-year-')) continue;
    const index = (d.data as DiagnosticData | undefined)?.index;
    const f = typeof index === 'number' ? result.findings[index] : undefined;
    if (!f || f.ruleId !== d.code || f.message !== d.message) continue;
    const uri = f.data?.previousUri;
    const line = f.data?.previousLine;
    if (typeof uri !== 'string' || typeof line !== 'number') continue;
    const title = `打开上年报告第 ${line + 1} 行`;
    out.push({ title, kind: 'quickfix', diagnostics: [d], command: { title, command: OPEN_LOCATION_COMMAND, arguments: [uri, line] } });
  }
  return out;
}

/** A report file as the writer reads its name: relative to its workspace folder. */
export function shownName(uri: string, folders: readonly string[]): string {
  try {
    const path = fileURLToPath(uri);
    for (const f of folders) {
      if (!f.startsWith('file:')) continue;
      const rel = relative(fileURLToPath(f), path);
      if (rel && !rel.startsWith('..')) return rel.split(sep).join('/');
    }
    return path;
  } catch {
    return uri;
  }
}
