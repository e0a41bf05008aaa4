// The language client. Loaded by extension.ts only when a nianbao document is open or a command
// needs the server, so activating on Markdown files costs nothing.

import * as vscode from 'vscode';
import { EDITABLE_SCHEMES } from './detect';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { restartingErrorHandler } from './restart';

export interface ServerHandle {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  stop(): Promise<void>;
}

export async function startClient(context: vscode.ExtensionContext): Promise<ServerHandle> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Not git: or diff sides, which would list every problem twice.
    documentSelector: [...EDITABLE_SCHEMES].map((scheme) => ({ language: 'nianbao', scheme })),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/nianbao.config.json') },
    outputChannelName: vscode.l10n.t('Nianbao Language Server'),
    errorHandler: restartingErrorHandler(),
    // The server offers pull diagnostics; vscode-languageclient 11 pulls only on open unless told to
    // pull after each change too (the server's debounce then holds the answer, see pullDiagnostics.ts).
    diagnosticPullOptions: { onChange: true },
  };
  const client = new LanguageClient('nianbao', vscode.l10n.t('Nianbao Language Server'), serverOptions, clientOptions);
  await client.start();
  return {
    sendRequest: <R>(method: string, params: unknown) => client.sendRequest<R>(method, params),
    stop: () => client.stop(),
  };
}
