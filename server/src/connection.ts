// The server's end of the LSP connection: vscode-languageserver's createConnection, with the
// strict lifecycle of ./lifecycle.ts in front of it and the two ways of the editor going away
// that the library does not notice.
//
// Transports, as the editor names them on the command line:
//   --stdio          Neovim, the bench, the protocol tests; also the default when no transport is
//                    named (the library would throw; `nianbao-language-server` alone is what most
//                    editors configured by hand run). The library reads stdin/stdout, routes
//                    console.* to window/logMessage and ends the process when stdin ends.
//   --node-ipc       the VS Code client (TransportKind.ipc). The library reads and writes the IPC
//                    channel but does not end the process when the channel closes ('disconnect'
//                    on `process`; its reader waits for a 'close' that `process` never emits), so
//                    we do.
//   --socket=PORT    connect to the editor's port / named pipe. The library's own transports
//   --pipe=NAME      (createServerSocketTransport / createServerPipeTransport) are used, but built
//                    here rather than by the library from argv, because the library never looks
//                    at their close: we end the process when the editor closes the connection.
// --clientProcessId=PID is watched by the library itself (see ./lifecycle.ts).

import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  Message,
  ResponseError,
  type Connection,
  type MessageReader,
  type MessageStrategy,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { Lifecycle, type Refusal } from './lifecycle';

/** A refused request is re-addressed to this method, whose handler answers with the refusal. */
const REFUSED = '$/nianbao/refused';

/** `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** --socket / --pipe: the reader and writer, built with the library's transports. */
function socketOrPipe(argv: readonly string[]): [MessageReader, MessageWriter] | undefined {
  if (argv.includes('--stdio') || argv.includes('--node-ipc')) return undefined;
  const port = Number.parseInt(option(argv, '--socket') ?? '', 10);
  if (port) return createServerSocketTransport(port);
  const pipe = option(argv, '--pipe');
  return pipe ? createServerPipeTransport(pipe) : undefined;
}

export function createLspConnection(): Connection {
  const args = process.argv.slice(2);
  const lifecycle = new Lifecycle();
  const exit = (): never => process.exit(lifecycle.exitCode());
  const messageStrategy: MessageStrategy = {
    handleMessage(message, next) {
      if (Message.isRequest(message)) {
        const refusal = lifecycle.admitRequest(message.method);
        if (refusal) return next({ ...message, method: REFUSED, params: refusal } as Message);
      } else if (Message.isNotification(message) && !lifecycle.admitNotification(message.method)) {
        return;
      }
      return next(message);
    },
  };

  let connection: Connection;
  const transport = socketOrPipe(args);
  if (transport) {
    const [reader, writer] = transport;
    reader.onClose(exit);
    connection = createConnection(reader, writer, { messageStrategy });
  } else {
    // The library reads the transport from process.argv itself.
    if (!args.includes('--node-ipc') && !args.includes('--stdio')) process.argv.push('--stdio');
    connection = createConnection({ messageStrategy });
    if (args.includes('--node-ipc')) process.on('disconnect', exit);
  }
  connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
  return connection;
}
