// Which files the checker reads: the files named, and under the folders named the .md, .txt, .docx
// and .html files (and .doc/.pdf, so that a folder check says why they cannot be read instead of
// skipping them silently). Files are yielded one by one as the walk finds them, so a province's
// folder never sits in memory as one list. Symbolic links are followed, to files and to folders
// alike; a folder reached twice (a link back to a parent, two links to one folder) is walked once.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const CHECKED_EXTENSIONS = ['.md', '.txt', '.markdown', '.docx', '.html', '.htm', '.doc', '.wps', '.pdf'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

export type Target =
  /** A file to read (it may still turn out unreadable: the reader says why). */
  | { kind: 'file'; file: string }
  /** An argument or entry that names nothing readable; reported, never fatal. */
  | { kind: 'missing'; file: string; message: string }
  /** Something skipped on purpose (a link loop); said on stderr, not an error. */
  | { kind: 'skipped'; file: string; message: string };

// One collator for the whole walk: String#localeCompare builds one per call.
const ORDER = new Intl.Collator('zh-Hans-CN').compare;

const isChecked = (name: string) => CHECKED_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** The files to check, in a stable order: arguments as given, each folder sorted by name. */
export function* walkTargets(args: readonly string[]): Generator<Target> {
  const seenDirs = new Set<string>();
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg); // follows links: a link to a folder is that folder
    } catch (err) {
      const broken = isDanglingLink(arg);
      yield { kind: 'missing', file: arg, message: broken ? '符号链接指向的文件不存在' : describeStatError(err) };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(arg, st, seenDirs);
    else yield { kind: 'file', file: arg }; // a file named explicitly is read whatever its extension
  }
}

function* walkDir(dir: string, st: fs.Stats, seenDirs: Set<string>): Generator<Target> {
  const id = `${st.dev}:${st.ino}`;
  if (seenDirs.has(id)) {
    yield { kind: 'skipped', file: dir, message: '这个文件夹已经检查过（符号链接指向同一文件夹或形成循环），跳过' };
    return;
  }
  seenDirs.add(id);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'missing', file: dir, message: describeStatError(err) };
    return;
  }
  entries.sort((a, b) => ORDER(a.name, b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (skippedDir(e.name)) continue;
      let sub: fs.Stats;
      try {
        sub = fs.statSync(p);
      } catch (err) {
        yield { kind: 'missing', file: p, message: describeStatError(err) };
        continue;
      }
      yield* walkDir(p, sub, seenDirs);
    } else if (e.isSymbolicLink()) {
      let target: fs.Stats | undefined;
      try {
        target = fs.statSync(p);
      } catch {
        target = undefined;
      }
      if (target?.isDirectory()) {
        if (!skippedDir(e.name)) yield* walkDir(p, target, seenDirs);
      } else if (isChecked(e.name)) {
        // A dangling link to a draft is a draft that cannot be read: the reader says so.
        yield target ? { kind: 'file', file: p } : { kind: 'missing', file: p, message: '符号链接指向的文件不存在' };
      }
    } else if (isChecked(e.name)) {
      // A review page written into the folder it reviews (format-html.ts) is not a report.
      if (e.isFile() && isReviewPage(p)) yield { kind: 'skipped', file: p, message: '是 nianbao 生成的审核汇总页，跳过' };
      // Regular files, and FIFOs or devices named like drafts (the reader refuses those, by name).
      else yield { kind: 'file', file: p };
    }
  }
}

function skippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

function isDanglingLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function describeStatError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return '文件或文件夹不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有权限读取';
  if (code === 'ELOOP') return '符号链接形成循环，无法读取';
  return `无法读取：${(err as Error)?.message ?? String(err)}`;
}

/** The marker the review page carries (format-html.ts), so a later run may replace it. */
export const REVIEW_PAGE_MARK = '<meta name="generator" content="nianbao';

/**
 * Why `check -o FILE` must not write FILE, or undefined: FILE is a draft that is being checked (one
 * named, or a draft under a folder named) — writing the results there would destroy it. An earlier
 * review page (it carries REVIEW_PAGE_MARK) may be replaced, and so may any file of a kind the
 * checker does not read (result.json).
 */
export function refuseOutput(output: string, targets: readonly string[], cwd: string): string | undefined {
  const out = path.resolve(cwd, output);
  let st: fs.Stats;
  try {
    st = fs.statSync(out);
  } catch {
    return undefined; // a new file
  }
  if (st.isDirectory()) return `${output} 是文件夹`;
  if (!st.isFile()) return undefined;
  // A file named is read whatever its extension; under a folder, only the kinds the walk picks.
  const checked = targets.some((t) => {
    const rel = path.relative(path.resolve(cwd, t), out);
    return rel === '' || (isChecked(out) && !rel.startsWith('..') && !path.isAbsolute(rel));
  });
  if (!checked || isReviewPage(out)) return undefined;
  return `${output} 是要检查的文件之一，不能用来写入检查结果（请换一个文件名或位置）`;
}

/** Only for regular files (opening a FIFO would wait for a writer). */
function isReviewPage(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm') return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(2048);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').includes(REVIEW_PAGE_MARK);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
