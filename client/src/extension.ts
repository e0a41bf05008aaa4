// Extension entry. Kept tiny on purpose: activation (also on every Markdown file, for detection)
// loads only this file; the language client (./lsp) is required when a nianbao document is
// open or a command needs the server.

import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDetection } from './detect';
import { registerImportExport } from './importExport';
import type { ServerHandle } from './lsp';

let server: Promise<ServerHandle> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const ensureServer = (): Promise<ServerHandle> => {
    if (!server) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lsp = require('./lsp') as typeof import('./lsp');
      server = lsp.startClient(context);
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
  const isReport = (d: vscode.TextDocument) => d.languageId === 'nianbao';
  if (vscode.workspace.textDocuments.some(isReport)) void ensureServer();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isReport(d)) void ensureServer();
    }),
  );
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  if (s) await (await s).stop();
}
