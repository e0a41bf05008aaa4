// The server's end of the LSP connection, on vscode-jsonrpc alone. vscode-languageserver gave us
// this, but it is CommonJS: esbuild cannot tree-shake it, and importing it put every LSP feature
// (notebooks, semantic tokens, call hierarchy, …) and the whole protocol's run-time tables into
// dist/server.js (~190 KB of 350 KB). LSP types come from vscode-languageserver-protocol with
// `import type` only, which costs nothing at run time.
//
// What this file does that the library did:
// - one dispatch point for every message, so the lifecycle rules (./lifecycle.ts) hold for all
//   methods, including ones we have no handler for (→ -32601 MethodNotFound once running);
// - a handler that throws, or whose promise rejects, is answered with an error (-32603, done by
//   vscode-jsonrpc) or logged for a notification; the server keeps running;
// - $/cancelRequest: vscode-jsonrpc cancels the request's token, and a request whose token is
//   already cancelled when it is dispatched is answered with -32800 (RequestCancelled) without
//   running. In practice that is rare: vscode-jsonrpc reads one message per event-loop turn and
//   dispatches a request before reading the next, and our handlers are synchronous, so a cancel
//   usually finds the answer already sent (as it did with the library);
// - window/logMessage (the `console` below, also the sink for vscode-jsonrpc's own complaints and
//   for console.* calls, which must never write to stdout when stdout carries the protocol),
//   window/showMessage, workspace/configuration, client/registerCapability, publishDiagnostics.

import { randomUUID } from 'node:crypto';
import { format, inspect } from 'node:util';
import { createMessageConnection, ErrorCodes, ResponseError, type CancellationToken, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeParams, InitializeResult, MessageType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Lifecycle } from './lifecycle';
import { transportFromArgs, type Transport } from './transport';

/** LSPErrorCodes.RequestCancelled (importing the constant would pull in the protocol package). */
const REQUEST_CANCELLED = -32800;

/** window/logMessage and window/showMessage severities (MessageType). */
const ERROR: MessageType = 1;
const WARNING: MessageType = 2;
const INFO: MessageType = 3;
const LOG: MessageType = 4;

// `any`: each handler states its own LSP parameter type; the editor is trusted to send that shape,
// and a handler that trips over a malformed one is answered with an error, not a crash.
type Params = any;
export type RequestHandler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;
export type NotificationHandler<P> = (params: P) => void | Promise<void>;

export class Connection {
  private readonly rpc: MessageConnection;
  private readonly lifecycle: Lifecycle;
  private readonly requests = new Map<string, RequestHandler<Params, unknown>>();
  private readonly notifications = new Map<string, NotificationHandler<Params>>();
  private initializeHandler: (params: InitializeParams) => InitializeResult = () => ({ capabilities: {} });
  /** Set when a log message could not be sent, so a failing log does not log its own failure. */
  private logBroken = false;

  /** window/logMessage at the four levels. */
  readonly console = {
    error: (message: string) => this.logMessage(ERROR, message),
    warn: (message: string) => this.logMessage(WARNING, message),
    info: (message: string) => this.logMessage(INFO, message),
    log: (message: string) => this.logMessage(LOG, message),
  };

  constructor(private readonly transport: Transport = transportFromArgs()) {
    this.rpc = createMessageConnection(transport.reader, transport.writer, this.console);
    this.lifecycle = new Lifecycle(() => this.rpc.end());
    this.rpc.onRequest((method, params, token) => this.dispatchRequest(method, params, token));
    this.rpc.onNotification((method, params) => this.dispatchNotification(method, params));
    // The editor closed our input (or output): nobody is left to serve.
    this.rpc.onClose(() => this.lifecycle.exit());
  }

  onInitialize(handler: (params: InitializeParams) => InitializeResult): void {
    this.initializeHandler = handler;
  }

  onRequest<P, R>(method: string, handler: RequestHandler<P, R>): void {
    this.requests.set(method, handler);
  }

  onNotification<P>(method: string, handler: NotificationHandler<P>): void {
    this.notifications.set(method, handler);
  }

  /** Starts reading messages; call once every handler is registered. */
  listen(): void {
    routeConsoleToLog(this.console);
    if (this.transport.ipc) process.on('disconnect', () => this.lifecycle.exit());
    if (this.transport.clientProcessId !== undefined) this.lifecycle.watch(this.transport.clientProcessId);
    this.rpc.listen();
  }

  private dispatchRequest(method: string, params: Params, token: CancellationToken): unknown {
    const refused = this.lifecycle.refusal(method);
    if (refused) throw refused;
    if (method === 'initialize') {
      const result = this.initializeHandler(params as InitializeParams);
      this.lifecycle.initialized((params as InitializeParams).processId);
      return result;
    }
    if (method === 'shutdown') {
      this.lifecycle.shutdown();
      return null;
    }
    const handler = this.requests.get(method);
    if (!handler) throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
    if (token.isCancellationRequested) throw new ResponseError(REQUEST_CANCELLED, `${method} 已取消（request cancelled）`);
    return handler(params, token);
  }

  private dispatchNotification(method: string, params: Params): void | Promise<void> {
    if (!this.lifecycle.accepts(method)) return;
    if (method === 'exit') this.lifecycle.exit();
    return this.notifications.get(method)?.(params);
  }

  // ---- server → editor ------------------------------------------------------------------------

  showMessage(type: MessageType, message: string): void {
    this.notify('window/showMessage', { type, message });
  }

  sendDiagnostics(params: PublishDiagnosticsParams): void {
    this.notify('textDocument/publishDiagnostics', params);
  }

  /** workspace/configuration for one section. */
  async getConfiguration(section: string): Promise<unknown> {
    const result = await this.rpc.sendRequest<unknown[] | null>('workspace/configuration', { items: [{ section }] });
    return Array.isArray(result) ? result[0] : null;
  }

  /** client/registerCapability for one method (dynamic registration). */
  async register(method: string, registerOptions?: unknown): Promise<void> {
    await this.rpc.sendRequest('client/registerCapability', { registrations: [{ id: randomUUID(), method, registerOptions }] });
  }

  private logMessage(type: MessageType, message: string): void {
    if (this.logBroken) return;
    this.notify('window/logMessage', { type, message }, () => (this.logBroken = true));
  }

  /** A notification that cannot be sent (the editor went away) is dropped, never thrown. */
  private notify(method: string, params: unknown, failed?: () => void): void {
    try {
      this.rpc.sendNotification(method, params).catch(() => failed?.());
    } catch {
      failed?.(); // the connection is closed or disposed
    }
  }
}

/** console.* would write to stdout, which carries the protocol under --stdio: send it to the log. */
function routeConsoleToLog(log: Connection['console']): void {
  const to = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = console.debug = to(log.log);
  console.dir = (value: unknown) => log.log(inspect(value));
  console.info = to(log.info);
  console.warn = to(log.warn);
  console.error = to(log.error);
}
