// The extension inside a real VS Code: a draft opened from disk gets the nianbao language, the
// server's diagnostics, an outline, completion, hover and working quick fixes; detection and the
// commands do what a writer expects.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT_2023 } from '../../protocol/drafts';
import { diagnosticsMatching, eventually, EXTENSION_ID, hoverText, lineOf, ruleId, sleep, writeDraft } from './helpers';

describe('Nianbao in VS Code', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  before(async () => {
    uri = writeDraft('qingshan-2023.nianbao.md', DRAFT_2023);
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives *.nianbao.md files the nianbao language and activates the extension', async () => {
    assert.equal(doc.languageId, 'nianbao');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await eventually(() => ext.isActive, 'activation');
  });

  it('shows the wrong total and the missing part as diagnostics', async () => {
    const ds = await diagnosticsMatching(
      uri,
      (list) => list.some((d) => ruleId(d) === 'table-balance') && list.some((d) => ruleId(d) === 'part-missing'),
      'table-balance and part-missing diagnostics',
    );
    const balance = ds.find((d) => ruleId(d) === 'table-balance')!;
    assert.match(balance.message, /相差\s*2/);
    const code = balance.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /\/docs\/rules\/table-balance\.md$/);
    const missing = ds.find((d) => ruleId(d) === 'part-missing')!;
    assert.match(missing.message, /存在的主要问题及改进情况/);
    assert.equal(missing.range.start.line, lineOf(doc, '六、其他需要报告的事项'));
  });

  it('outlines the parts with their statutory place and tables', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const flat = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const part3 = flat(symbols).find((s) => s.name === '三、收到和处理政府信息公开申请情况');
    assert.ok(part3, JSON.stringify(flat(symbols).map((s) => s.name)));
    assert.match(part3.detail, /^第三部分/);
    assert.ok(part3.children.some((c) => c.kind === vscode.SymbolKind.Array && c.name.includes('申请情况表')));
  });

  it('completes the next missing part at the start of a line', async () => {
    const line = lineOf(doc, '六、其他需要报告的事项') - 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(line, 0),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('五、存在的主要问题及改进情况'), JSON.stringify(labels));
    assert.ok(!labels.some((l) => l === '一、总体情况'), 'parts already written are not offered');
  });

  it('explains a part heading and a table cell on hover', async () => {
    const heading = lineOf(doc, '三、收到和处理政府信息公开申请情况');
    const onHeading = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(heading, 3)),
    );
    assert.match(onHeading, /第三部分/);
    assert.match(onHeading, /条例/);

    const row = lineOf(doc, '一、本年新收政府信息公开申请数量');
    const col = doc.lineAt(row).text.indexOf('| 7 |') + 2;
    const onCell = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(row, col)));
    assert.match(onCell, /一 \+ 二 = 三（七）\+ 四/);
    assert.match(onCell, /相差 2/);
  });

  it('applies the quick fix for the missing part, and the diagnostic goes away', async () => {
    const missing = (await diagnosticsMatching(uri, (l) => l.some((d) => ruleId(d) === 'part-missing'), 'part-missing')).find(
      (d) => ruleId(d) === 'part-missing',
    )!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range);
    // (The command API does not hand back the diagnostics an action is bound to; the protocol tests check that.)
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title.includes('存在的主要问题及改进情况') && !a.title.includes('停用'));
    assert.ok(
      fix?.edit,
      JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, codes: a.diagnostics?.map(ruleId), edit: !!a.edit }))),
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const inserted = lineOf(doc, '五、存在的主要问题及改进情况');
    assert.ok(inserted > lineOf(doc, '四、政府信息公开行政复议') && inserted < lineOf(doc, '六、其他需要报告的事项'));
    await diagnosticsMatching(uri, (l) => !l.some((d) => ruleId(d) === 'part-missing'), 'part-missing to disappear');
  });

  it('offers source.fixAll.nianbao and "disable for this line"', async () => {
    const balance = (await diagnosticsMatching(uri, (l) => l.some((d) => ruleId(d) === 'table-balance'), 'table-balance')).find(
      (d) => ruleId(d) === 'table-balance',
    )!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, balance.range);
    const disable = actions.find((a) => a.title.includes('停用') && a.title.includes('table-balance'));
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(doc.lineAt(balance.range.start.line).text, /\| <!-- nianbao-disable-line table-balance -->$/);
    await vscode.commands.executeCommand('undo');
  });

  it('switches a Markdown file titled as an annual report to nianbao, and leaves others alone', async () => {
    const report = writeDraft('report-draft.md', '# 青山县2024年政府信息公开工作年度报告\n\n一、总体情况\n');
    const other = writeDraft('notes.md', '# 会议纪要\n\n一、议题\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other));
    await eventually(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === report.toString())?.languageId === 'nianbao',
      'the report draft to become nianbao',
    );
    await sleep(500);
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString())?.languageId, 'markdown');
  });

  it('nianbao.newReport opens a skeleton for the chosen body and year', async () => {
    const created = await vscode.commands.executeCommand<vscode.TextDocument>('nianbao.newReport', { body: '青山县自然资源局', year: 2023 });
    assert.ok(created);
    assert.equal(created.languageId, 'nianbao');
    // Save proposes the report's name, not its first line with the `# `.
    assert.equal(created.uri.scheme, 'untitled');
    assert.match(decodeURIComponent(created.uri.path), /\/青山县自然资源局2023年政府信息公开工作年度报告\.nianbao\.md$/);
    const text = created.getText();
    assert.match(text.split('\n')[0], /^# 青山县自然资源局2023年政府信息公开工作年度报告$/);
    for (const part of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(text.includes(part), part);
    // The skeleton is complete: no part reported missing.
    const ds = await diagnosticsMatching(created.uri, () => true, 'diagnostics of the new report');
    await sleep(500);
    assert.ok(!vscode.languages.getDiagnostics(created.uri).some((d) => ruleId(d) === 'part-missing'), JSON.stringify(ds.map((d) => d.message)));
  });

  it('nianbao.insertTable puts a missing table into its part, between blank lines', async () => {
    // The draft without the table rows of part 四.
    const all = DRAFT_2023.split('\n');
    const four = all.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const withoutReview = all.filter((l, i) => !(i > four && i < four + 8 && l.startsWith('|'))).join('\n');
    assert.ok(!withoutReview.includes('复议后起诉'), 'the draft lacks 表四');
    const draft = await vscode.workspace.openTextDocument(writeDraft('no-review.nianbao.md', withoutReview));
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(0, 0, 0, 0); // the cursor far from part 四
    assert.equal(await vscode.commands.executeCommand('nianbao.insertTable', { id: 'gov2021-review' }), true);
    const heading = lineOf(draft, '四、政府信息公开行政复议、行政诉讼情况');
    const first = lineOf(draft, '| 行政复议');
    assert.ok(first > heading && first < lineOf(draft, '六、其他需要报告的事项'), `table at ${first}, part 四 at ${heading}`);
    assert.equal(draft.lineAt(first - 1).text, '');
    assert.equal(editor.selection.active.line, first, 'the cursor is on the inserted table');
    let last = first;
    while (draft.lineAt(last + 1).text.startsWith('|')) last++;
    assert.equal(draft.lineAt(last + 1).text, '');
    // The checker reads it as 表四: part 四 no longer lacks its table.
    await diagnosticsMatching(draft.uri, (l) => !l.some((d) => ruleId(d) === 'table-shape' && d.range.start.line === heading), 'table-shape on part 四 to go');
  });

  it('report defaults: word wrap on, full-width punctuation not boxed as ambiguous', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'nianbao' });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(editor.get('unicodeHighlight.nonBasicASCII'), false);
  });

  it('Format Document aligns the tables and changes no cell', async () => {
    const squeezed = DRAFT_2023.split('\n').map((l) => (l.startsWith('|') ? l.replace(/\s*\|\s*/g, '|') : l)).join('\n');
    const draft = await vscode.workspace.openTextDocument(writeDraft('format-me.nianbao.md', squeezed));
    await vscode.window.showTextDocument(draft);
    const edits = await eventually(
      async () => {
        const e = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', draft.uri, { tabSize: 4, insertSpaces: true });
        return e?.length ? e : undefined;
      },
      'formatting edits',
    );
    const we = new vscode.WorkspaceEdit();
    we.set(draft.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    const row = draft.lineAt(lineOf(draft, '一、本年新收政府信息公开申请数量')).text;
    assert.match(row, /^\| 一、本年新收政府信息公开申请数量 +\| +\| 7 +\| 0 +\|/);
    const cells = (t: string) => t.split('\n').filter((l) => l.startsWith('|') && !/^\|[-| :]+\|$/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
    assert.deepEqual(cells(draft.getText()), cells(squeezed));
  });

  it('nianbao.showProfile tells which format applies and why', async () => {
    await vscode.window.showTextDocument(doc);
    const info = await vscode.commands.executeCommand<{ id: string; reason: string }>('nianbao.showProfile');
    assert.equal(info.id, 'gov-2021');
    assert.match(info.reason, /2023/);
  });
});
