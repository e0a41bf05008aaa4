// A bare JSON-RPC session with the bundled server, for the lifecycle tests: it writes frames by
// hand (several in one write when asked) and records every message the server sends, so a test
// can look at error codes, unanswered requests and the process's exit code directly, without a
// client library answering or hiding anything.

import { spawn, type ChildProcess } from 'node:child_process';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { SERVER } from './lspClient';

export interface RawMessage {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out: ${what}`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class RawSession {
  readonly proc: ChildProcess;
  readonly received: RawMessage[] = [];
  readonly stderr: string[] = [];
  /** The exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((res) => this.proc.once('exit', (code) => res(code)));
    this.proc.stderr!.on('data', (d) => this.stderr.push(String(d)));
    new StreamMessageReader(this.proc.stdout!).listen((m) => {
      this.received.push(m as RawMessage);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
  }

  /** Writes all messages in one chunk, so the server reads them together. */
  send(...messages: object[]): void {
    this.proc.stdin!.write(Buffer.concat(messages.map(frame)));
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, params });
  }

  request(id: number | string, method: string, params?: unknown): Promise<RawMessage> {
    this.send({ id, method, params });
    return this.response(id);
  }

  response(id: number | string): Promise<RawMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined, `the response to request ${id}`);
  }

  /** initialize (without workspace/configuration, so the server asks the client nothing) + initialized. */
  async initialize(processId: number | null = null): Promise<RawMessage> {
    const r = await this.request('init', 'initialize', { processId, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
    return r;
  }

  async waitFor(pred: (m: RawMessage) => boolean, what: string, timeoutMs = 10_000): Promise<RawMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}
