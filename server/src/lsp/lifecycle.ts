// The LSP lifecycle (spec 3.17, "Lifecycle Messages"), which vscode-languageserver used to enforce
// for us. We run on vscode-jsonrpc alone because the library is CommonJS and cannot be
// tree-shaken: it put ~190 KB of features and protocol tables we never use into dist/server.js.
//
//   before `initialize`   requests → error -32002 (ServerNotInitialized); notifications are dropped,
//                         except `exit`
//   `initialize`          answered once; a second one → -32600 (InvalidRequest)
//   `shutdown`            → null; afterwards requests → -32600 and notifications are dropped
//   `exit`                the process ends: code 0 after `shutdown`, 1 without
//   editor gone           initialize's processId (or --clientProcessId) is polled with
//                         process.kill(pid, 0) every 3 s, as the library did; when it has died, or
//                         the connection closes, the process ends with the same exit codes.

import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';

export type Phase = 'starting' | 'running' | 'shutDown';

const POLL_MS = 3000;

export class Lifecycle {
  phase: Phase = 'starting';
  private watched: number | undefined;

  /** `closeConnection` flushes and ends the writer before the process goes. */
  constructor(private readonly closeConnection: () => void) {}

  /** Why a request with this method may not run now, or undefined when it may. */
  refusal(method: string): ResponseError | undefined {
    if (method === 'initialize') {
      return this.phase === 'starting' ? undefined : new ResponseError(ErrorCodes.InvalidRequest, 'initialize 只能发送一次（initialize may be sent only once）');
    }
    if (this.phase === 'starting') {
      return new ResponseError(ErrorCodes.ServerNotInitialized, `服务器尚未初始化，无法处理 ${method}（server not initialized）`);
    }
    if (this.phase === 'shutDown') {
      return new ResponseError(ErrorCodes.InvalidRequest, `服务器已关闭，无法处理 ${method}（server is shut down）`);
    }
    return undefined;
  }

  /** Notifications run only between initialize and shutdown; `exit` always does. */
  accepts(notification: string): boolean {
    return notification === 'exit' || this.phase === 'running';
  }

  initialized(processId: unknown): void {
    this.phase = 'running';
    if (typeof processId === 'number') this.watch(processId);
  }

  shutdown(): void {
    this.phase = 'shutDown';
  }

  exit(): never {
    try {
      this.closeConnection();
    } catch {
      // The editor may be gone already; there is nobody left to tell.
    }
    process.exit(this.phase === 'shutDown' ? 0 : 1);
  }

  /** Ends the server when the editor process dies without telling us (crash, kill -9). */
  watch(pid: number): void {
    if (this.watched !== undefined) return;
    this.watched = pid;
    setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch (err) {
        // EPERM: the process exists but belongs to someone else (the library treated it as dead).
        if ((err as NodeJS.ErrnoException).code !== 'EPERM') this.exit();
      }
    }, POLL_MS);
  }
}
