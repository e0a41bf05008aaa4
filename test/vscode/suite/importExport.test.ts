// Import, export and the preview inside a real VS Code: a report exported to Word and imported back
// is the same report, the preview opens beside it and marks the findings, a .doc is refused with a
// message instead of an exception.

import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, scratchDir, writeDraft } from './helpers';

const REPORT = `# 青禾县测试局2023年政府信息公开工作年度报告

一、总体情况

全年公开信息共10条，其中通知3条、公告4条、简报2条。

| 项目 | 数量 |
|---|---|
| 通知 | 3 |
| 公告 | 4 |
| 合计 | 9 |
`;

describe('import, export and preview', () => {
  it('exports to Word and imports the file back as the same report', async () => {
    const uri = writeDraft('export-me.nianbao.md', REPORT);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const target = vscode.Uri.file(path.join(scratchDir(), 'exported.docx'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('nianbao.exportDocx', { target: target.toString() });
    assert.equal(written?.fsPath, target.fsPath);
    assert.equal(fs.readFileSync(target.fsPath).subarray(0, 2).toString('latin1'), 'PK');
    const imported = await vscode.commands.executeCommand<vscode.Uri>('nianbao.import', { uri: target.toString() });
    assert.ok(imported, 'import gives a new file');
    assert.match(imported.fsPath, /exported\.nianbao\.md$/);
    const text = fs.readFileSync(imported.fsPath, 'utf8');
    assert.match(text, /^# 青禾县测试局2023年政府信息公开工作年度报告$/m);
    assert.match(text, /^\| 合计 \| 9 \|$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, imported.fsPath);
  });

  it('refuses an old .doc with a message and writes nothing', async () => {
    const file = path.join(scratchDir(), 'old.doc');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(512).fill(0)]));
    const result = await vscode.commands.executeCommand('nianbao.import', { uri: vscode.Uri.file(file).toString() });
    assert.equal(result, undefined);
    assert.ok(!fs.existsSync(path.join(scratchDir(), 'old.nianbao.md')));
  });

  it('opens the preview beside the report and marks a finding on its cell', async () => {
    const uri = writeDraft('preview-me.nianbao.md', REPORT);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await eventually(() => vscode.languages.getDiagnostics(uri).length > 0, 'diagnostics');
    assert.equal(await vscode.commands.executeCommand('nianbao.showPreviewToSide'), true);
    const state = await eventually(async () => {
      const s = await vscode.commands.executeCommand<{ open: boolean; body: string }>('nianbao.previewState');
      return s.open && /finding sev-error/.test(s.body) ? s : undefined;
    }, 'the preview with a marked finding');
    assert.match(state.body, /<table/);
    assert.match(state.body, /<td[^>]*finding sev-error[^>]*>9/, 'the wrong total is marked on its cell');
    // The preview's tab is titled after the report and is not a text editor (the tab model updates a moment later).
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !(t.input instanceof vscode.TabInputText)).map((t) => t.label);
    await eventually(() => labels().some((l) => l.includes('preview-me.nianbao.md')), `a preview tab (tabs: ${labels().join(', ')})`, 10_000);
  });
});
