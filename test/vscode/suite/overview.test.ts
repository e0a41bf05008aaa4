// 年报概览 inside a real VS Code: opening a report fills the view with its key figures, tables and
// missing parts; an entry's command puts the cursor on its place; an edit that adds the missing part
// and breaks a total shows in the view once the diagnostics change; a text that is not a report
// gets the note.

import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, writeDraft } from './helpers';

// out/test/vscode/suite → the repository's fixtures.
const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'defects', 'part-missing.md');

interface StateItem {
  group: string;
  id: string;
  label: string;
  description: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  command?: { command: string; arguments: unknown[] };
}
interface State {
  uri?: string;
  items: StateItem[];
}

const state = () => vscode.commands.executeCommand<State>('nianbao.overviewState');

/** The view's state once it shows `uri` and `ready` holds. */
function stateOf(uri: vscode.Uri, ready: (s: State) => boolean, what: string): Promise<State> {
  return eventually(async () => {
    const s = await state();
    return s.uri === uri.toString() && ready(s) ? s : undefined;
  }, what);
}

describe('report overview view', () => {
  it('shows the figures, tables and missing part of the active report, each leading to its place', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const uri = writeDraft('overview-me.nianbao.md', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const s = await stateOf(uri, (x) => x.items.some((i) => i.group === 'missing'), 'the overview of the report');

    const lines = text.split('\n');
    const fresh = s.items.find((i) => i.id === 'requests-new')!;
    assert.equal(fresh.group, 'figures');
    assert.ok(fresh.range, 'the figure leads somewhere');
    assert.match(lines[fresh.range.start.line], /^\| 一、本年新收政府信息公开申请数量/);
    const cell = lines[fresh.range.start.line].slice(fresh.range.start.character, fresh.range.end.character);
    assert.ok(fresh.description.includes(cell), `${fresh.description} shows ${cell}`);

    const tables = s.items.filter((i) => i.group === 'tables');
    assert.deepEqual(tables.map((t) => t.id), ['gov2021-proactive', 'gov2021-requests', 'gov2021-review']);
    assert.ok(tables.every((t) => t.description === '✓'), JSON.stringify(tables));

    const missing = s.items.filter((i) => i.group === 'missing');
    assert.deepEqual(missing.map((m) => m.label), ['五、存在的主要问题及改进情况']);
    const six = lines.findIndex((l) => l.startsWith('## 其他需要报告的事项'));
    assert.equal(missing[0].range?.start.line, six);

    // The entry's own command puts the cursor on the figure.
    assert.ok(fresh.command);
    await vscode.commands.executeCommand(fresh.command.command, ...fresh.command.arguments);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(editor.selection.start.line, fresh.range.start.line);
    assert.equal(editor.selection.start.character, fresh.range.start.character);
    assert.equal(editor.selection.end.character, fresh.range.end.character);
  });

  it('follows edits: the part added, a wrong total counted on its table', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const uri = writeDraft('overview-edit.nianbao.md', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await stateOf(uri, (x) => x.items.some((i) => i.group === 'missing' && i.id === 'problems'), 'the missing part listed');
    const six = text.split('\n').findIndex((l) => l.startsWith('## 其他需要报告的事项'));
    const total = text.split('\n').findIndex((l) => l.startsWith('| 一、本年新收政府信息公开申请数量'));
    const row = doc.lineAt(total).text;
    await editor.edit((b) => {
      b.insert(new vscode.Position(six, 0), '## 存在的主要问题及改进情况\n\n部分栏目更新不够及时，下一步将定期巡查。\n\n');
      // 总计 of row 一 one more than its columns.
      const end = row.lastIndexOf('|');
      const start = row.lastIndexOf('|', end - 1) + 1;
      const value = Number(row.slice(start, end).trim());
      b.replace(new vscode.Range(total, start, total, end), ` ${value + 1} `);
    });
    const s = await stateOf(
      uri,
      (x) => x.items.some((i) => i.group === 'missing' && i.id === 'none') && x.items.some((i) => i.id === 'gov2021-requests' && i.description !== '✓'),
      'the overview after the edit',
    );
    const requests = s.items.find((i) => i.id === 'gov2021-requests')!;
    assert.match(requests.description, /\d/, 'the table says how many problems');
  });

  it('says a text that is not an annual report has no overview', async () => {
    const uri = writeDraft('overview-halfyear.nianbao.md', '# 某县司法局2023年上半年政务公开工作自评报告\n\n一、主要做法\n\n按计划推进。\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const s = await stateOf(uri, (x) => x.items.length > 0, 'the note');
    assert.deepEqual(s.items.map((i) => i.id), ['note']);
  });
});
