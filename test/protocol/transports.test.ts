// The four transports of vscode-languageserver's createConnection, against the bundled server:
// --stdio (and no flag at all, which means stdio), --node-ipc (how VS Code starts it), --socket=N
// and --pipe=NAME (the server connects to the editor). Over each: initialize, diagnostics of an
// opened draft, shutdown + exit with code 0; and the editor closing the connection without
// shutdown ends the process with code 1.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createClientPipeTransport,
  createClientSocketTransport,
  createMessageConnection,
  generateRandomPipeName,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, SERVER } from './lspClient';
import { withTimeout } from './rawSession';

type Kind = 'stdio' | 'no flag' | 'node-ipc' | 'socket' | 'pipe';
const KINDS: Kind[] = ['stdio', 'no flag', 'node-ipc', 'socket', 'pipe'];

interface Link {
  proc: ChildProcess;
  conn: MessageConnection;
  exited: Promise<number | null>;
  /** The editor goes away without shutdown: closes its end of the connection. */
  hangUp(): void;
}

/** A socket transport on a free port (the client listens, the server connects). */
async function socketTransport(): Promise<{ port: number; connected: () => Promise<[MessageReader, MessageWriter]> }> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    try {
      const t = await createClientSocketTransport(port);
      return { port, connected: () => t.onConnected() };
    } catch (err) {
      if (attempt > 20) throw err;
    }
  }
}

async function connect(kind: Kind): Promise<Link> {
  let proc: ChildProcess;
  let reader: MessageReader;
  let writer: MessageWriter;
  let hangUp: () => void;
  if (kind === 'stdio' || kind === 'no flag') {
    proc = spawn(process.execPath, kind === 'stdio' ? [SERVER, '--stdio'] : [SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    reader = new StreamMessageReader(proc.stdout!);
    writer = new StreamMessageWriter(proc.stdin!);
    hangUp = () => proc.stdin!.end();
  } else if (kind === 'node-ipc') {
    proc = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    reader = new IPCMessageReader(proc);
    writer = new IPCMessageWriter(proc);
    hangUp = () => proc.disconnect();
  } else {
    let connected: () => Promise<[MessageReader, MessageWriter]>;
    let arg: string;
    if (kind === 'socket') {
      const t = await socketTransport();
      connected = t.connected;
      arg = `--socket=${t.port}`;
    } else {
      const name = generateRandomPipeName();
      const t = await createClientPipeTransport(name);
      connected = () => t.onConnected();
      arg = `--pipe=${name}`;
    }
    proc = spawn(process.execPath, [SERVER, arg], { stdio: ['ignore', 'ignore', 'pipe'] });
    [reader, writer] = await withTimeout(connected(), 10_000, `the server connecting over ${kind}`);
    hangUp = () => writer.end();
  }
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  const conn = createMessageConnection(reader, writer);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  return { proc, conn, exited, hangUp };
}

async function diagnosticsOfDraft(link: Link): Promise<string[]> {
  const arrived = new Promise<string[]>((res) =>
    link.conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: { code?: string }[] }) => res(p.diagnostics.map((d) => String(d.code)))),
  );
  const init = await link.conn.sendRequest<{ capabilities: { hoverProvider?: boolean } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(init.capabilities.hoverProvider, true);
  await link.conn.sendNotification('initialized', {});
  await link.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///tmp/nianbao-transports/report.nianbao.md', languageId: 'nianbao', version: 1, text: DRAFT_2023 },
  });
  return withTimeout(arrived, 10_000, 'diagnostics');
}

describe('transports', { timeout: 120_000 }, () => {
  const procs: ChildProcess[] = [];
  before(() => ensureBuilt());
  after(() => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill();
  });

  for (const kind of KINDS) {
    test(`${kind}: diagnostics, then shutdown + exit → code 0`, async () => {
      const link = await connect(kind);
      procs.push(link.proc);
      assert.ok((await diagnosticsOfDraft(link)).includes('table-balance'));
      assert.equal(await link.conn.sendRequest('shutdown'), null);
      await link.conn.sendNotification('exit');
      assert.equal(await withTimeout(link.exited, 5000, 'exit'), 0);
      link.conn.dispose();
    });

    test(`${kind}: the editor hangs up without shutdown → code 1`, async () => {
      const link = await connect(kind);
      procs.push(link.proc);
      await diagnosticsOfDraft(link);
      link.conn.dispose();
      link.hangUp();
      assert.equal(await withTimeout(link.exited, 5000, `exit after the ${kind} connection closed`), 1);
    });
  }
});
