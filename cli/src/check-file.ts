// The check of one file, as `nianbao check` does it for each target: read (regular files only,
// capped), decode or convert, check, and reduce the result to what the output formats print. The
// same function runs on the main thread (one file at a time) and in the checking threads
// (check-threads.ts), so a file's output is the same whichever did it.

import * as path from 'node:path';
import { check, type PreviousReport } from '../../core/src/index';
import { readReport } from './readers';
import { digest, type FileOutcome } from './outcome';
import { summariseFile, summaryOfChecked, type CrossYearPlan, type RunSettings } from './pairing';

/** One file to check, with what the cross-year pairing planned for it. Plain data. */
export interface FileJob extends CrossYearPlan {
  /** The path as found (relative to the working folder, or absolute). */
  file: string;
  /** Set when the target does not exist: nothing is read. */
  missing?: string;
}

/** A file's check, ready to print. Plain data. */
export interface FileDone {
  /** The job's file, as the pairing knows it. */
  file: string;
  outcome: FileOutcome;
  /** What decoding noticed (GB18030, UTF-16, replacement characters), for stderr. */
  notes: string[];
  /** The file's own summary, when the plan asked for it. */
  own?: PreviousReport;
  /** The predecessor's summary, when it had to be made for this check. */
  predecessor?: PreviousReport;
}

/** Where and how files are checked in a run (the same in every thread). */
export interface CheckEnv {
  cwd: string;
  run: RunSettings;
  /** The review page is written: each report's row and quoted lines are worked out with it. */
  forPage: boolean;
}

export function checkFile(job: FileJob, env: CheckEnv): FileDone {
  const { cwd, run } = env;
  if (job.missing !== undefined) return unchecked(job, cwd, job.missing);
  let report;
  try {
    // Regular files only, capped, decoded or converted (.docx/.html); throws a Chinese reason.
    report = readReport(job.file);
  } catch (e) {
    return unchecked(job, cwd, (e as Error).message);
  }
  try {
    const predecessor = !job.previous && job.previousFile !== undefined ? summariseFile(job.previousFile, cwd, run) : undefined;
    const previous = job.previous ?? predecessor;
    const result = check(report.text, { profile: run.profile, config: run.config, shared: run.shared, plainText: report.plainText, previous });
    return {
      file: job.file,
      outcome: { file: shown(job.file, cwd), absolute: path.resolve(cwd, job.file), source: report.source, report: digest(result, env.forPage) },
      notes: report.notes,
      own: job.wantSummary ? summaryOfChecked(job.file, result, cwd, run) : undefined,
      predecessor,
    };
  } catch (e) {
    // One pathological file never stops the others.
    return unchecked(job, cwd, `检查时出错：${(e as Error)?.message ?? String(e)}`, report.notes);
  }
}

/** A file that could not be checked, and why (also for a checking thread that died on it). */
export function unchecked(job: FileJob, cwd: string, error: string, notes: string[] = []): FileDone {
  return { file: job.file, outcome: { file: shown(job.file, cwd), absolute: path.resolve(cwd, job.file), error }, notes };
}

/**
 * A path as the user gave it: relative stays relative, absolute stays absolute (a file found in a
 * folder is the folder as given joined with its name). Only a path the checker found itself (the
 * config file, looked for upwards) is shown relative to the working folder.
 */
export function shown(file: string, cwd: string, found = false): string {
  if (found) return path.relative(cwd, path.resolve(cwd, file)) || file;
  return file;
}
