// A minimal editor over JSON-RPC: spawns the bundled server (`node dist/server.js --stdio`), speaks
// LSP through vscode-jsonrpc as an editor does, answers the server's own requests (settings,
// capability registration, diagnostics refresh) and lets the caller wait for the pushed diagnostics
// of a given version, or pull them (textDocument/diagnostic) as VS Code does.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: unknown; message: string; code?: unknown; source?: string; data?: unknown }[];
}

/** A textDocument/diagnostic answer. */
export interface PulledDiagnostics {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: PublishedDiagnostics['diagnostics'];
}

export interface Session {
  proc: ChildProcess;
  conn: MessageConnection;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  /** Resolves with the arrival time of the diagnostics for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number): Promise<{ at: number; params: PublishedDiagnostics }>;
  open(uri: string, text: string, version?: number): void;
  /** textDocument/diagnostic for `uri`, naming the result id the editor holds. */
  pull(uri: string, previousResultId?: string): Promise<PulledDiagnostics>;
  rssKb(): number;
  /** CPU time the server process has used so far (user + system, /proc/<pid>/stat), in ms. */
  cpuMs(): number;
  close(): Promise<void>;
}

/** What the editor answers to workspace/configuration for the "nianbao" section. */
/** USER_HZ, the unit of /proc/<pid>/stat's times: 100 on Linux. */
const CLOCK_TICKS = 100;

export interface StartOptions {
  serverPath: string;
  settings: Record<string, unknown>;
}

export function startServer(opts: StartOptions): Session {
  const spawnedAt = performance.now();
  const proc = spawn(process.execPath, [opts.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`could not start ${opts.serverPath}`);
  proc.stderr.on('data', () => {
    /* the server logs to stderr only on crashes; keep the pipe drained */
  });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<string, (v: { at: number; params: PublishedDiagnostics }) => void>();
  const arrived = new Map<string, { at: number; params: PublishedDiagnostics }>();
  conn.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
    const at = performance.now();
    const key = `${params.uri}#${params.version ?? 'unversioned'}`;
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w({ at, params });
    } else arrived.set(key, { at, params });
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'nianbao' ? opts.settings : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.listen();

  return {
    proc,
    conn,
    spawnedAt,
    diagnosticsFor(uri, version) {
      const key = `${uri}#${version}`;
      const hit = arrived.get(key);
      if (hit) {
        arrived.delete(key);
        return Promise.resolve(hit);
      }
      return new Promise((resolve) => waiting.set(key, resolve));
    },
    open(uri, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version, text } });
    },
    pull(uri, previousResultId) {
      return conn.sendRequest<PulledDiagnostics>('textDocument/diagnostic', { identifier: 'nianbao', textDocument: { uri }, previousResultId });
    },
    cpuMs() {
      // Fields 14 and 15 (utime, stime) in clock ticks, counted after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    },
    rssKb() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
        void conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 50));
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    },
  };
}

/**
 * initialize + initialized with workspace/configuration support, as VS Code does; with `pull`, the
 * pull-diagnostics capabilities VS Code advertises too (the server then pushes nothing).
 */
export async function initialize(s: Session, settings: Record<string, unknown>, pull = false): Promise<void> {
  await s.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(pull && { diagnostics: { refreshSupport: true } }) },
      textDocument: {
        ...(pull && { diagnostic: { dynamicRegistration: false } }),
        synchronization: { didSave: false, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    },
    initializationOptions: { settings },
  });
  void s.conn.sendNotification('initialized', {});
}
