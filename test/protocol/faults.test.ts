// Faults: a rule that throws (engine and server), malformed JSON-RPC, messages out of order or
// for documents the server never saw, cancellation, and a burst of fast edits. The server must
// stay up, keep answering, report a failing rule once, and never publish stale diagnostics.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { check, findRule, type Rule } from '../../core/src/index';
import { ensureBuilt, REPO, TestClient } from './lspClient';

const MARKER = '触发规则异常';
const THROWING_ID = 'test-throwing-rule';

const throwingRule: Rule = {
  meta: { id: THROWING_ID, title: '测试用异常规则', titleEn: 'Throws', category: 'text', defaultSeverity: 'error', fixable: false, description: '测试用' },
  check(ctx) {
    ctx.report({ message: '抛出前的半成品结果', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    throw new Error('故意抛出的异常');
  },
};

const PROSE_DEFECT = ['# 青禾市某局2023年政府信息公开工作年度报告', '', '一、总体情况', '', '全年主动公开政府信息1200条，其中门户网站发布500条、政务微信发布400条、政务微博发布200条。', ''].join('\n');

describe('engine: a throwing rule', () => {
  test('is reported once; the other rules still report', () => {
    const proseSum = findRule('prose-sum');
    assert.ok(proseSum, 'prose-sum is registered');
    const r = check(PROSE_DEFECT, { rules: [throwingRule, proseSum] });
    assert.equal(r.ruleFailures.length, 1);
    assert.equal(r.ruleFailures[0].ruleId, THROWING_ID);
    assert.match(r.ruleFailures[0].message, /故意抛出的异常/);
    assert.ok(r.findings.some((f) => f.ruleId === 'prose-sum'), 'prose-sum still found');
    assert.ok(!r.findings.some((f) => f.ruleId === THROWING_ID), 'the half-finished findings of the throwing rule are dropped');
  });

  test('throwing a non-Error value, or throwing in every rule, still returns', () => {
    const weird: Rule[] = [undefined, null, 42, 'text', { toString: () => { throw new Error('nested'); } }].map((v, i) => ({
      meta: { ...throwingRule.meta, id: `weird-${i}` },
      check() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a rule that throws a non-Error is what is tested
        throw v;
      },
    }));
    let r: ReturnType<typeof check> | undefined;
    assert.doesNotThrow(() => (r = check(PROSE_DEFECT, { rules: weird })));
    // Regression: the last one's toString throws, and check() itself threw while describing it.
    assert.equal(r!.ruleFailures.length, weird.length);
    assert.deepEqual(r!.findings, []);
  });
});

// ------------------------------------------------------------------------------------------------

/** A server bundle with one extra rule that throws whenever the draft contains MARKER. */
async function buildThrowingServer(outfile: string): Promise<void> {
  const append = `
;(ALL_RULES as Rule[]).push({
  meta: { id: '${THROWING_ID}', title: '测试用异常规则', titleEn: 'Throws', category: 'text', defaultSeverity: 'error', fixable: false, description: '测试用' },
  check(ctx) { if (ctx.doc.text.includes('${MARKER}')) throw new Error('故意抛出的异常'); },
});
`;
  await build({
    entryPoints: [path.join(REPO, 'server/src/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    plugins: [
      {
        name: 'throwing-rule',
        setup(b) {
          b.onLoad({ filter: /core[\\/]src[\\/]rules[\\/]index\.ts$/ }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8') + append, loader: 'ts' }));
        },
      },
    ],
  });
}

const uri = (name: string) => `file:///tmp/nianbao-faults/${name}.nianbao.md`;

function open(c: TestClient, u: string, text: string, version = 1): void {
  void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version, text } });
}

function alive(c: TestClient): boolean {
  return c.proc.exitCode === null && c.proc.signalCode === null;
}

/** A request every state of the server can answer. */
async function stillAnswers(c: TestClient, what: string): Promise<void> {
  const r = await withTimeout(c.conn.sendRequest<{ profileId: string }>('nianbao/skeleton', { year: 2023 }), 5000, `answer after ${what}`);
  assert.equal(r.profileId, 'gov-2021', `server answers after ${what}`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`timed out: ${what}`)), ms))]);
}

