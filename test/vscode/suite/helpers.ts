// Shared steps for the in-editor tests: a scratch folder in the test workspace, waiting for the
// language server's diagnostics, reading a diagnostic's rule id.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'nianbao.nianbao';

/** A folder the tests may write to: inside the opened workspace when there is one. */
export function scratchDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.env.NIANBAO_TEST_WORKSPACE ?? os.tmpdir();
  const dir = path.join(folder, 'nianbao-suite');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeDraft(name: string, text: string): vscode.Uri {
  const file = path.join(scratchDir(), name);
  fs.writeFileSync(file, text, 'utf8');
  return vscode.Uri.file(file);
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function diagnosticsMatching(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
    return pred(ds) ? ds : undefined;
  }, what);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  return -1;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
