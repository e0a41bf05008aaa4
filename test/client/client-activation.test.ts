// The bundled client activates cheaply and lazily: with a stand-in `vscode` module, activation
// (its time is measured by `npm run bench`) must not load the language client, must register exactly the commands the
// manifest declares, and must switch only report-titled Markdown/plain-text files to nianbao.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Module from 'node:module';
import { ensureBuilt, REPO } from '../protocol/lspClient';

interface FakeDoc {
  uri: { scheme: string; toString(): string };
  languageId: string;
  lineCount: number;
  lineAt(i: number): { text: string };
}

function fakeDoc(name: string, languageId: string, text: string, scheme = 'file'): FakeDoc {
  const lines = text.split('\n');
  return { uri: { scheme, toString: () => `${scheme}:///w/${name}` }, languageId, lineCount: lines.length, lineAt: (i) => ({ text: lines[i] }) };
}

const registered: string[] = [];
const switched: string[] = [];
const openListeners: ((d: FakeDoc) => void)[] = [];
const openDocs: FakeDoc[] = [
  fakeDoc('report.md', 'markdown', '\n# 青山县自然资源局2023年政府信息公开工作年度报告\n\n一、总体情况'),
  fakeDoc('notes.md', 'markdown', '# 会议纪要\n\n一、议题'),
  fakeDoc('draft.txt', 'plaintext', '青山县2022年度政府信息公开工作报告\n一、总体情况'),
  fakeDoc('readme.txt', 'plaintext', '关于政府信息公开的说明\n正文'),
  // The same report seen in git history stays Markdown.
  fakeDoc('report.md', 'markdown', '# 青山县自然资源局2023年政府信息公开工作年度报告', 'git'),
];
const disposable = { dispose() {} };
const fakeVscode = {
  workspace: {
    textDocuments: openDocs,
    onDidOpenTextDocument: (f: (d: FakeDoc) => void) => (openListeners.push(f), disposable),
    onDidChangeTextDocument: () => disposable,
    onDidCloseTextDocument: () => disposable,
    getConfiguration: () => ({ get: <T>(_k: string, d: T) => d }),
  },
  commands: { registerCommand: (id: string) => (registered.push(id), disposable) },
  languages: {
    setTextDocumentLanguage: async (doc: FakeDoc, lang: string) => {
      switched.push(`${doc.uri.toString()}→${lang}`);
      return doc;
    },
    registerDocumentPasteEditProvider: () => disposable,
    onDidChangeDiagnostics: () => disposable,
  },
  DocumentDropOrPasteEditKind: { Empty: { append: (...parts: string[]) => ({ value: parts.join('.') }) } },
  // The overview's tree view is created at activation; it asks the server only for an open report.
  window: { onDidChangeActiveTextEditor: () => disposable, createTreeView: () => ({ ...disposable }) },
  EventEmitter: class {
    event = () => disposable;
    fire() {}
    dispose() {}
  },
  l10n: { t: (s: string) => s },
};

describe('client activation', () => {
  before(() => {
    ensureBuilt();
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? fakeVscode : original.call(this, request, ...rest);
    };
    const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => join(REPO, p) };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is loaded with the vscode stub in place, after the module hook is set
    const ext = require(join(REPO, 'dist/client.js')) as { activate(ctx: unknown): void };
    ext.activate(context);
  });

  test('the language client is not loaded while no report is open', () => {
    const loaded = Object.keys(require.cache);
    assert.ok(!loaded.some((f) => f.endsWith(join('dist', 'lsp.js'))), 'dist/lsp.js stays unloaded');
    assert.ok(!loaded.some((f) => f.includes('vscode-languageclient')), 'vscode-languageclient stays unloaded');
    // The converters and the preview load only when an import, export, paste or preview needs them.
    assert.ok(!loaded.some((f) => f.endsWith(join('dist', 'convert.js')) || f.endsWith(join('dist', 'preview.js'))), 'dist/convert.js and dist/preview.js stay unloaded');
  });

  test('registers exactly the commands the manifest contributes', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    const declared = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual([...registered].sort(), declared);
  });

  test('switches only files titled as an annual report', () => {
    assert.deepEqual(switched.sort(), ['file:///w/draft.txt→nianbao', 'file:///w/report.md→nianbao']);
  });

  test('a file opened later is looked at too, and only once', () => {
    const later = fakeDoc('later.md', 'markdown', '# 某市2024年政府信息公开工作年度报告');
    openListeners.forEach((f) => f(later));
    openListeners.forEach((f) => f(later)); // e.g. the writer switched it back to Markdown
    assert.equal(switched.filter((s) => s.startsWith('file:///w/later.md')).length, 1);
  });
});
