// Cross-year pairing for `nianbao check`: which file is which file's predecessor (the same agency's
// report for the year before, recognised from the titles), and the small summaries of those
// predecessors while their successors wait to be checked. Kept apart from check.ts so the order in
// which files are checked (one by one, or by a pool of workers) can change without touching it.
//
// Before any file is checked, every file's identity is read from the top of its text only (a text
// file's first lines; a .docx or .html is converted, its title is in the converted markup). Memory
// stays bounded: an identity per file, and a summary (a few dozen figures) only for a predecessor
// whose successor has not been checked yet.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { pathToFileURL } from 'node:url';
import { agencyAliases, check, HEAD_LINES, identityOfText, isPredecessor, pairByIdentity, summarise } from '../../core/src/index';
import type { AgencyAliases, CheckResult, PreviousReport, ReportIdentity, ResolvedConfig, SharedMemos } from '../../core/src/index';
import { decodeText } from './decode';
import { readReport } from './readers';

/** Bytes read from the top of a text file to find its title. */
const HEAD_BYTES = 16 * 1024;
const PLAIN = new Set(['.md', '.markdown', '.txt', '.text']);

/** The identity of a file from its top, or undefined (no title naming agency and year, unreadable). */
export function identityOfFile(file: string, aliases?: AgencyAliases): ReportIdentity | undefined {
  try {
    const plain = PLAIN.has(path.extname(file).toLowerCase());
    const head = plain ? readHead(file) : undefined;
    return identityOfText(head ?? readReport(file).text, aliases);
  } catch {
    return undefined; // the check of the file itself says why it cannot be read
  }
}

