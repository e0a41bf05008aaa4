// The LSP lifecycle as the spec states it (vscode-languageserver does part of it, the gate in
// server/src/lifecycle.ts the rest): -32002 before initialize, notifications before it dropped,
// initialize only once, -32600 after shutdown, exit codes 0/1, and the process ending when its
// input closes or the editor process dies. Also the --node-ipc transport the VS Code client uses.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, SERVER } from './lspClient';
import { RawSession, withTimeout } from './rawSession';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const URI = 'file:///tmp/nianbao-lifecycle/report.nianbao.md';
const open = (version: number) => ({ textDocument: { uri: URI, languageId: 'nianbao', version, text: DRAFT_2023 } });

describe('LSP lifecycle', { timeout: 60_000 }, () => {
  const sessions: RawSession[] = [];
  const session = (args?: string[]) => {
    const s = new RawSession(args);
    sessions.push(s);
    return s;
  };

  before(() => ensureBuilt());
  after(() => {
    for (const s of sessions) if (s.alive()) s.proc.kill();
  });

  test('before initialize: every request gets -32002, notifications are dropped', async () => {
    const s = session();
    const early = [
      await s.request(1, 'textDocument/documentSymbol', { textDocument: { uri: URI } }),
      await s.request(2, 'nianbao/skeleton', { year: 2023 }),
      await s.request(3, 'no/suchMethod', {}),
      await s.request(4, 'shutdown'),
    ];
    for (const r of early) {
      assert.equal(r.error?.code, SERVER_NOT_INITIALIZED, `request ${r.id}: ${JSON.stringify(r)}`);
      assert.equal(r.result, undefined);
    }
    s.notify('textDocument/didOpen', open(1)); // dropped: the server does not know the document yet

    const init = await s.initialize();
    assert.equal((init.result as { capabilities: { textDocumentSync: { change: number } } }).capabilities.textDocumentSync.change, 2);
    const unknown = await s.request(5, 'textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(unknown.result, [], 'the early didOpen was not applied');

    s.notify('textDocument/didOpen', open(2));
    await s.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version?: number }).version === 2, 'diagnostics of v2');
    const known = await s.request(6, 'textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(Array.isArray(known.result) && known.result.length > 0, 'the same request answers once the document is open');
    const published = s.received.filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => (m.params as { version?: number }).version);
    assert.deepEqual(published, [2], 'nothing was published for the dropped open');
  });

  test('initialize is answered once; a second one gets -32600 and the server keeps serving', async () => {
    const s = session();
    const first = await s.initialize();
    assert.ok(first.result, 'first initialize answered');
    const second = await s.request('init-2', 'initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.equal(second.error?.code, INVALID_REQUEST);
    const skeleton = await s.request(7, 'nianbao/skeleton', { year: 2023 });
    assert.equal((skeleton.result as { profileId: string }).profileId, 'gov-2021');
  });

  test('shutdown answers null; later requests get -32600; exit then ends with code 0', async () => {
    const s = session();
    await s.initialize();
    const down = await s.request(8, 'shutdown');
    assert.equal(down.error, undefined);
    assert.equal(down.result, null);
    for (const [id, method] of [
      [9, 'textDocument/hover'],
      [10, 'nianbao/skeleton'],
      [11, 'shutdown'],
    ] as const) {
      const r = await s.request(id, method, { textDocument: { uri: URI }, position: { line: 0, character: 0 }, year: 2023 });
      assert.equal(r.error?.code, INVALID_REQUEST, `${method} after shutdown: ${JSON.stringify(r)}`);
    }
    assert.ok(s.alive(), 'shutdown alone does not end the process');
    s.notify('exit');
    assert.equal(await withTimeout(s.exited, 5000, 'exit after shutdown'), 0);
  });

  test('exit without shutdown ends with code 1, also before initialize', async () => {
    const running = session();
    await running.initialize();
    running.notify('exit');
    const fresh = session();
    fresh.notify('exit');
    assert.equal(await withTimeout(running.exited, 5000, 'exit without shutdown'), 1);
    assert.equal(await withTimeout(fresh.exited, 5000, 'exit before initialize'), 1);
  });

  test('the process ends when its input closes: code 0 after shutdown, 1 without', async () => {
    const abandoned = session();
    await abandoned.initialize();
    abandoned.proc.stdin!.end();
    const orderly = session();
    await orderly.initialize();
    await orderly.request(12, 'shutdown');
    orderly.proc.stdin!.end();
    assert.equal(await withTimeout(abandoned.exited, 5000, 'exit on closed input'), 1);
    assert.equal(await withTimeout(orderly.exited, 5000, 'exit on closed input after shutdown'), 0);
  });

  test('the process ends when the editor process dies (initialize processId, --clientProcessId)', async () => {
    const editors: ChildProcess[] = [];
    const editor = () => {
      const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      editors.push(p);
      return p;
    };
    try {
      const viaInitialize = editor();
      const a = session();
      await a.initialize(viaInitialize.pid);
      const viaArgument = editor();
      const b = session(['--stdio', `--clientProcessId=${viaArgument.pid}`]);
      await b.initialize(); // processId null: only the argument names the editor
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(a.alive() && b.alive(), 'both run while their editor lives');
      viaInitialize.kill('SIGKILL');
      viaArgument.kill('SIGKILL');
      // The watchdog polls every 3 s.
      assert.equal(await withTimeout(a.exited, 10_000, 'exit after the processId died'), 1);
      assert.equal(await withTimeout(b.exited, 10_000, 'exit after the --clientProcessId died'), 1);
    } finally {
      for (const p of editors) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    }
  });

  test('over --node-ipc (as VS Code starts it): diagnostics arrive; closing the channel ends the server', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc', `--clientProcessId=${process.pid}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const published: { uri: string; version?: number; diagnostics: { code?: string }[] }[] = [];
    let gotDiagnostics: () => void = () => undefined;
    const diagnosticsArrived = new Promise<void>((res) => (gotDiagnostics = res));
    conn.onNotification('textDocument/publishDiagnostics', (p: (typeof published)[number]) => {
      published.push(p);
      gotDiagnostics();
    });
    conn.listen();
    try {
      const init = await conn.sendRequest<{ capabilities: { hoverProvider?: boolean } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.capabilities.hoverProvider, true);
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', open(1));
      await withTimeout(diagnosticsArrived, 10_000, 'diagnostics over IPC');
      assert.ok(published[0].diagnostics.some((d) => d.code === 'table-balance'), `the draft's defect is reported: ${JSON.stringify(published[0].diagnostics.map((d) => d.code))}`);
      conn.dispose();
      proc.disconnect();
      assert.equal(await withTimeout(exited, 5000, 'exit after the IPC channel closed'), 1);
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
    }
  });
});
