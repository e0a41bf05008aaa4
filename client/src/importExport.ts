// Import from Word or a web page, export to Word or a printable page, the preview, and pasting
// HTML (from Word, WPS or a browser) as markup. This file only registers: the converters
// (dist/convert.js) and the preview (dist/preview.js) are required when first used, so activation
// costs no more than before.

import * as vscode from 'vscode';
import type { ReportPreview } from './preview';

type ConvertModule = typeof import('../../core/src/convert/index');
let convertModule: ConvertModule | undefined;
function converters(): ConvertModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the converters are loaded on the first import or export, not at activation
  convertModule ??= require('../../core/src/convert/index') as ConvertModule;
  return convertModule;
}

export function registerImportExport(context: vscode.ExtensionContext): void {
  let preview: ReportPreview | undefined;
  const openPreview = (toSide: boolean) => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'nianbao') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (nianbao) document first.'));
      return false;
    }
    if (!preview) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the preview is loaded when it is first shown, not at activation
      const { ReportPreview } = require('./preview') as typeof import('./preview');
      preview = new ReportPreview();
      context.subscriptions.push(preview);
    }
    preview.show(editor.document, toSide);
    return true;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.import', (args?: { uri?: string }) => importFile(args)),
    vscode.commands.registerCommand('nianbao.exportDocx', (args?: { target?: string }) => exportActive('docx', args)),
    vscode.commands.registerCommand('nianbao.exportHtml', (args?: { target?: string }) => exportActive('html', args)),
    vscode.commands.registerCommand('nianbao.showPreview', () => openPreview(false)),
    vscode.commands.registerCommand('nianbao.showPreviewToSide', () => openPreview(true)),
    // For tests: what the preview shows now.
    vscode.commands.registerCommand('nianbao.previewState', () => ({ open: preview?.isOpen ?? false, body: preview?.lastBody ?? '' })),
  );
  const kind = vscode.DocumentDropOrPasteEditKind.Empty.append('nianbao', 'markup');
  context.subscriptions.push(
    vscode.languages.registerDocumentPasteEditProvider({ language: 'nianbao' }, new HtmlPasteProvider(kind), {
      providedPasteEditKinds: [kind],
      pasteMimeTypes: ['text/html'],
    }),
  );
}

/** 报告.docx → 报告.nianbao.md beside it (报告-2.nianbao.md when that exists), opened. */
async function importFile(args?: { uri?: string }): Promise<vscode.Uri | undefined> {
  let source: vscode.Uri | undefined = args?.uri ? vscode.Uri.parse(args.uri) : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import from Word or a web page'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Word documents and web pages')]: ['docx', 'html', 'htm'] },
    });
    source = picked?.[0];
  }
  if (!source) return undefined;
  const name = source.path.split('/').pop() ?? '';
  let converted;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    const c = converters();
    converted = c.convertFile(bytes, name);
    if (!converted) converted = { text: new TextDecoder().decode(bytes), notes: [] as string[] };
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', name, (e as Error).message));
    return undefined;
  }
  const base = name.replace(/\.(docx|docm|html?|xhtml|txt|md)$/i, '');
  const dir = vscode.Uri.joinPath(source, '..');
  let target = vscode.Uri.joinPath(dir, `${base}.nianbao.md`);
  for (let i = 2; (await exists(target)) && i < 100; i++) target = vscode.Uri.joinPath(dir, `${base}-${i}.nianbao.md`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(converted.text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  const notes = converted.notes.length ? ' ' + converted.notes.join('；') : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} as {1}.', name, target.path.split('/').pop() ?? '') + notes);
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function exportActive(format: 'docx' | 'html', args?: { target?: string }): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'nianbao') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (nianbao) document first.'));
    return undefined;
  }
  const doc = editor.document;
  const base = (doc.uri.path.split('/').pop() ?? 'report').replace(/(\.nianbao)?\.(md|markdown|txt)$/i, '');
  const ext = format === 'docx' ? 'docx' : 'html';
  let target = args?.target ? vscode.Uri.parse(args.target) : undefined;
  if (!target) {
    const defaultUri = doc.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(doc.uri, '..', `${base}.${ext}`);
    target = await vscode.window.showSaveDialog({
      title: format === 'docx' ? vscode.l10n.t('Export to Word') : vscode.l10n.t('Export to a web page'),
      defaultUri,
      filters: format === 'docx' ? { [vscode.l10n.t('Word document')]: ['docx'] } : { [vscode.l10n.t('Web page')]: ['html'] },
    });
  }
  if (!target) return undefined;
  try {
    const c = converters();
    const bytes = format === 'docx' ? await c.exportDocx(doc.getText()) : new TextEncoder().encode(c.exportHtml(doc.getText()));
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', (e as Error).message));
    return undefined;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported to {0}', target.path.split('/').pop() ?? ''), 5000);
  return target;
}

/** Pasting from Word, WPS or a browser: tables as pipe tables, headings as headings; plain text stays one choice away. */
class HtmlPasteProvider implements vscode.DocumentPasteEditProvider {
  constructor(private readonly kind: vscode.DocumentDropOrPasteEditKind) {}

  async provideDocumentPasteEdits(
    _document: vscode.TextDocument,
    _ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const html = await dataTransfer.get('text/html')?.asString();
    if (!html || token.isCancellationRequested) return undefined;
    // Only when the HTML has structure that plain text would lose.
    if (!/<(table|h[1-6]|p|li|div|br)\b/i.test(html)) return undefined;
    let text: string;
    try {
      text = converters().convertHtml(html, { title: false }).text;
    } catch {
      return undefined;
    }
    if (!text.trim()) return undefined;
    const edit = new vscode.DocumentPasteEdit(text, vscode.l10n.t('Paste as report markup (tables and headings)'), this.kind);
    return [edit];
  }
}
