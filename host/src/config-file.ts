// nianbao.config.json from disk, for the CLI and the language server alike: read through the safe
// reader (regular files only, capped), decoded as UTF-8, parsed by the core's config loader. Any
// failure becomes one config problem and the defaults; nothing here throws.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/config/types';
import { CONFIG_MAX_BYTES, readRegularFile } from './safe-read';

export const CONFIG_FILE_NAME = 'nianbao.config.json';

/**
 * The config that applies to a folder, found the same way by the CLI (from the working folder) and
 * the language server (from each workspace folder): the nearest nianbao.config.json in `start` or a
 * folder above it. Whoever uses it says which file applied, since one in a parent folder can turn
 * rules off without the user knowing it is there.
 */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    // Any entry of that name counts, a broken link or a link loop too: reading it then says what is
    // wrong with it, where existsSync would pass over it in silence.
    if (fs.lstatSync(candidate, { throwIfNoEntry: false })) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** What a user is told about the config that applied: its name and the rules it turns off. */
export function appliedConfigMessage(name: string, config: ResolvedConfig): string {
  const off = Object.entries(config.rules)
    .filter(([, s]) => s === 'off')
    .map(([id]) => id);
  return `使用配置文件 ${name}${off.length ? `（停用了规则 ${off.join('、')}）` : ''}`;
}

/** Turns the text of a config file into a ResolvedConfig (problems collected, never throws). */
export type ConfigParser = (text: string, source: string) => ResolvedConfig;

export type ConfigFileRead =
  /** No such file: the caller uses the defaults, silently. */
  | { status: 'missing' }
  /** A file that could not be read as a config (not a regular file, too large, not UTF-8): the
   * defaults, with one problem saying why. */
  | { status: 'unusable'; config: ResolvedConfig }
  /** Read and parsed; its problems (if any) are in `config.problems`. */
  | { status: 'read'; config: ResolvedConfig };

/** Reads the config in `file`; `source` is the name messages use for it. */
export function readConfigFile(file: string, parser: ConfigParser, source = file): ConfigFileRead {
  const read = readRegularFile(file, CONFIG_MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') return { status: 'missing' };
    return unusable(`${source} ${read.message}，已使用默认配置`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return unusable(`${source} 不是 UTF-8 编码的文本，已使用默认配置`);
  }
  return { status: 'read', config: parser(text, source) };
}

function unusable(message: string): ConfigFileRead {
  return { status: 'unusable', config: { ...EMPTY_CONFIG, problems: [{ path: '', message }] } };
}
