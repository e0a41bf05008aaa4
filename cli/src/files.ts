// Which files the checker reads: the files named, and under the folders named the .md, .txt, .docx
// and .html files (and .doc/.pdf, so that a folder check says why they cannot be read instead of
// skipping them silently).

import * as fs from 'node:fs';
import * as path from 'node:path';

export const CHECKED_EXTENSIONS = ['.md', '.txt', '.markdown', '.docx', '.html', '.htm', '.doc', '.wps', '.pdf'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

export interface FileList {
  files: string[];
  /** Arguments that named nothing readable (reported, never fatal). */
  missing: string[];
}

export function collectFiles(args: string[]): FileList {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && CHECKED_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a);
    else files.push(a); // a file named explicitly is read whatever its extension
  }
  return { files, missing };
}

/** Looks for nianbao.config.json from `start` upwards. */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'nianbao.config.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
