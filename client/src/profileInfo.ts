// 查看适用的报告格式: the format chosen for the report and why, in full, in a quick pick (one line
// per fact, nothing cut off as in a notification). Under a Chinese UI the server's own reason is
// shown; otherwise the client words it from the facts the server sends, so the window speaks one
// language. Built-in formats and tables have names in both languages.

import * as vscode from 'vscode';
import type { ProfileInfoResult } from '../../server/src/protocol';

const chineseUi = () => vscode.env.language.toLowerCase().startsWith('zh');

/** The name of a built-in format in the UI language; a workspace-defined format keeps its own. */
export function profileName(id: string, name: string): string {
  switch (id) {
    case 'gov-2021':
      return vscode.l10n.t('2021 national format');
    case 'gov-2019':
      return vscode.l10n.t('2019 national format');
    case 'legacy':
      return vscode.l10n.t('Reports up to 2018');
    case 'generic':
      return vscode.l10n.t('General text (not an annual report)');
    default:
      return name;
  }
}

/** The name of a built-in national table in the UI language. */
export function tableName(id: string, title: string): string {
  if (/-proactive$/.test(id)) return vscode.l10n.t('Proactive disclosure table');
  if (/-requests$/.test(id)) return vscode.l10n.t('Requests received and handled table');
  if (/-review$/.test(id)) return vscode.l10n.t('Administrative review and litigation table');
  if (id === 'legacy-statistics') return vscode.l10n.t('Statistics table');
  return title;
}

/** Why this format, as sentences in the UI language. */
export function profileReasons(info: ProfileInfoResult): string[] {
  if (chineseUi()) return info.reason.split('；').filter(Boolean);
  switch (info.source) {
    case 'directive':
      return [vscode.l10n.t('A nianbao-profile directive on line {0} names it.', (info.directiveLine ?? 0) + 1)];
    case 'option':
      return [vscode.l10n.t('It was given on the command line.')];
    case 'config':
      return [vscode.l10n.t('The nianbao.profile setting or nianbao.config.json names it.')];
    case 'title-year':
      return [vscode.l10n.t('The report is for {0}, and this format applies to that year.', info.year ?? '—')];
    case 'headings':
      return [vscode.l10n.t('The title gives no year; {0} part headings match this format.', info.partsFound ?? 0)];
    default:
      return [vscode.l10n.t('The text is not an annual report on government information disclosure: only the general checks run.')];
  }
}

export async function showProfileChoice(info: ProfileInfoResult): Promise<void> {
  const items: vscode.QuickPickItem[] = [
    { label: `$(check) ${profileName(info.id, info.name)}`, description: info.id, detail: chineseUi() ? info.basis : undefined },
    { label: vscode.l10n.t('Why'), kind: vscode.QuickPickItemKind.Separator },
    ...profileReasons(info).map((r) => ({ label: r })),
  ];
  await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Report format of this document'), placeHolder: vscode.l10n.t('Report format: {0}', profileName(info.id, info.name)) });
}