/** The first lines of a text file, decoded; undefined when they hold no line break (a flattened page: read it all). */
function readHead(file: string): string | undefined {
  // A FIFO or a device named like a draft must not be opened here (opening a FIFO waits for a
  // writer): the check of the file itself refuses it, with the reason.
  if (!fs.statSync(file).isFile()) throw new Error('not a regular file');
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error('not a regular file');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    let bytes = buf.subarray(0, n);
    if (n === HEAD_BYTES) {
      // Cut at the last line feed: never inside a character (UTF-8 and GB18030 never use 0x0A in one).
      const cut = bytes.lastIndexOf(0x0a);
      if (cut <= 0) return undefined;
      bytes = bytes.subarray(0, cut);
    }
    // identityOfText reads the first HEAD_LINES lines only: the bytes after them are not decoded
    // (most of a short report). Only for UTF-8, where a line feed byte is always a line feed and
    // the lines decode alike alone (in UTF-16 a character may hold a 0x0A byte).
    const lines = bytes.subarray(0, afterLineFeed(bytes, HEAD_LINES));
    if (lines.length < bytes.length && bytes.indexOf(0) < 0 && isUtf8(lines)) bytes = lines;
    const decoded = decodeText(bytes);
    return decoded.ok ? decoded.text : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** The offset right after the `count`-th line feed, or the length when there are fewer. */
function afterLineFeed(bytes: Uint8Array, count: number): number {
  let at = -1;
  for (let k = 0; k < count; k++) {
    at = bytes.indexOf(0x0a, at + 1);
    if (at < 0) return bytes.length;
  }
  return at + 1;
}

/** For each file of the list, its predecessor among them (see core pairByIdentity). */
export function pairFiles(files: readonly string[], aliases?: AgencyAliases): Map<string, string> {
  return pairByIdentity(files.map((f) => [f, identityOfFile(f, aliases)] as const));
}

/** Where a file is shown and opened from. */
function placeOf(file: string, cwd: string): { file: string; uri: string } {
  const absolute = path.resolve(cwd, file);
  return { file: path.relative(cwd, absolute) || file, uri: pathToFileURL(absolute).href };
}

/** How the run checks files, for the summaries too: its config, the profile forced, its shared memos. */
export interface RunSettings {
  config: ResolvedConfig;
  profile?: string;
  shared?: SharedMemos;
}

/** The summary of a file checked only for it (no rules run: the facts are all it needs). */
export function summariseFile(file: string, cwd: string, run: RunSettings): PreviousReport | undefined {
  try {
    const report = readReport(file);
    const result = check(report.text, { profile: run.profile, config: run.config, shared: run.shared, plainText: report.plainText, rules: [] });
    return summaryOfChecked(file, result, cwd, run);
  } catch {
    return undefined;
  }
}

/**
 * The summary of the file given with --previous, and a note for stderr when the two reports do not
 * look like one agency's consecutive years (the check then compares nothing if the years differ).
 */
export function explicitPrevious(
  previousFile: string,
  target: string,
  cwd: string,
  run: RunSettings,
): { previous?: PreviousReport; note?: string } {
  const previous = summariseFile(previousFile, cwd, run);
  const shown = placeOf(previousFile, cwd).file;
  if (!previous) return { note: `--previous ${shown}：无法读取，未作跨年度检查` };
  const aliases = agencyAliases(run.config.agencies);
  const here = identityOfFile(target, aliases);
  const there = previous.identity;
  if (here && there && !isPredecessor(here, there)) {
    if (there.year !== here.year - 1) return { previous, note: `--previous ${shown} 是 ${there.year} 年的报告，不是 ${here.year} 年的上一年度，未作跨年度检查` };
    return { previous, note: `--previous ${shown} 标题中的机关（${there.agency}）与本报告（${here.agency}）不同，仍按指定作跨年度检查` };
  }
  return { previous };
}

/**
 * What a file's check needs for the cross-year rules: the predecessor's summary when it is at hand,
 * else the predecessor's path, to be summarised where the file is checked; and whether the file's
 * own summary is wanted (a successor comes later).
 */
export interface CrossYearPlan {
  previous?: PreviousReport;
  previousFile?: string;
  wantSummary: boolean;
}

/** What the check loop asks before each file, and tells after it (in the order the files are listed). */
export interface CrossYear {
  plan(file: string): CrossYearPlan;
  /** After a file's check: its own summary (if wanted) and its predecessor's (if summarised for it). */
  done(file: string, own?: PreviousReport, predecessor?: PreviousReport): void;
}

const NO_CROSS_YEAR: CrossYear = { plan: () => ({ wantSummary: false }), done: () => {} };

/**
 * The cross-year pairing of a `check` run: with --previous, that file for the one target; else the
 * predecessors found among the target files. `files` lists them (walked once more by the caller).
 */
export function prepareCrossYear(
  options: { previous?: string; enabled: boolean; cwd: string; run: RunSettings },
  files: () => Iterable<string>,
  warn: (message: string) => void,
): CrossYear {
  if (!options.enabled) return NO_CROSS_YEAR;
  if (options.previous !== undefined) {
    const [target] = files();
    if (target === undefined) return NO_CROSS_YEAR;
    const { previous, note } = explicitPrevious(options.previous, target, options.cwd, options.run);
    if (note) warn(note);
    return { plan: (file) => ({ previous: file === target ? previous : undefined, wantSummary: false }), done: () => {} };
  }
  const list = [...files()];
  if (list.length < 2) return NO_CROSS_YEAR;
  const pairs = pairFiles(list, agencyAliases(options.run.config.agencies));
  if (pairs.size === 0) return NO_CROSS_YEAR;
  return new PreviousReports(pairs);
}

/** The summary of a file from its own full check, for its successors. */
export function summaryOfChecked(file: string, result: CheckResult, cwd: string, run: RunSettings): PreviousReport {
  return summarise(result, placeOf(file, cwd), agencyAliases(run.config.agencies));
}

/**
 * The predecessors' summaries during a folder check: `plan` before a file is checked, `done` after.
 * A predecessor checked earlier leaves its summary from that check; one that comes later (or is
 * still being checked by another thread) is summarised for its successor (its facts only) and
 * checked fully in its turn. Either way the summary is the same: a function of the file alone.
 */
export class PreviousReports implements CrossYear {
  private readonly successors = new Map<string, number>();
  private readonly kept = new Map<string, PreviousReport>();

  constructor(private readonly pairs: ReadonlyMap<string, string>) {
    for (const before of pairs.values()) this.successors.set(before, (this.successors.get(before) ?? 0) + 1);
  }

  plan(file: string): CrossYearPlan {
    const wantSummary = this.successors.has(file) && !this.kept.has(file);
    const before = this.pairs.get(file);
    if (!before) return { wantSummary };
    const previous = this.kept.get(before);
    return previous ? { previous, wantSummary } : { previousFile: before, wantSummary };
  }

  done(file: string, own?: PreviousReport, predecessor?: PreviousReport): void {
    if (own && this.successors.has(file) && !this.kept.has(file)) this.kept.set(file, own);
    const before = this.pairs.get(file);
    if (!before) return;
    if (predecessor && !this.kept.has(before)) this.kept.set(before, predecessor);
    this.release(before);
  }

  /** One successor served: the summary is dropped after the last. */
  private release(before: string): void {
    const left = (this.successors.get(before) ?? 1) - 1;
    if (left > 0) this.successors.set(before, left);
    else {
      this.successors.delete(before);
      this.kept.delete(before);
    }
  }
}

