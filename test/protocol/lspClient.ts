// A minimal LSP client for the protocol tests: spawns the bundled server over stdio and speaks
// JSON-RPC the way an editor does, recording what the server pushes.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO = resolve(__dirname, '../../..');
export const SERVER = join(REPO, 'dist/server.js');

/** `npm test` builds first; a lone run of this file builds when the bundle is missing. */
export function ensureBuilt(): void {
  if (!existsSync(SERVER)) execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs')], { stdio: 'inherit' });
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: unknown[];
  data?: unknown;
}

export interface InitializeOptions {
  /** Advertise pull diagnostics (textDocument.diagnostic, and workspace diagnostics' refresh), as VS Code does. */
  pull?: boolean;
}

export class TestClient {
  readonly published: Published[] = [];
  /** workspace/diagnostic/refresh requests the server sent (pull clients only). */
  readonly refreshes: number[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  private waiters: (() => void)[] = [];
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;

  /** What the client answers to workspace/configuration; tests change it, then notify the server. */
  settings: unknown;

  constructor(settings: unknown) {
    this.settings = settings;
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => this.push(() => this.published.push(p)));
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => this.push(() => this.messages.push(p)));
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.push(() => this.logs.push(p.message)));
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.push(() => this.messages.push(p));
      return null;
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.push(() => this.refreshes.push(Date.now()));
      return null;
    });
    this.conn.listen();
  }

  private push(record: () => void): void {
    record();
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Resolves with the first recorded item (already there or arriving) that satisfies `pred`. */
  async waitFor<T>(list: () => T[], pred: (t: T) => boolean, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = list().find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('')}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  diagnosticsFor(uri: string, version: number): Promise<Published> {
    return this.waitFor(() => this.published, (p) => p.uri === uri && p.version === version, `diagnostics of ${uri} v${version}`);
  }

  async initialize(workspaceFolder?: string, options: InitializeOptions = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: workspaceFolder ?? null,
      workspaceFolders: workspaceFolder ? [{ uri: workspaceFolder, name: 'drafts' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(options.pull && { diagnostics: { refreshSupport: true } }),
        },
        textDocument: {
          ...(options.pull && { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((res) => this.proc.once('exit', (code) => res(code)));
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}
