// The LSP lifecycle (spec 3.17, "Lifecycle Messages") as strictly as the protocol tests pin it,
// and which part of it vscode-languageserver does not do by itself.
//
// What the library (11.0, lib/node/main.js and lib/common/server.js) does on its own:
//   - `exit` ends the process: code 0 after `shutdown` was received, 1 without;
//   - `shutdown` is answered with null and remembered for that exit code;
//   - under --stdio, the end or close of stdin ends the process with the same codes;
//   - the editor's process (initialize's processId, or --clientProcessId) is polled every 3 s
//     with process.kill(pid, 0); when that throws (EPERM too: a process of another user counts as
//     gone) the process ends with the same codes.
// What it does not do: it runs every request and notification whatever the state, including a
// second `initialize` and requests after `shutdown`. This gate, run on every incoming message
// before dispatch (./connection.ts installs it as vscode-jsonrpc's message strategy), adds:
//   - before `initialize`: requests → -32002 ServerNotInitialized, notifications dropped (`exit` aside);
//   - a second `initialize` → -32600 InvalidRequest;
//   - after `shutdown`: requests → -32600 InvalidRequest, notifications dropped (`exit` aside).

import { ErrorCodes } from 'vscode-languageserver/node';

export type Phase = 'starting' | 'running' | 'shutDown';

export interface Refusal {
  code: number;
  message: string;
}

export class Lifecycle {
  phase: Phase = 'starting';

  /** Called for each request before it runs: why it may not run now, or undefined when it may. */
  admitRequest(method: string): Refusal | undefined {
    if (method === 'initialize') {
      if (this.phase !== 'starting') return { code: ErrorCodes.InvalidRequest, message: 'initialize 只能发送一次（initialize may be sent only once）' };
      this.phase = 'running';
      return undefined;
    }
    if (this.phase === 'starting') return { code: ErrorCodes.ServerNotInitialized, message: `服务器尚未初始化，无法处理 ${method}（server not initialized）` };
    if (this.phase === 'shutDown') return { code: ErrorCodes.InvalidRequest, message: `服务器已关闭，无法处理 ${method}（server is shut down）` };
    if (method === 'shutdown') this.phase = 'shutDown';
    return undefined;
  }

  /** Notifications run only between initialize and shutdown; `exit` always does. */
  admitNotification(method: string): boolean {
    return method === 'exit' || this.phase === 'running';
  }

  /** The exit code the library uses too: 0 once shutdown was received, 1 otherwise. */
  exitCode(): number {
    return this.phase === 'shutDown' ? 0 : 1;
  }
}
