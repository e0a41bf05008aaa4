// The previous year's report of an open document, among the workspace's report files: the same
// agency (from the titles, with the config's aliases for renamed agencies), the year before, one
// file only (two candidates: nothing is guessed). The index of identities is rebuilt by an
// asynchronous scan (./workspaceScan.ts) and reads a file's top again only when its modification
// time or size changed; a predecessor's summary is kept per file, by modification time and size,
// or taken from the editor when that file is open. All of it is this object's state, one per
// server session.

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from '../../core/src/engine';
import type { ResolvedConfig } from '../../core/src/config/types';
import { agencyAliases, identityOfText, isPredecessor, summarise, type PreviousReport, type ReportIdentity } from '../../core/src/crossyear/index';
import { MAX_FILE_BYTES, readReportHead, WorkspaceScanner, type ScanOptions } from './workspaceScan';

interface Known {
  uri: string;
  /** mtime:size when the top was read. */
  key: string;
  /** The title's words, read raw: identities are built per request with the config's aliases. */
  head: string;
}

export interface PreviousContext {
  /** A document open in the editor, by URI (its current version beats the file). */
  openDocument(uri: string): { text: string; version: number } | undefined;
  /** A name for messages: the path relative to its workspace folder. */
  shownName(uri: string): string;
}

export class PreviousReports {
  private readonly scanner = new WorkspaceScanner();
  private known = new Map<string, Known>();
  private readonly summaries = new Map<string, { key: string; summary: PreviousReport }>();
  private scanning: Promise<boolean> | undefined;

  constructor(private readonly context: PreviousContext) {}

  /**
   * Scans the folders again; true when the set of report files (or one of their tops) changed, so
   * the open documents should be checked again.
   */
  refresh(folders: readonly string[], options: ScanOptions): Promise<boolean> {
    this.scanning ??= this.scan(folders, options).finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async scan(folders: readonly string[], options: ScanOptions): Promise<boolean> {
    const result = await this.scanner.scan(folders, options);
    const next = new Map<string, Known>();
    let changed = result.files.length !== this.known.size;
    for (const f of result.files) {
      const key = `${f.mtimeMs}:${f.size}`;
      const old = this.known.get(f.path);
      if (old?.key === key) {
        next.set(f.path, old);
        continue;
      }
      const head = await readReportHead(f.path);
      if ('text' in head) next.set(f.path, { uri: f.uri, key, head: head.text });
      changed = true;
    }
    this.known = next;
    for (const path of this.summaries.keys()) if (!next.has(path)) this.summaries.delete(path);
    return changed;
  }

  /** The summary of the previous year's report of a document, or undefined when none is known. */
  previousFor(uri: string, text: string, config: ResolvedConfig): PreviousReport | undefined {
    const found = this.predecessor(uri, text, config);
    return found && this.summaryOf(found[0], found[1], config);
  }

  /**
   * Which file (and which version of it) a document's previous report is: compared before and after
   * a scan, so that only a change that matters to an open document makes the server check again.
   */
  predecessorKey(uri: string, text: string, config: ResolvedConfig): string {
    const found = this.predecessor(uri, text, config);
    return found ? `${found[0]}@${found[1].key}` : '';
  }

  /** The same for a report file of the workspace that is not open, from the top of it read by the last scan. */
  predecessorKeyOfFile(path: string, config: ResolvedConfig): string {
    const k = this.known.get(path);
    return k ? this.predecessorKey(k.uri, k.head, config) : '';
  }

  private predecessor(uri: string, text: string, config: ResolvedConfig): [string, Known] | undefined {
    const aliases = agencyAliases(config.agencies);
    const id = identityOfText(text, aliases);
    if (!id || this.known.size === 0) return undefined;
    const self = pathOf(uri);
    let found: [string, Known] | undefined;
    for (const entry of this.known) {
      if (entry[0] === self || !isPredecessor(id, this.identityOf(entry[1], aliases))) continue;
      if (found) return undefined; // two candidates for the year before: nothing is guessed
      found = entry;
    }
    return found;
  }

  private identityOf(k: Known, aliases: ReturnType<typeof agencyAliases>): ReportIdentity | undefined {
    return identityOfText(this.context.openDocument(k.uri)?.text ?? k.head, aliases);
  }

  private summaryOf(path: string, k: Known, config: ResolvedConfig): PreviousReport | undefined {
    const where = { file: this.context.shownName(k.uri), uri: k.uri };
    const aliases = agencyAliases(config.agencies);
    const plainText = /\.txt$/i.test(path);
    const open = this.context.openDocument(k.uri);
    const cached = this.summaries.get(path);
    let key: string;
    let text: string;
    if (open) {
      // Open in the editor: its current version (each keystroke of the successor asks again).
      key = `open:${open.version}`;
      if (cached?.key === key) return cached.summary;
      text = open.text;
    } else {
      const read = readSmallFile(path);
      if (!read) return undefined;
      key = read.key;
      if (cached?.key === key) return cached.summary;
      text = read.text();
    }
    const summary = summarise(check(text, { config, plainText, rules: [] }), where, aliases);
    this.summaries.set(path, { key, summary });
    return summary;
  }
}

/** A regular file (no link), at most MAX_FILE_BYTES: its mtime:size, and its text when asked. */
function readSmallFile(path: string): { key: string; text: () => string } | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    const bytes = readFileSync(fd);
    return { key: `${st.mtimeMs}:${st.size}`, text: () => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
