// The previous year's report in the editor: a workspace folder holds 2022's report, the writer opens
// 2023's; the server finds 2022's by its title, the cross-year findings name it in their related
// information, and a code action opens it at the line compared with (window/showDocument).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
