// The report files of a workspace folder, found and read safely. Used by the workspace
// diagnostics (./workspaceDiagnostics.ts); kept on its own, with no LSP in it, for every feature
// that looks at a whole folder of drafts.
//
// A report file is a *.nianbao.md, or a .md / .txt whose title names an annual report
// (core/src/reportFile.ts; only with title detection on, as the extension's `nianbao.detect.enabled`).
// Safety, since a workspace may not be trusted: only regular files (no symbolic links, devices or
// FIFOs, checked on the open file itself), at most MAX_FILE_BYTES each, no hidden or node_modules
// folders, a bounded walk (MAX_ENTRIES directory entries, MAX_DEPTH levels). Nothing is executed.

import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { DETECTABLE_EXTENSIONS, hasReportTitle, REPORT_EXTENSION } from '../../core/src/reportFile';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 12;
/** Bytes read to find a title (the first TITLE_SCAN_LINES lines of any sensible draft). */
const HEAD_BYTES = 16 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface ScanOptions {
  /** Glob relative to the folder ("**\/*", "drafts/**\/*.md"); only report files among the matches count. */
  include: string;
  /** Whether .md / .txt files count when their title names a report. */
  detect: boolean;
}

export interface ReportFile {
  path: string;
  uri: string;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ReportFile[];
  /** Files that would be reports but were not taken, with the reason (too large, unreadable). */
  skipped: { path: string; reason: string }[];
  /** The walk stopped at MAX_ENTRIES or MAX_DEPTH. */
  truncated: boolean;
}

const tooLarge = (maxBytes: number) => `文件超过 ${+(maxBytes / 1024 / 1024).toFixed(1)} MB，未检查`;

type Read = { text: string } | { skipped: string };

/**
 * Reads a regular file without following a link: all of it (refused over `maxBytes`) or, with
 * `whole` false, its first `maxBytes` bytes. The checks are made on the opened file, so a file
 * swapped for a link or a FIFO after the walk is refused too.
 */
async function readRegular(path: string, maxBytes: number, whole: boolean): Promise<Read> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a link is refused.
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: '不是普通文件，未检查' };
    if (whole && stat.size > maxBytes) return { skipped: tooLarge(maxBytes) };
    const length = Math.min(stat.size, maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(0, read)).replace(/^\uFEFF/, '') };
  } catch (err) {
    return { skipped: `无法读取：${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The text of a report file (UTF-8, without a BOM), or why it was not read. */
export function readReportFile(file: ReportFile, maxBytes = MAX_FILE_BYTES): Promise<Read> {
  return readRegular(file.path, maxBytes, true);
}

/** The first bytes of a report file (its title is there), or why it was not read. */
export function readReportHead(path: string): Promise<Read> {
  return readRegular(path, HEAD_BYTES, false);
}

/**
 * Finds report files. Remembers, per file and modification, whether a .md / .txt has a report's
 * title, so a folder scanned again (workspace diagnostics are asked for every few seconds) reads
 * only files that changed.
 */
export class WorkspaceScanner {
  private titles = new Map<string, { key: string; report: boolean }>();

  /** The report files of the folders (file system paths), in a stable order. */
  async scan(folders: readonly string[], options: ScanOptions, cancelled: () => boolean = () => false): Promise<ScanResult> {
    const result: ScanResult = { files: [], skipped: [], truncated: false };
    const seen = new Map<string, { key: string; report: boolean }>();
    let entries = 0;
    const walk = async (folder: string, dir: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH) {
        result.truncated = true;
        return;
      }
      let list: Dirent[];
      try {
        list = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: nothing in it counts
      }
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of list) {
        if (cancelled()) return;
        if (++entries > MAX_ENTRIES) {
          result.truncated = true;
          return;
        }
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(folder, path, depth + 1);
          continue;
        }
        if (!entry.isFile()) continue; // links, devices, sockets, FIFOs
        const lower = entry.name.toLowerCase();
        const byName = lower.endsWith(REPORT_EXTENSION);
        if (!byName && !(options.detect && DETECTABLE_EXTENSIONS.some((e) => lower.endsWith(e)))) continue;
        const rel = relative(folder, path).split(sep).join('/');
        if (!minimatch(rel, options.include, { dot: false })) continue;
        const file = await this.reportFile(path, byName, seen, result);
        if (file) result.files.push(file);
      }
    };
    for (const folder of folders) await walk(folder, folder, 0);
    this.titles = seen; // what the folders no longer hold is forgotten
    return result;
  }

  private async reportFile(path: string, byName: boolean, seen: Map<string, { key: string; report: boolean }>, result: ScanResult): Promise<ReportFile | undefined> {
    let stat;
    try {
      stat = await lstat(path);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const file: ReportFile = { path, uri: pathToFileURL(path).href, size: stat.size, mtimeMs: stat.mtimeMs };
    if (stat.size > MAX_FILE_BYTES) {
      if (byName) result.skipped.push({ path, reason: tooLarge(MAX_FILE_BYTES) });
      return undefined;
    }
    if (byName) return file;
    const key = `${stat.mtimeMs}:${stat.size}`;
    let known = this.titles.get(path);
    if (known?.key !== key) {
      const head = await readRegular(path, HEAD_BYTES, false);
      known = { key, report: 'text' in head && hasReportTitle(head.text) };
    }
    seen.set(path, known);
    return known.report ? file : undefined;
  }
}
