// The language server over stdio, as an editor drives it: open a draft, read the pushed
// diagnostics, edit incrementally, ask for outline, completion, hover and code actions, apply a
// fix and see its diagnostic go away, then shut down.

import { after, before, describe, test } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { applyEdits } from '../support/textEdits';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, TestClient, type LspDiagnostic } from './lspClient';

const URI = 'file:///tmp/nianbao-protocol/qingshan-2023.nianbao.md';

type Pos = { line: number; character: number };
type Edit = { range: { start: Pos; end: Pos }; newText: string };

/** LSP content changes carry `text`, edits carry `newText`. */
const asChanges = (edits: Edit[]) => edits.map((e) => ({ range: e.range, text: e.newText }));
const lines = (text: string) => text.split('\n');
const lineOf = (text: string, needle: string) => lines(text).findIndex((l) => l.includes(needle));
const textAt = (text: string, d: { range: { start: Pos; end: Pos } }) => {
  const l = lines(text);
  if (d.range.start.line !== d.range.end.line) return l[d.range.start.line].slice(d.range.start.character);
  return l[d.range.start.line].slice(d.range.start.character, d.range.end.character);
};
/** Range of the n-th (0-based) pipe-separated cell of a line, without its padding. */
function cellRange(text: string, line: number, n: number) {
  const s = lines(text)[line];
  let pipe = -1;
  for (let i = 0; i <= n; i++) pipe = s.indexOf('|', pipe + 1);
  const next = s.indexOf('|', pipe + 1);
  const raw = s.slice(pipe + 1, next);
  const start = pipe + 1 + (raw.length - raw.trimStart().length);
  return { start: { line, character: start }, end: { line, character: start + raw.trim().length } };
}

