// workspace/diagnostic against the bundled server on a temporary workspace folder: the report files
// that are not open (*.nianbao.md, and .md / .txt whose title names an annual report) get their
// findings; other files, hidden and node_modules folders, links, FIFOs and files over the size cap
// do not; an unchanged file is answered `unchanged`; an open document is left to the document pull;
// the include glob, title detection and the on/off setting apply, and files that stop counting are
// cleared once.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DRAFT_2023, draft2023 } from './drafts';
import { ensureBuilt, TestClient, type LspDiagnostic } from './lspClient';

interface Item {
  kind: 'full' | 'unchanged';
  uri: string;
  version: number | null;
  resultId?: string;
  items?: LspDiagnostic[];
}

describe('workspace diagnostics', { timeout: 60_000 }, () => {
  let folder = '';
  let outside = '';
  let client: TestClient;
  const settings = { debounceMs: 0, detect: { enabled: true }, workspaceDiagnostics: { enabled: true, include: '**/*' } };
  const rel = (item: Item) => fileURLToPath(item.uri).slice(folder.length + 1);
  const byFile = (items: Item[]) => Object.fromEntries(items.map((i) => [rel(i), i]));
  const request = async (previous: Item[] = []): Promise<Item[]> => {
    const r = await client.conn.sendRequest<{ items: Item[] }>('workspace/diagnostic', {
      identifier: 'nianbao',
      previousResultIds: previous.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId })),
    });
    return r.items;
  };
  const changeSettings = async (next: Partial<typeof settings>) => {
    Object.assign(settings, next);
    const seen = client.refreshes.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: settings } });
    await client.waitFor(() => client.refreshes, () => client.refreshes.length > seen, 'the refresh after a settings change');
  };

  before(async () => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), 'nianbao-wsdiag-'));
    outside = mkdtempSync(join(tmpdir(), 'nianbao-wsdiag-outside-'));
    const write = (name: string, text: string) => {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), text);
    };
    write('report.nianbao.md', DRAFT_2023);
    write('notes/draft.md', DRAFT_2023);
    write('plain.txt', '\uFEFF' + DRAFT_2023.replace(/^# /, ''));
    write('README.md', '# 项目说明\n\n这里放各单位的年报草稿。\n');
    write('.hidden/secret.nianbao.md', DRAFT_2023);
    write('node_modules/pkg/readme.nianbao.md', DRAFT_2023);
    write('big.nianbao.md', DRAFT_2023 + '\n' + '全年主动公开政府信息。\n'.repeat(100_000));
    symlinkSync(join(folder, 'report.nianbao.md'), join(folder, 'link.nianbao.md'));
    writeFileSync(join(outside, 'elsewhere.nianbao.md'), DRAFT_2023);
    symlinkSync(outside, join(folder, 'linked-folder'));
    execFileSync('mkfifo', [join(folder, 'fifo.nianbao.md')]);

    client = new TestClient(settings);
    await client.initialize(pathToFileURL(folder).href, { pull: true });
    await client.waitFor(() => client.refreshes, () => true, 'the refresh after initialized');
  });

  after(() => {
    if (client.proc.exitCode === null) client.proc.kill();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  let first: Item[] = [];

  test('the report files that are not open get their findings; nothing else is read', async () => {
    first = await request();
    const files = byFile(first);
    assert.deepEqual(Object.keys(files).sort(), ['notes/draft.md', 'plain.txt', 'report.nianbao.md']);
    for (const item of first) {
      assert.equal(item.kind, 'full');
      assert.equal(item.version, null);
      assert.ok(item.resultId);
      assert.ok(item.items!.some((d) => d.code === 'table-balance'), `${rel(item)}: ${item.items!.map((d) => d.code).join(', ')}`);
      assert.ok(item.items!.some((d) => d.code === 'part-missing'), `${rel(item)}: part 五 is missing`);
    }
    await client.waitFor(() => client.logs, (l) => l.includes('big.nianbao.md') && l.includes('MB'), 'the over-size file named in the log');
  });

  test('unchanged files are answered unchanged; a changed file in full', async () => {
    const again = await request(first);
    assert.deepEqual(again.map((i) => i.kind), ['unchanged', 'unchanged', 'unchanged']);
    writeFileSync(join(folder, 'notes/draft.md'), draft2023(undefined, true));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(folder, 'notes/draft.md'), later, later);
    const changed = byFile(await request(first));
    assert.equal(changed['notes/draft.md'].kind, 'full');
    assert.ok(!changed['notes/draft.md'].items!.some((d) => d.code === 'part-missing'), 'the new text is checked (part 五 is there now)');
    assert.equal(changed['report.nianbao.md'].kind, 'unchanged');
    first = Object.values(changed);
  });

  test('an open document is left to the document pull', async () => {
    const uri = pathToFileURL(join(folder, 'report.nianbao.md')).href;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });
    const whileOpen = byFile(await request(first));
    assert.deepEqual(Object.keys(whileOpen).sort(), ['notes/draft.md', 'plain.txt']);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.ok(byFile(await request())['report.nianbao.md'], 'closed again: back in the workspace report');
  });

  test('the include glob and title detection choose the files; what drops out is cleared once', async () => {
    await changeSettings({ workspaceDiagnostics: { enabled: true, include: 'notes/**' } });
    const narrowed = byFile(await request(first));
    assert.equal(narrowed['notes/draft.md'].kind, 'full', 'settings changed: full again');
    for (const gone of ['plain.txt', 'report.nianbao.md']) {
      assert.equal(narrowed[gone]?.kind, 'full', `${gone} is cleared`);
      assert.deepEqual(narrowed[gone].items, []);
    }
    const quiet = await request(Object.values(narrowed));
    assert.deepEqual(quiet.map(rel), ['notes/draft.md'], 'cleared files are not repeated');

    await changeSettings({ detect: { enabled: false }, workspaceDiagnostics: { enabled: true, include: '**/*' } });
    assert.deepEqual(Object.keys(byFile(await request())), ['report.nianbao.md'], 'without title detection only *.nianbao.md count');
  });

  test('turned off: no files, and what was shown is cleared', async () => {
    await changeSettings({ detect: { enabled: true }, workspaceDiagnostics: { enabled: false, include: '**/*' } });
    const off = await request(first);
    assert.equal(off.length, 3);
    assert.ok(off.every((i) => i.kind === 'full' && i.items!.length === 0));
    assert.deepEqual(await request(off), []);
  });
});
