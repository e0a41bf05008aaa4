// The extension's commands. Every text they insert (the skeleton, the tables) comes from the
// server, i.e. from the core's profile data: one source for editor, CLI and tests.

import * as vscode from 'vscode';
import {
  ProfileInfoRequest,
  SkeletonRequest,
  TablesRequest,
  type ProfileInfoResult,
  type SkeletonResult,
  type TablesResult,
} from '../../server/src/protocol';
import type { ServerHandle } from './lsp';

export function registerCommands(context: vscode.ExtensionContext, server: () => Promise<ServerHandle>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.newReport', (args?: { body?: string; year?: number }) => newReport(server, args)),
    vscode.commands.registerCommand('nianbao.insertTable', (args?: { id?: string }) => insertTable(server, args)),
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
  const lastYear = new Date().getFullYear() - 1;
  const year =
    args?.year ??
    Number(
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New annual report'),
        prompt: vscode.l10n.t('Year the report covers'),
        value: String(lastYear),
        ignoreFocusOut: true,
        validateInput: (v) => (/^(19|20)\d{2}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a four-digit year')),
      }),
    );
  if (!year) return undefined;
  const skeleton = await (await server()).sendRequest<SkeletonResult>(SkeletonRequest, { body, year });
  const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: skeleton.text });
  await vscode.window.showTextDocument(doc);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Report format: {0}', skeleton.profileName), 5000);
  return doc;
}

function activeReport(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'nianbao') return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (nianbao) document first.'));
  return undefined;
}

/** Quick pick of the profile's tables; an `id` argument (tests, keybindings) skips the pick. */
async function insertTable(server: () => Promise<ServerHandle>, args?: { id?: string }): Promise<boolean> {
  const editor = activeReport();
  if (!editor) return false;
  const info = await (await server()).sendRequest<TablesResult | null>(TablesRequest, { uri: editor.document.uri.toString() });
  if (!info?.tables.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The format {0} has no national tables.', info?.profileName ?? '—'));
    return false;
  }
  const items = info.tables.map((t) => ({ label: t.title, description: t.id, template: t.template }));
  const picked = args?.id
    ? items.find((i) => i.description === args.id)
    : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Insert a national table ({0})', info.profileName) });
  if (!picked) return false;
  const pos = editor.selection.active;
  const line = editor.document.lineAt(pos.line);
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const table = picked.template.trim().replace(/\r?\n/g, eol);
  // A table must start on its own line with a blank line before it.
  const text = line.isEmptyOrWhitespace ? table + eol : eol + eol + table + eol;
  const at = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  return editor.edit((b) => b.insert(at, text));
}

async function showProfile(server: () => Promise<ServerHandle>): Promise<ProfileInfoResult | undefined> {
  const editor = activeReport();
  if (!editor) return undefined;
  const info = await (await server()).sendRequest<ProfileInfoResult | null>(ProfileInfoRequest, { uri: editor.document.uri.toString() });
  if (!info) return undefined;
  void vscode.window.showInformationMessage(vscode.l10n.t('Format: {0} ({1}). {2}', info.name, info.id, info.reason));
  return info;
}
