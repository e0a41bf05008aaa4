// The workspace's nianbao.config.json, read per workspace folder. Parsing and validation belong
// to the core's config loader (core/src/config/load.ts); this file only finds and reads the files.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/config/types';

export const CONFIG_FILE = 'nianbao.config.json';

export interface FolderConfig {
  folderUri: string;
  config: ResolvedConfig;
}

/** Turns the text of a config file into a ResolvedConfig (problems collected, never throws). */
export type ConfigParser = (text: string, source: string) => ResolvedConfig;

export function loadFolderConfig(folderUri: string, parser: ConfigParser): FolderConfig {
  let text: string;
  try {
    if (!folderUri.startsWith('file:')) return { folderUri, config: EMPTY_CONFIG };
    text = readFileSync(join(fileURLToPath(folderUri), CONFIG_FILE), 'utf8');
  } catch {
    return { folderUri, config: EMPTY_CONFIG }; // no config file: defaults
  }
  return { folderUri, config: parser(text, CONFIG_FILE) };
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
