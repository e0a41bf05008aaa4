// Reading a file nobody vetted: a config committed to a repository, a draft in a folder someone
// sent. Only regular files are read. A symlink is followed to the file it names, but never to a
// device, a FIFO or a socket (a config linked to /dev/zero would be read forever; a FIFO would block
// the reader until someone writes to it). Every read has a size cap, so no file can exhaust memory.
// Failures are values with a Chinese message, never exceptions: the caller falls back to defaults
// or reports that one file.
//
// Used by the CLI (drafts, config) and the language server (config). It lives in host/, the
// Node-side code the two share, because the core reads no files: it is given text.

import * as fs from 'node:fs';

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export type SafeRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: ReadFailure; /** Chinese: what was wrong (the caller names the file). */ message: string };

/** Caps: a config of a few dozen profiles is tens of KB; a draft beyond 64 MB is not a report. */
export const CONFIG_MAX_BYTES = 1024 * 1024;
export const DRAFT_MAX_BYTES = 64 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. It does not exist on
// Windows, where there are no FIFOs in the file system to open.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return '文件夹';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  return '特殊文件';
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1);
}

function failure(err: unknown): SafeRead {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: '文件不存在' };
  if (code === 'ELOOP') return { ok: false, reason: 'unreadable', message: '符号链接形成循环，未读取' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: '没有权限读取' };
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: '是文件夹，不是文件，未读取' };
  if (code === 'ENXIO') return { ok: false, reason: 'not-a-file', message: '不是普通文件（套接字或设备），未读取' };
  return { ok: false, reason: 'unreadable', message: `无法读取：${(err as Error)?.message ?? String(err)}` };
}

function notRegular(st: fs.Stats, maxBytes: number): SafeRead | undefined {
  if (!st.isFile()) return { ok: false, reason: 'not-a-file', message: `不是普通文件（是${kindOf(st)}），未读取` };
  if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
  return undefined;
}

function tooLarge(size: number, maxBytes: number): SafeRead {
  return { ok: false, reason: 'too-large', message: `超过 ${megabytes(maxBytes)} MB 的上限（至少 ${megabytes(size)} MB），未读取` };
}

/**
 * The bytes of `file` if it is (or links to) a regular file of at most `maxBytes` bytes. The file
 * is stat'ed before it is opened (a device is never even opened) and fstat'ed once open (what was
 * opened is what was checked); a file that grows past the cap while it is read is refused too.
 */
export function readRegularFile(file: string, maxBytes: number): SafeRead {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    return failure(err);
  }
  const early = notRegular(st, maxBytes);
  if (early) return early;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    return failure(err);
  }
  try {
    const fst = fs.fstatSync(fd);
    const opened = notRegular(fst, maxBytes);
    if (opened) return opened;
    // One buffer of the size stat'ed plus a byte (so growth shows), more only if the file grew.
    const chunks: Buffer[] = [];
    let total = 0;
    let size = Math.min(fst.size, maxBytes) + 1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < chunk.length) {
        const n = fs.readSync(fd, chunk, filled, chunk.length - filled, null);
        if (n === 0) break;
        filled += n;
      }
      chunks.push(filled === chunk.length ? chunk : chunk.subarray(0, filled));
      total += filled;
      if (total > maxBytes) return tooLarge(total, maxBytes);
      if (filled < chunk.length) break;
      size = Math.min(CHUNK, maxBytes + 1 - total);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return failure(err);
  } finally {
    fs.closeSync(fd);
  }
}
