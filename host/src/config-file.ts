// nianbao.config.json from disk, for the CLI and the language server alike: read through the safe
// reader (regular files only, capped), decoded as UTF-8, parsed by the core's config loader. Any
// failure becomes one config problem and the defaults; nothing here throws.

import { EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/config/types';
import { CONFIG_MAX_BYTES, readRegularFile } from './safe-read';

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