describe('nianbao-language-server over stdio', () => {
  let client: TestClient;
  let text = DRAFT_2023;
  let version = 1;
  let diagnostics: LspDiagnostic[] = [];

  before(async () => {
    ensureBuilt();
    // An invalid debounce value must be reported and replaced by the default.
    client = new TestClient({ debounceMs: 'fast', rules: {} });
  });

  after(() => {
    if (client.proc.exitCode === null) client.proc.kill();
  });

  test('initialize announces incremental sync and the features, and the version of package.json', async () => {
    const { capabilities, serverInfo } = (await client.initialize()) as { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    assert.deepEqual(serverInfo, { name: 'nianbao-language-server', version: pkg.version });
    const cli = spawnSync(process.execPath, [join(__dirname, '../../../dist/cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(cli.stdout.trim(), pkg.version, 'the CLI prints the same version');
    const sync = capabilities.textDocumentSync as { change: number; openClose: boolean };
    assert.equal(sync.change, 2, 'incremental sync');
    assert.equal(sync.openClose, true);
    for (const f of ['documentSymbolProvider', 'foldingRangeProvider', 'completionProvider', 'hoverProvider', 'codeActionProvider']) {
      assert.ok(capabilities[f], `${f} announced`);
    }
  });

  test('an invalid setting is reported in Chinese', async () => {
    const msg = await client.waitFor(() => client.messages, (m) => m.message.includes('nianbao.debounceMs'), 'a settings warning');
    assert.match(msg.message, /无效/);
  });

  test('didOpen pushes the wrong total and the missing part', async () => {
    await client.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'nianbao', version, text },
    });
    diagnostics = (await client.diagnosticsFor(URI, version)).diagnostics;

    const balance = diagnostics.filter((d) => d.code === 'table-balance');
    assert.ok(balance.length > 0, `a table-balance diagnostic among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    const first = balance[0];
    assert.equal(first.source, 'nianbao');
    // The rule's own page, packaged beside the server: it opens offline at that rule.
    assert.match(first.codeDescription!.href, /^file:.*\/docs\/rules\/table-balance\.md$/);
    assert.ok(existsSync(fileURLToPath(first.codeDescription!.href)), first.codeDescription!.href);
    // The message shows the arithmetic: 7 + 2 = 9 against 6 + 1 = 7, a difference of 2.
    assert.match(first.message, /9/);
    assert.match(first.message, /相差\s*2/);
    // It points at a figure of the unbalanced 自然人 column inside the part 三 table.
    const tableStart = lineOf(text, '（本列数据的勾稽关系为');
    const tableEnd = lineOf(text, '四、结转下年度继续办理');
    assert.ok(first.range.start.line >= tableStart && first.range.start.line <= tableEnd, 'inside the part 三 table');
    assert.ok(['7', '2', '6', '1'].includes(textAt(text, first).trim()), `range covers a figure of the sum: "${textAt(text, first)}"`);

    const missing = diagnostics.find((d) => d.code === 'part-missing');
    assert.ok(missing, 'a part-missing diagnostic');
    assert.match(missing.message, /存在的主要问题及改进情况/);
    assert.match(missing.codeDescription!.href, /\/part-missing\.md$/);
    // Reported where the part should go: at the heading that follows the gap.
    assert.equal(missing.range.start.line, lineOf(text, '六、其他需要报告的事项'));
  });

  test('incremental changes: only the newest version gets diagnostics', async () => {
    const row = lineOf(text, '一、本年新收政府信息公开申请数量');
    const natural = cellRange(text, row, 2); // 自然人
    const total = cellRange(text, row, 8); // 总计
    assert.equal(textAt(text, { range: natural }), '7');
    const before = client.published.length;
    // Two quick edits (one keystroke each), the second before the debounce runs out.
    const edit1: Edit = { range: natural, newText: '5' };
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: version + 1 },
      contentChanges: asChanges([edit1]),
    });
    text = applyEdits(text, [edit1]);
    const edit2: Edit = { range: total, newText: '5' };
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: version + 2 },
      contentChanges: asChanges([edit2]),
    });
    text = applyEdits(text, [edit2]);
    version += 2;

    diagnostics = (await client.diagnosticsFor(URI, version)).diagnostics;
    const since = client.published.slice(before).filter((p) => p.uri === URI);
    assert.deepEqual(
      since.map((p) => p.version),
      [version],
      'the intermediate version was never published',
    );
    assert.equal(diagnostics.filter((d) => d.code === 'table-balance').length, 0, 'the column balances now: 5 + 2 = 6 + 1');
    assert.ok(diagnostics.some((d) => d.code === 'part-missing'), 'the missing part is still reported');
  });

  test('documentSymbol: the parts as a tree with their statutory place and tables', async () => {
    const symbols = await client.conn.sendRequest<{ name: string; detail?: string; kind: number; children?: { name: string; kind: number }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri: URI } },
    );
    const flat = (list: typeof symbols): typeof symbols => list.flatMap((s) => [s, ...flat((s.children ?? []) as typeof symbols)]);
    const part3 = flat(symbols).find((s) => s.name === '三、收到和处理政府信息公开申请情况');
    assert.ok(part3, `part 三 in the outline: ${JSON.stringify(flat(symbols).map((s) => s.name))}`);
    assert.match(part3.detail ?? '', /^第三部分/);
    assert.match(part3.detail ?? '', /第五十条/);
    const table = part3.children?.find((c) => c.kind === 18);
    assert.ok(table, 'the table is a child of its part');
    assert.match(table.name, /收到和处理政府信息公开申请情况表/);
    const part1 = flat(symbols).find((s) => s.name === '一、总体情况');
    assert.ok(part1?.children?.some((c) => c.name.startsWith('（一）主动公开情况')), 'sub-headings sit under their part');
  });

  test('completion offers the next missing part first, numbered to follow 四、', async () => {
    const line = lineOf(text, '六、其他需要报告的事项') - 1; // the blank line before 六
    assert.equal(lines(text)[line], '');
    const items = await client.conn.sendRequest<{ label: string; sortText?: string; preselect?: boolean; textEdit?: Edit }[]>(
      'textDocument/completion',
      { textDocument: { uri: URI }, position: { line, character: 0 } },
    );
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0].label, '五、存在的主要问题及改进情况');
    assert.equal(sorted[0].preselect, true);
    assert.equal(sorted[0].textEdit?.newText, '五、存在的主要问题及改进情况');
    assert.ok(!items.some((i) => i.label.endsWith('总体情况')), 'parts already written are not offered');
    assert.ok(items.some((i) => i.label.includes('收到和处理政府信息公开申请情况表')), 'table snippets are offered');

    // In 总体情况, after （二）: the next standard sub-heading.
    const sub = lineOf(text, '（二）依申请公开情况') + 1;
    const subItems = await client.conn.sendRequest<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: sub, character: 0 },
    });
    assert.ok(subItems.some((i) => i.label === '（三）政府信息管理情况'), JSON.stringify(subItems.map((i) => i.label)));
    assert.ok(!subItems.some((i) => i.label.includes('主动公开情况') && i.label.startsWith('（')), 'existing sub-headings are not offered');
  });

  test('completion inside a national table offers its row and column labels', async () => {
    const line = lineOf(text, '（七）总计');
    const character = lines(text)[line].indexOf('（七）总计');
    const items = await client.conn.sendRequest<{ label: string; textEdit?: Edit }[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line, character },
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('1.属于国家秘密'), JSON.stringify(labels));
    assert.ok(labels.includes('法律服务机构'));
    assert.ok(!labels.some((l) => l.startsWith('五、')), 'no part headings inside a table');
    const item = items.find((i) => i.label === '法律服务机构')!;
    assert.deepEqual(item.textEdit?.range, { start: { line, character }, end: { line, character } });
  });

  test('folding: each part from its heading, each table', async () => {
    const ranges = await client.conn.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', {
      textDocument: { uri: URI },
    });
    const part3 = lineOf(text, '三、收到和处理政府信息公开申请情况');
    const tableStart = lineOf(text, '（本列数据的勾稽关系为');
    const tableEnd = lineOf(text, '四、结转下年度继续办理');
    assert.ok(ranges.some((r) => r.startLine === part3 && r.endLine === tableEnd), JSON.stringify(ranges));
    assert.ok(ranges.some((r) => r.startLine === tableStart && r.endLine === tableEnd));
  });

  test('hover on a part heading gives its basis; on a cell, its sums with the figures', async () => {
    const heading = lineOf(text, '三、收到和处理政府信息公开申请情况');
    const h = await client.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: heading, character: 3 },
    });
    assert.ok(h, 'hover on the heading');
    assert.match(h.contents.value, /第三部分/);
    assert.match(h.contents.value, /条例/);

    const row = lineOf(text, '一、本年新收政府信息公开申请数量');
    const cell = cellRange(text, row, 2);
    const c = await client.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: cell.start,
    });
    assert.ok(c, 'hover on a cell');
    assert.match(c.contents.value, /一 \+ 二 = 三（七）\+ 四/);
    // 5 + 2 = 7 against 6 + 1 = 7 after the edit above.
    assert.match(c.contents.value, /5 \+ 2 = 7/);
    assert.match(c.contents.value, /✓/);
  });

  test('code action: the fix for the missing part applies and its diagnostic goes away', async () => {
    const missing = diagnostics.find((d) => d.code === 'part-missing')!;
    const actions = await client.conn.sendRequest<{ title: string; kind: string; diagnostics?: LspDiagnostic[]; edit?: { documentChanges: { textDocument: { uri: string; version: number }; edits: Edit[] }[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: URI }, range: missing.range, context: { diagnostics: [missing] } },
    );
    const fix = actions.find((a) => a.kind === 'quickfix' && !a.title.includes('停用'));
    assert.ok(fix?.edit, `a quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['part-missing'], 'bound to its diagnostic');
    assert.ok(actions.some((a) => a.title.includes('停用') && a.title.includes('part-missing')), 'a disable-for-this-line action');
    const change = fix.edit.documentChanges[0];
    assert.equal(change.textDocument.uri, URI);
    assert.equal(change.textDocument.version, version, 'computed for the current version');

    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: version + 1 },
      contentChanges: asChanges([...change.edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)),
    });
    text = applyEdits(text, change.edits);
    version += 1;
    assert.ok(lineOf(text, '五、存在的主要问题及改进情况') > lineOf(text, '四、政府信息公开行政复议'), 'the part was inserted before 六');
    diagnostics = (await client.diagnosticsFor(URI, version)).diagnostics;
    assert.equal(diagnostics.filter((d) => d.code === 'part-missing').length, 0, JSON.stringify(diagnostics.map((d) => d.message)));
  });

  test('the disable-for-this-line action silences exactly that finding', async () => {
    // Break the balance again, then silence it with the offered directive.
    const row = lineOf(text, '四、结转下年度继续办理');
    const cell = cellRange(text, row, 2);
    const edit: Edit = { range: cell, newText: '3' };
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: version + 1 }, contentChanges: asChanges([edit]) });
    text = applyEdits(text, [edit]);
    version += 1;
    diagnostics = (await client.diagnosticsFor(URI, version)).diagnostics;
    const balance = diagnostics.find((d) => d.code === 'table-balance');
    assert.ok(balance, 'unbalanced again');
    const actions = await client.conn.sendRequest<{ title: string; edit: { documentChanges: { edits: Edit[] }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: balance.range,
      context: { diagnostics: [balance] },
    });
    const disable = actions.find((a) => a.title.includes('停用'));
    assert.ok(disable);
    const edits = disable.edit.documentChanges[0].edits;
    // At the end of the finding's own row: no line moves, the table stays whole.
    assert.match(edits[0].newText, /^ ?<!-- nianbao-disable-line table-balance -->$/);
    assert.equal(edits[0].range.start.line, balance.range.start.line);
    assert.equal(edits[0].range.start.character, text.split('\n')[balance.range.start.line].trimEnd().length);
  });

  test('changed settings re-check open documents: a rule turned off, then downgraded', async () => {
    const first = client.published.length;
    client.settings = { rules: { 'table-balance': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await client.waitFor(
      () => client.published.slice(first),
      (p) => p.uri === URI && p.version === version,
      'diagnostics after turning table-balance off',
    );
    assert.equal(off.diagnostics.filter((d) => d.code === 'table-balance').length, 0);

    const before = client.published.length;
    client.settings = { rules: { 'table-balance': 'hint' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hinted = await client.waitFor(
      () => client.published.slice(before),
      (p) => p.uri === URI && p.diagnostics.some((d) => d.code === 'table-balance'),
      'table-balance back as a hint',
    );
    assert.ok(hinted.diagnostics.filter((d) => d.code === 'table-balance').every((d) => d.severity === 4));
  });

  test('source.fixAll.nianbao is offered when asked for', async () => {
    const actions = await client.conn.sendRequest<{ kind: string }[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    // Only fix-all actions may come back for that request (there may be none to make).
    assert.ok(actions.every((a) => a.kind === 'source.fixAll.nianbao'), JSON.stringify(actions));
  });

  test('custom requests: skeleton by year, the tables of the document, the profile and why', async () => {
    const s2020 = await client.conn.sendRequest<{ text: string; profileId: string }>('nianbao/skeleton', { body: '青山县', year: 2020 });
    const s2023 = await client.conn.sendRequest<{ text: string; profileId: string }>('nianbao/skeleton', { body: '青山县', year: 2023 });
    assert.equal(s2020.profileId, 'gov-2019');
    assert.equal(s2023.profileId, 'gov-2021');
    assert.match(s2023.text, /^# 青山县2023年政府信息公开工作年度报告\n/);
    assert.ok(s2023.text.includes('2023年1月1日至2023年12月31日'));
    // The 2019 format still has 第二十条第（九）项 in its part 二 table; the 2021 format dropped it.
    assert.ok(s2020.text.includes('第二十条第（九）项'));
    assert.ok(!s2023.text.includes('第二十条第（九）项'));

    const tables = await client.conn.sendRequest<{ profileId: string; tables: { id: string; template: string }[] }>('nianbao/tables', { uri: URI });
    assert.equal(tables.profileId, 'gov-2021');
    assert.equal(tables.tables.length, 3);
    assert.ok(tables.tables.every((t) => t.template.trim().startsWith('|')));

    const info = await client.conn.sendRequest<{ id: string; source: string; reason: string }>('nianbao/profileInfo', { uri: URI });
    assert.equal(info.id, 'gov-2021');
    assert.equal(info.source, 'title-year');
    assert.match(info.reason, /2023/);
  });

  test('shutdown and exit end the process cleanly', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});

/** Opens the 2023 draft in `folder` as the workspace and checks that a config turned part-missing off, the other rules still running. */
async function openDraftWithPartMissingOff(client: TestClient, folder: string): Promise<{ folderUri: string; uri: string }> {
  const folderUri = pathToFileURL(folder).href;
  await client.initialize(folderUri);
  const uri = `${folderUri}/draft.nianbao.md`;
  await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: DRAFT_2023 } });
  const first = await client.diagnosticsFor(uri, 1);
  assert.ok(first.diagnostics.some((d) => d.code === 'table-balance'), 'other rules still run');
  assert.ok(!first.diagnostics.some((d) => d.code === 'part-missing'), 'part-missing is off by the config file');
  return { folderUri, uri };
}

describe('workspace nianbao.config.json', () => {
  let client: TestClient;
  let folder: string;

  before(() => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
    writeFileSync(join(folder, 'nianbao.config.json'), JSON.stringify({ rules: { 'part-missing': 'off' } }));
    client = new TestClient({});
  });

  after(() => {
    if (client.proc.exitCode === null) client.proc.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  test('its rule settings apply to documents in the folder, and edits to it re-check', async () => {
    const { folderUri, uri } = await openDraftWithPartMissingOff(client, folder);

    const before = client.published.length;
    writeFileSync(join(folder, 'nianbao.config.json'), JSON.stringify({ rules: {} }));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: `${folderUri}/nianbao.config.json`, type: 2 }],
    });
    const again = await client.waitFor(
      () => client.published.slice(before),
      (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'part-missing'),
      'part-missing after the config changed',
    );
    assert.ok(again);
    assert.equal(await client.shutdown(), 0);
  });
});

describe('a nianbao.config.json in a folder above the workspace', () => {
  test('applies as it does for the CLI run in that folder, and the log names it and the rules it turns off', async () => {
    ensureBuilt();
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-parent-'));
    const folder = join(parent, 'reports');
    mkdirSync(folder);
    writeFileSync(join(parent, 'nianbao.config.json'), JSON.stringify({ rules: { 'part-missing': 'off' } }));
    const client = new TestClient({});
    try {
      await openDraftWithPartMissingOff(client, folder);
      const named = client.logs.find((l) => l.includes('使用配置文件'));
      assert.ok(named, `the log says which config applied: ${client.logs.join(' | ')}`);
      assert.ok(named.includes(join(parent, 'nianbao.config.json')) && named.includes('part-missing'), named);
      // The CLI run in the workspace folder finds the same file.
      const cli = spawnSync(process.execPath, [join(__dirname, '../../../dist/cli.js'), 'check', 'none.md'], { cwd: folder, encoding: 'utf8' });
      assert.match(cli.stderr, /使用配置文件 \.\.\/nianbao\.config\.json（停用了规则 part-missing）/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      if (client.proc.exitCode === null) client.proc.kill();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
