// How the editor talks to us, chosen from the command line the way vscode-languageserver's
// createConnection did (we run on vscode-jsonrpc directly to keep dist/server.js small, see
// ./connection.ts): `--stdio` (Neovim, the bench, the protocol tests), `--node-ipc` (the VS Code
// client starts us with TransportKind.ipc), `--socket=N` / `--pipe=NAME` (other clients; both are
// in vscode-jsonrpc/node already, so they cost nothing extra). `--clientProcessId=PID` names the
// editor process, which ./lifecycle.ts watches.

import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** stdout carries the protocol: nothing else may be printed there. */
  stdio: boolean;
  /** --node-ipc: the channel to the editor closes with a 'disconnect' event on `process`. */
  ipc: boolean;
  clientProcessId?: number;
}

/** `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

export function transportFromArgs(argv: readonly string[] = process.argv.slice(2)): Transport {
  const pid = Number.parseInt(option(argv, '--clientProcessId') ?? '', 10);
  const clientProcessId = Number.isNaN(pid) ? undefined : pid;
  if (argv.includes('--node-ipc')) {
    return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false, ipc: true, clientProcessId };
  }
  const port = Number.parseInt(option(argv, '--socket') ?? '', 10);
  const pipe = option(argv, '--pipe');
  if (!argv.includes('--stdio') && (port || pipe)) {
    const [reader, writer] = port ? createServerSocketTransport(port) : createServerPipeTransport(pipe!);
    return { reader, writer, stdio: false, ipc: false, clientProcessId };
  }
  // --stdio, and also the default: `nianbao-language-server` with no flag is what most editors
  // configure by hand, and stdio is the only transport that needs no argument.
  return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true, ipc: false, clientProcessId };
}
