// The previous year's report in the editor: a workspace folder holds 2022's report, the writer opens
// 2023's; the server finds 2022's by its title, the cross-year findings name it in their related
// information, and a code action opens it at the line compared with (window/showDocument).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, REPO, TestClient, type LspDiagnostic } from './lspClient';

const SERIES = join(REPO, 'test', 'fixtures', 'series');

describe('cross-year checks in the language server', () => {
  let dir: string;
  let c: TestClient;
  const shown: { uri: string; selection?: { start: { line: number } } }[] = [];

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cross-year-'));
    copyFileSync(join(SERIES, '青禾市自然资源局-2022.nianbao.md'), join(dir, 'last.nianbao.md'));
    c = new TestClient({});
    c.conn.onRequest('window/showDocument', (p: { uri: string; selection?: { start: { line: number } } }) => {
      shown.push(p);
      return { success: true };
    });
    await c.initialize(pathToFileURL(dir).href);
  });

  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an open report is compared with the previous year’s file of the workspace, and the action opens it', async () => {
    const uri = pathToFileURL(join(dir, 'now.nianbao.md')).href;
    const text = readFileSync(join(SERIES, '青禾市自然资源局-2023.nianbao.md'), 'utf8');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
    // The workspace scan may finish after the first check: the server checks again then.
    const published = await c.waitFor(
      () => c.published,
      (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'cross-year-carryover'),
      'a cross-year diagnostic',
    );
    const carry = published.diagnostics.find((d) => d.code === 'cross-year-carryover') as LspDiagnostic & {
      relatedInformation: { location: { uri: string; range: { start: { line: number } } }; message: string }[];
    };
    assert.match(carry.message, /文件 last\.nianbao\.md 第 77 行/);
    const lastUri = pathToFileURL(join(dir, 'last.nianbao.md')).href;
    assert.equal(carry.relatedInformation[0].location.uri, lastUri);
    assert.equal(carry.relatedInformation[0].location.range.start.line, 76);
    assert.deepEqual(published.diagnostics.map((d) => d.code).filter((code) => String(code).startsWith('cross-year-')).sort(), ['cross-year-carryover', 'cross-year-documents', 'cross-year-prose']);

    const actions = await c.conn.sendRequest<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: carry.range,
      context: { diagnostics: [carry] },
    });
    const open = actions.find((a) => a.title === '打开上年报告第 77 行');
    assert.ok(open?.command, JSON.stringify(actions.map((a) => a.title)));
    await c.conn.sendRequest('workspace/executeCommand', { command: open.command.command, arguments: open.command.arguments });
    assert.equal(shown.length, 1);
    assert.equal(shown[0].uri, lastUri);
    assert.equal(shown[0].selection?.start.line, 76);
  });
});

describe('cross-year checks in workspace diagnostics', () => {
  let dir: string;
  let c: TestClient;

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cross-year-ws-'));
    copyFileSync(join(SERIES, '青禾市自然资源局-2022.nianbao.md'), join(dir, 'a.nianbao.md'));
    copyFileSync(join(SERIES, '青禾市自然资源局-2023.nianbao.md'), join(dir, 'b.nianbao.md'));
    c = new TestClient({});
    await c.initialize(pathToFileURL(dir).href, { pull: true });
  });

  after(async () => {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  type Item = { kind: string; uri: string; resultId: string; items?: LspDiagnostic[] };
  const ask = (previousResultIds: { uri: string; value: string }[]) =>
    c.conn.sendRequest<{ items: Item[] }>('workspace/diagnostic', { previousResultIds }).then((r) => r.items);

  test('a report file that is not open is compared with its predecessor; unchanged files stay unchanged', async () => {
    const b = pathToFileURL(join(dir, 'b.nianbao.md')).href;
    // The index of the workspace's reports is built in the background: ask until it is used.
    let items: Item[] = [];
    let ids: { uri: string; value: string }[] = [];
    for (let i = 0; i < 50; i++) {
      items = await ask(ids);
      ids = items.map((it) => ({ uri: it.uri, value: it.resultId }));
      const full = items.find((it) => it.uri === b && it.kind === 'full');
      if (full?.items?.some((d) => d.code === 'cross-year-carryover')) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const full = items.find((it) => it.uri === b);
    assert.ok(full?.items?.some((d) => d.code === 'cross-year-carryover'), JSON.stringify(items.map((it) => [it.uri, it.kind])));
    // Once the answers settle (the first ones may predate the end of initialisation or of the
    // index), an unchanged folder is answered unchanged: the previous report is part of the id.
    const settled = (await ask(ids)).map((it) => ({ uri: it.uri, value: it.resultId }));
    const again = await ask(settled);
    assert.deepEqual(again.map((it) => it.kind), again.map(() => 'unchanged'));
    // The previous year's report changes on disk: its successor is diagnosed again.
    appendFileSync(join(dir, 'a.nianbao.md'), '\n');
    let redone: Item | undefined;
    for (let i = 0; i < 50 && !redone; i++) {
      redone = (await ask(settled)).find((it) => it.uri === b && it.kind === 'full');
      if (!redone) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(redone, 'b diagnosed again after a changed');
  });
});
