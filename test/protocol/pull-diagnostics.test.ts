// Pull diagnostics (textDocument/diagnostic) against the bundled server, for a client that
// advertises textDocument.diagnostic as VS Code does: result ids, `unchanged` while neither the
// document nor the settings changed, `full` again after an edit or a settings change, the debounce
// a pull waits out (cut short by cancellation), and nothing pushed. A client without the capability
// still gets push diagnostics.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, TestClient, type LspDiagnostic } from './lspClient';

const URI = 'file:///tmp/nianbao-pull/report-2023.nianbao.md';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: LspDiagnostic[];
}

describe('pull diagnostics', { timeout: 60_000 }, () => {
  const clients: TestClient[] = [];
  const client = (settings: unknown) => {
    const c = new TestClient(settings);
    clients.push(c);
    return c;
  };
  before(() => ensureBuilt());
  after(() => {
    for (const c of clients) if (c.proc.exitCode === null) c.proc.kill();
  });

  const pull = (c: TestClient, previousResultId?: string, cancel?: CancellationTokenSource) => {
    const params = { textDocument: { uri: URI }, previousResultId, identifier: 'nianbao' };
    return cancel ? c.conn.sendRequest<Report>('textDocument/diagnostic', params, cancel.token) : c.conn.sendRequest<Report>('textDocument/diagnostic', params);
  };

  test('full, then unchanged, then full after an edit and after a settings change; nothing pushed', async () => {
    const settings = { debounceMs: 0, rules: {} as Record<string, string> };
    const c = client(settings);
    const { capabilities } = await c.initialize(undefined, { pull: true });
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'nianbao', interFileDependencies: false, workspaceDiagnostics: true });
    // Once the settings are read (after initialized) the server asks for a fresh pull.
    await c.waitFor(() => c.refreshes, () => true, 'the refresh after initialized');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });

    const first = await pull(c);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a full report carries a result id');
    assert.ok(first.items!.some((d) => d.code === 'table-balance'), `the draft's defect: ${first.items!.map((d) => d.code).join(', ')}`);
    assert.ok(first.items!.every((d) => d.source === 'nianbao' && d.codeDescription?.href.includes('#')));

    const again = await pull(c, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId }, 'same version, same settings: unchanged');
    const stale = await pull(c, 'not-a-result-id-of-ours');
    assert.equal(stale.kind, 'full', 'an unknown previous id gets the full report');
    assert.equal(stale.resultId, first.resultId);

    const change = (version: number, line: number) =>
      c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' }],
      });
    // An edit that leaves every finding as it was (a blank line at the end): unchanged, same id.
    await change(2, DRAFT_2023.split('\n').length - 1);
    assert.deepEqual(await pull(c, first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'same diagnostics: unchanged');
    // An edit that moves the findings (a line inserted under the title): full, new id, one line down.
    await change(3, 1);
    const edited = await pull(c, first.resultId);
    assert.equal(edited.kind, 'full');
    assert.notEqual(edited.resultId, first.resultId);
    const at = (r: Report, shift = 0) => r.items!.map((d) => `${d.code}@${d.range.start.line + shift}`).sort();
    assert.deepEqual(at(edited), at(first, 1), 'the same findings, one line down');
    assert.equal((await pull(c, edited.resultId)).kind, 'unchanged');

    // A settings change (table-balance turned off): the server asks the client to pull again, and the next pull is full.
    settings.rules = { 'table-balance': 'off' };
    const refreshes = c.refreshes.length;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: settings } });
    await c.waitFor(() => c.refreshes, () => c.refreshes.length > refreshes, 'workspace/diagnostic/refresh');
    const resettled = await pull(c, edited.resultId);
    assert.equal(resettled.kind, 'full', 'settings changed: full');
    assert.ok(!resettled.items!.some((d) => d.code === 'table-balance'), 'the new settings apply');
    assert.equal((await pull(c, resettled.resultId)).kind, 'unchanged');

    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(c.published, [], 'a pull client gets no pushed diagnostics');
    // Closing forgets the id: reopened, the document gets a full report again.
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });
    assert.equal((await pull(c, resettled.resultId)).kind, 'full');
    assert.deepEqual(c.published, [], 'not on close either');
    assert.equal(await c.shutdown(), 0);
  });

  test('a pull right after an edit waits out the debounce; cancelling it answers at once with RequestCancelled', async () => {
    const c = client({ debounceMs: 400 });
    await c.initialize(undefined, { pull: true });
    await c.waitFor(() => c.refreshes, () => true, 'the refresh after initialized (the debounce setting is read)');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });
    let t = Date.now();
    await pull(c);
    assert.ok(Date.now() - t < 300, 'after an open there is nothing to wait for');

    const change = (version: number) =>
      c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
      });
    await change(2);
    t = Date.now();
    const waited = await pull(c);
    assert.equal(waited.kind, 'full');
    assert.ok(Date.now() - t >= 350, `the pull waited for the debounce (${Date.now() - t} ms)`);

    await change(3);
    const cancel = new CancellationTokenSource();
    t = Date.now();
    const cancelled = pull(c, undefined, cancel);
    setTimeout(() => cancel.cancel(), 50);
    await assert.rejects(cancelled, (e: { code?: number }) => e.code === -32800, 'RequestCancelled');
    assert.ok(Date.now() - t < 300, `answered on cancellation, not after the debounce (${Date.now() - t} ms)`);
  });

  test('a client without the capability gets push diagnostics and no diagnosticProvider', async () => {
    const c = client({ debounceMs: 0 });
    const { capabilities } = await c.initialize();
    assert.equal(capabilities.diagnosticProvider, undefined);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });
    const pushed = await c.diagnosticsFor(URI, 1);
    assert.ok(pushed.diagnostics.some((d) => d.code === 'table-balance'));
  });
});
