// Extension entry. Kept tiny on purpose: activation (also on every Markdown file, for detection)
// loads only this file; the language client (./lsp) is required when a nianbao document is
// open, a command needs the server, or the workspace holds report files.

import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDetection } from './detect';
import { registerImportExport } from './importExport';
import { OverviewView } from './overview';
import type { ServerHandle } from './lsp';

let server: Promise<ServerHandle> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activated = Date.now();
  const ensureServer = (): Promise<ServerHandle> => {
    if (!server) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the language client is loaded when the first report opens, not at activation
      const lsp = require('./lsp') as typeof import('./lsp');
      server = lsp.startClient(context, { activated, clientLoaded: Date.now() });
      server.catch((err: unknown) => {
        server = undefined;
        // Say why features are missing instead of failing silently.
        void vscode.window.showErrorMessage(vscode.l10n.t('The Nianbao language server could not start: {0}', err instanceof Error ? err.message : String(err)));
      });
    }
    return server;
  };
  registerCommands(context, ensureServer);
  registerDetection(context);
  registerImportExport(context);
  const overview = new OverviewView(ensureServer);
  context.subscriptions.push(overview, vscode.commands.registerCommand('nianbao.overviewState', () => overview.state()));
  const isReport = (d: vscode.TextDocument) => d.languageId === 'nianbao';
  if (vscode.workspace.textDocuments.some(isReport)) void ensureServer();
  else void startEarlyForReportFolders(ensureServer);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isReport(d)) void ensureServer();
    }),
  );
}

/**
 * In a workspace that holds report files (the `workspaceContains` activation), the server starts
 * in the background at once, so that opening a report shows its problems as soon as it is
 * checked: loading the client, starting the server and its first, slowest check are out of the
 * way (test/ui measures it). Elsewhere (activation for a Markdown file) nothing is started.
 */
async function startEarlyForReportFolders(ensureServer: () => Promise<ServerHandle>): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length || typeof vscode.workspace.findFiles !== 'function') return;
  const found = await vscode.workspace.findFiles('**/*.nianbao.md', '**/node_modules/**', 1).then(
    (uris) => uris.length > 0,
    () => false,
  );
  if (found) void ensureServer();
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  if (s) await (await s).stop();
}