function frame(body: string | Buffer, length = Buffer.byteLength(body)): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

describe('language server under faults', { timeout: 120_000 }, () => {
  const clients: TestClient[] = [];
  const client = (settings: unknown = { debounceMs: 50 }) => {
    const c = new TestClient(settings);
    clients.push(c);
    return c;
  };
  let tmp = '';

  before(async () => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-faults-'));
  });
  after(() => {
    for (const c of clients) if (alive(c)) c.proc.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a throwing rule is logged once; other diagnostics still arrive', async () => {
    const server = path.join(tmp, 'server-throwing.js');
    await buildThrowingServer(server);
    // TestClient always spawns dist/server.js; the variant gets its own small connection.
    const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const logs: { type: number; message: string }[] = [];
    const published: { uri: string; version?: number; diagnostics: { code?: string | number; message: string }[] }[] = [];
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void logs.push(p));
    conn.onNotification('textDocument/publishDiagnostics', (p: (typeof published)[number]) => void published.push(p));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 20 })));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
      await conn.sendNotification('initialized', {});
      const u = uri('throwing');
      const text = `${PROSE_DEFECT}\n${MARKER}\n`;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text } });
      for (let v = 2; v <= 4; v++) {
        await new Promise((r) => setTimeout(r, 120));
        await conn.sendNotification('textDocument/didChange', {
          textDocument: { uri: u, version: v },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
        });
      }
      const deadline = Date.now() + 10_000;
      while (!published.some((p) => p.uri === u && p.version === 4) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const last = published.filter((p) => p.uri === u && p.version === 4).pop();
      assert.ok(last, 'diagnostics for the last version arrived');
      assert.ok(last.diagnostics.some((d) => d.code === 'prose-sum'), 'the other rules still report');
      assert.ok(!last.diagnostics.some((d) => d.code === THROWING_ID));
      const failures = logs.filter((l) => l.message.includes(THROWING_ID));
      assert.equal(failures.length, 1, `logged exactly once over four checks: ${JSON.stringify(logs)}`);
      assert.equal(failures[0].type, 1, 'logged as an error');
      assert.match(failures[0].message, /故意抛出的异常/);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });

  test('requests before initialize are answered or refused, not fatal', async () => {
    const c = client();
    const outcome = await withTimeout(
      c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('early') } }).then(
        (r) => ({ result: r }),
        (e: { code?: number }) => ({ error: e.code }),
      ),
      5000,
      'pre-initialize request',
    );
    // LSP asks for error -32002 here; either way the server must answer and stay up.
    if ('result' in outcome) console.log(`# note: a request before initialize was answered (${JSON.stringify(outcome.result)}) instead of refused with -32002`);
    await c.initialize();
    await stillAnswers(c, 'a request before initialize');
  });

  test('garbage with a valid Content-Length, unknown methods, stray responses', async () => {
    const c = client();
    await c.initialize();
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","id":99,"method":garbage\u0000\u00ff}'));
    c.proc.stdin!.write(frame(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81])));
    c.proc.stdin!.write(frame('[]'));
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0"}'));
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","id":777,"result":null}'));
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}'));
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":5}}}'));
    await stillAnswers(c, 'garbage bodies');
    await assert.rejects(c.conn.sendRequest('nianbao/noSuchRequest', {}), (e: { code?: number }) => e.code === -32601, 'unknown request → MethodNotFound');
    await c.conn.sendNotification('nianbao/noSuchNotification', { x: 1 });
    await assert.rejects(c.conn.sendRequest('textDocument/hover', { nonsense: true }), 'hover with bad params is refused, not fatal').catch(() => undefined);
    await stillAnswers(c, 'unknown methods');
    // initialize a second time
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }).catch(() => undefined);
    await stillAnswers(c, 'a second initialize');
    assert.ok(alive(c));
  });

  test('a wrong Content-Length does not kill the server', async () => {
    for (const [name, bytes] of [
      ['too short', frame('{"jsonrpc":"2.0","method":"x/y","params":{}}', 10)],
      ['too long', frame('{"jsonrpc":"2.0","method":"x/y","params":{}}', 400)],
      ['not a number', Buffer.from('Content-Length: abc\r\n\r\n{}')],
      ['no header', Buffer.from('{"jsonrpc":"2.0","id":1,"method":"shutdown"}\r\n\r\n')],
    ] as const) {
      const c = client();
      await c.initialize();
      c.proc.stdin!.write(bytes);
      // The stream is out of step now; what matters is that the process neither crashes nor spins.
      c.proc.stdin!.write(frame('{"jsonrpc":"2.0","id":5000,"method":"nianbao/skeleton","params":{"year":2023}}'));
      await new Promise((r) => setTimeout(r, 500));
      assert.ok(alive(c), `server alive after a ${name} Content-Length; log: ${c.logs.join('').slice(0, 500)}`);
      c.proc.kill();
    }
  });

  test('documents never opened, closed twice, or reopened; $/cancelRequest', async () => {
    const c = client();
    await c.initialize();
    const change = (u: string, version: number, text = 'x') =>
      c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: u, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
      });
    await change(uri('never-seen'), 7);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri('never-seen'), version: 8 }, contentChanges: [{ text: '全文替换' }] });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri('never-seen') } });
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: uri('never-seen') } });
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction']) {
      await c.conn.sendRequest(method, {
        textDocument: { uri: uri('never-seen') },
        position: { line: 0, character: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      });
    }
    await stillAnswers(c, 'messages for an unknown document');

    // Open, change with an edit beyond the end, close twice, reopen with a lower version.
    const u = uri('reopened');
    open(c, u, PROSE_DEFECT, 5);
    await c.diagnosticsFor(u, 5);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version: 6 },
      contentChanges: [{ range: { start: { line: 500, character: 90 }, end: { line: 900, character: 0 } }, text: '末尾' }],
    });
    await c.diagnosticsFor(u, 6);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    open(c, u, PROSE_DEFECT, 1);
    const again = await c.diagnosticsFor(u, 1);
    assert.ok(again.diagnostics.some((d) => d.code === 'prose-sum'), 'a reopened document is checked afresh');

    // Cancellation: of an unknown id, and of a request in flight (answered or cancelled, never fatal).
    await c.conn.sendNotification('$/cancelRequest', { id: 123456 });
    await c.conn.sendNotification('$/cancelRequest', { id: 'not-a-number' });
    await c.conn.sendNotification('$/cancelRequest', null);
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","id":4242,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"' + u + '"}}}'));
    c.proc.stdin!.write(frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":4242}}'));
    await stillAnswers(c, '$/cancelRequest');
    assert.ok(alive(c));
  });

  test('200 fast edits: the last diagnostics carry the latest version, never an older one after a newer', async () => {
    const c = client({ debounceMs: 30 });
    await c.initialize();
    const u = uri('burst');
    open(c, u, PROSE_DEFECT, 1);
    await c.diagnosticsFor(u, 1);
    const EDITS = 200;
    let text = PROSE_DEFECT;
    for (let v = 2; v <= EDITS + 1; v++) {
      // Type at the end of the prose line; every 50th edit fixes or breaks the total.
      const line = 4;
      const col = text.split('\n')[line].length;
      const insert = v % 50 === 0 ? '共计10条，其中甲3条、乙3条。' : '字';
      text = text.split('\n').map((l, i) => (i === line ? l + insert : l)).join('\n');
      void c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: u, version: v },
        contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: insert }],
      });
      if (v % 40 === 0) await new Promise((r) => setTimeout(r, 35)); // let some debounced runs fire mid-burst
    }
    const final = await c.diagnosticsFor(u, EDITS + 1);
    await new Promise((r) => setTimeout(r, 300)); // anything late would show up now
    const versions = c.published.filter((p) => p.uri === u).map((p) => p.version ?? -1);
    console.log(`# burst: ${EDITS} edits, ${versions.length} publishes (versions ${versions.join(',')})`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `stale publish: v${versions[i]} after v${versions[i - 1]}`);
    assert.equal(versions[versions.length - 1], EDITS + 1, 'the last publish is for the latest version');
    // And its content is the check of the latest text.
    const expected = check(text).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();
    const got = final.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepEqual(got, expected);
  });
});
