// The extension's commands. Every text they insert (the skeleton, the tables) comes from the
// server, i.e. from the core's profile data: one source for editor, CLI and tests.

import * as vscode from 'vscode';
import {
  ProfileInfoRequest,
  SkeletonRequest,
  TablesRequest,
  TableInsertionRequest,
  type TableInsertionResult,
  type ProfileInfoResult,
  type SkeletonResult,
  type TablesResult,
} from '../../server/src/protocol';
import type { ServerHandle } from './lsp';
import { defaultReportYear, reportFileName } from './reportFile';
import { profileName, showProfileChoice, tableName } from './profileInfo';

export function registerCommands(context: vscode.ExtensionContext, server: () => Promise<ServerHandle>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.newReport', (args?: { body?: string; year?: number }) => newReport(server, args)),
    vscode.commands.registerCommand('nianbao.insertTable', (args?: { id?: string; force?: boolean }) => insertTable(server, args)),
    vscode.commands.registerCommand('nianbao.showProfile', () => showProfile(server)),
  );
}

/** Asks body and year (arguments skip the questions, for tests and keybindings). */
async function newReport(server: () => Promise<ServerHandle>, args?: { body?: string; year?: number }): Promise<vscode.TextDocument | undefined> {
  const body =
    args?.body ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New annual report'),
      prompt: vscode.l10n.t('Name of the reporting body'),
      placeHolder: vscode.l10n.t('e.g. Bureau of Justice of X City'),
      ignoreFocusOut: true,
    }));
  if (body === undefined) return undefined;
  const year =
    args?.year ??
    Number(
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New annual report'),
        prompt: vscode.l10n.t('Year the report covers'),
        value: String(defaultReportYear(new Date())),
        ignoreFocusOut: true,
        validateInput: (v) => (/^(19|20)\d{2}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a four-digit year')),
      }),
    );
  if (!year) return undefined;
  const skeleton = await (await server()).sendRequest<SkeletonResult>(SkeletonRequest, { body, year });
  const doc = await openUntitledReport((copy) => reportFileName(body, year, copy), skeleton.text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Report format: {0}', profileName(skeleton.profileId, skeleton.profileName)), 5000);
  return doc;
}

/**
 * A new untitled document named after the report (Save proposes that name, not the first line
 * with its `# `), in the first workspace folder; a name already open gets （2）, （3）….
 */
async function openUntitledReport(name: (copy: number) => string, text: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let uri: vscode.Uri;
  for (let copy = 1; ; copy++) {
    uri = folder ? vscode.Uri.joinPath(folder, name(copy)).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name(copy) });
    const exists = folder ? await vscode.workspace.fs.stat(uri.with({ scheme: folder.scheme })).then(() => true, () => false) : false;
    if (!open.has(uri.toString()) && !exists) break;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
  if (doc.languageId !== 'nianbao') await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return doc;
}

function activeReport(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'nianbao') return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (nianbao) document first.'));
  return undefined;
}

/**
 * Quick pick of the profile's tables (those the report has are marked); the server says where the
 * table goes: in its part, between blank lines. A table the report has already is not inserted
 * twice unless the writer says so. An `id` argument (tests, keybindings) skips the pick; `force`
 * skips the question.
 */
async function insertTable(server: () => Promise<ServerHandle>, args?: { id?: string; force?: boolean }): Promise<boolean> {
  const editor = activeReport();
  if (!editor) return false;
  const handle = await server();
  const uri = editor.document.uri.toString();
  const info = await handle.sendRequest<TablesResult | null>(TablesRequest, { uri });
  if (!info?.tables.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The format {0} has no national tables.', info ? profileName(info.profileId, info.profileName) : '—'));
    return false;
  }
  const items = info.tables.map((t) => ({
    label: tableName(t.id, t.title),
    description: t.line === undefined ? t.id : vscode.l10n.t('already in the report (line {0})', t.line + 1),
    id: t.id,
  }));
  const picked = args?.id
    ? items.find((i) => i.id === args.id)
    : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Insert a national table ({0})', profileName(info.profileId, info.profileName)) });
  if (!picked) return false;
  const ask = (force: boolean) =>
    handle.sendRequest<TableInsertionResult>(TableInsertionRequest, { uri, id: picked.id, position: editor.selection.active, force });
  let where = await ask(args?.force === true);
  if (where.kind === 'present') {
    const goTo = vscode.l10n.t('Go to it');
    const insert = vscode.l10n.t('Insert another');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The report already has {0} (line {1}).', picked.label, where.line + 1),
      goTo,
      insert,
    );
    if (answer === goTo) reveal(editor, where.line);
    if (answer !== insert) return false;
    where = await ask(true);
  }
  if (where.kind !== 'insert') return false;
  const { range, newText } = where.edit;
  const at = new vscode.Position(range.start.line, range.start.character);
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const done = await editor.edit((b) => b.insert(at, newText.replace(/\r?\n/g, eol)));
  if (done) reveal(editor, where.line);
  return done;
}

function reveal(editor: vscode.TextEditor, line: number): void {
  const pos = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function showProfile(server: () => Promise<ServerHandle>): Promise<ProfileInfoResult | undefined> {
  const editor = activeReport();
  if (!editor) return undefined;
  const info = await (await server()).sendRequest<ProfileInfoResult | null>(ProfileInfoRequest, { uri: editor.document.uri.toString() });
  if (!info) return undefined;
  void showProfileChoice(info);
  return info;
}
