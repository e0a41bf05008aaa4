// The workspace's nianbao.config.json, read per workspace folder. Parsing and validation belong
// to the core's config loader (core/src/config/load.ts), reading the file to the shared safe reader
// (host/src/config-file.ts: regular files only, size-capped); this file finds the files and
// tells the writer about their problems.

import { fileURLToPath } from 'node:url';
import { EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/config/types';
import { CONFIG_FILE_NAME, findConfigFile, readConfigFile, type ConfigParser } from '../../host/src/config-file';

export type { ConfigParser } from '../../host/src/config-file';

export const CONFIG_FILE = CONFIG_FILE_NAME;

export interface FolderConfig {
  folderUri: string;
  config: ResolvedConfig;
  /** The config file that applied (absent: none found, the defaults). */
  file?: string;
}

/**
 * The config of a workspace folder, found as the CLI finds it when run in that folder (the nearest
 * nianbao.config.json in the folder or above it, host/src/config-file.ts).
 */
export function loadFolderConfig(folderUri: string, parser: ConfigParser): FolderConfig {
  if (!folderUri.startsWith('file:')) return { folderUri, config: EMPTY_CONFIG };
  let file: string | undefined;
  try {
    file = findConfigFile(fileURLToPath(folderUri));
  } catch {
    return { folderUri, config: EMPTY_CONFIG };
  }
  if (!file) return { folderUri, config: EMPTY_CONFIG };
  const read = readConfigFile(file, parser, CONFIG_FILE);
  if (read.status === 'missing') return { folderUri, config: EMPTY_CONFIG };
  return { folderUri, config: read.config, file: read.status === 'read' ? file : undefined };
}

/** The config of the innermost workspace folder holding the document. */
export function configForDocument(uri: string, folders: readonly FolderConfig[]): ResolvedConfig {
  let best: FolderConfig | undefined;
  for (const f of folders) {
    const prefix = f.folderUri.endsWith('/') ? f.folderUri : f.folderUri + '/';
    if (uri.startsWith(prefix) && (!best || f.folderUri.length > best.folderUri.length)) best = f;
  }
  return best?.config ?? EMPTY_CONFIG;
}

/**
 * Tells the writer about config problems without flooding them: one notification per folder with
 * the count and the first problem, every problem in the log (the output channel), and nothing again
 * while the problems stay the same (a file watcher fires on every save).
 */
export class ConfigProblemReporter {
  private shown = new Map<string, string>();

  constructor(
    private readonly notify: (message: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  report(folders: readonly FolderConfig[]): void {
    const next = new Map<string, string>();
    for (const { folderUri, config } of folders) {
      if (!config.problems.length) continue;
      const key = config.problems.map((p) => `${p.path}\u0000${p.message}`).join('\u0001');
      next.set(folderUri, key);
      if (this.shown.get(folderUri) === key) continue;
      const where = folders.length > 1 ? `（${folderName(folderUri)}）` : '';
      for (const p of config.problems) this.log(`${CONFIG_FILE}${where}：${p.message}`);
      this.notify(configProblemsMessage(config.problems.map((p) => p.message), where));
    }
    this.shown = next;
  }
}

/** The one notification for a config's problems: the count, the first one, where to see them all. */
export function configProblemsMessage(messages: readonly string[], where = ''): string {
  if (messages.length === 1) return `${CONFIG_FILE}${where}：${messages[0]}`;
  return `${CONFIG_FILE}${where}有 ${messages.length} 个问题，有问题的设置已忽略、其余照常生效。第一个：${messages[0]}。完整列表见「输出」面板中的「年报助手语言服务器」。`;
}

function folderName(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  return decodeURIComponentSafe(trimmed.slice(trimmed.lastIndexOf('/') + 1));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
