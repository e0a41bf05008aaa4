// `nianbao check`: walks the targets, and for each file reads it (regular files only, capped),
// decodes it, checks it, prints its findings and lets the result go. Nothing of a file outlives
// its turn but the counts, so a province's folder is checked in the memory of one report. A big
// folder is checked on several threads (check-threads.ts), printed in the same order.

import { createSharedMemos, type ResolvedConfig, type Rule } from '../../core/src/index';
import { walkTargets, type Target } from './files';
import { addToTotals, createReporter, emptyTotals, type Format } from './format';
import type { Lang } from './locale';
import { openDestination, yieldToEventLoop } from './output';
import { prepareCrossYear, type CrossYear, type RunSettings } from './pairing';
import { checkFile, shown, type CheckEnv, type FileDone, type FileJob } from './check-file';
import { autoJobs, checkOnThreads, MIN_FILES_FOR_THREADS } from './check-threads';

export { shown };

export interface CheckCommand {
  targets: readonly string[];
  format: Format;
  profile?: string;
  config: ResolvedConfig;
  configFile?: string;
  rules: readonly Rule[];
  version: string;
  cwd: string;
  /** `-o FILE`: write there instead of standard output ('-' or undefined: standard output). */
  output?: string;
  /** `--quiet`: error findings only. */
  quiet?: boolean;
  lang?: Lang;
  /** The config file was named with --config (shown as given), not found upwards (shown relative). */
  configExplicit?: boolean;
  /** --previous: the previous year's report of the one target. */
  previous?: string;
  /** False with --no-previous: no cross-year pairing. */
  crossYear?: boolean;
  /** `--jobs`: threads that check files (undefined: one per core for a big folder, see jobsFor). */
  jobs?: number;
  /** The module a checking thread runs (the CLI's entry); without it every file is checked on this thread. */
  threadEntry?: string;
}

type Skipped = Extract<Target, { kind: 'skipped' }>;

/** How often the loop lets the event loop run (a closed pipe is only noticed there). */
const YIELD_EVERY_MS = 25;

/** Checks every target and writes the report; returns the exit code (0 clean, 1 errors or unreadable files). */
export async function runCheck(cmd: CheckCommand): Promise<number> {
  const destination = openDestination(cmd.output, cmd.cwd);
  if (!destination) return 2;
  const out = destination.output;
  const reporter = createReporter(cmd.format, {
    version: cmd.version,
    rules: cmd.rules,
    cwd: cmd.cwd,
    configFile: cmd.configFile && shown(cmd.configFile, cmd.cwd, !cmd.configExplicit),
    configProblems: cmd.config.problems,
    targets: cmd.targets,
    lang: cmd.lang,
    quiet: cmd.quiet,
  });
  const totals = emptyTotals();
  let failed = false;
  let yielded = Date.now();
  await out.write(reporter.begin());
  // One store of profile indexes and label keys for the whole run: every report of a folder needs the same.
  const run: RunSettings = { config: cmd.config, profile: cmd.profile, shared: createSharedMemos() };
  const crossYear = prepareCrossYear(
    { previous: cmd.previous, enabled: cmd.crossYear !== false, cwd: cmd.cwd, run },
    () => targetFiles(cmd.targets),
    (message) => process.stderr.write(`nianbao: ${message}\n`),
  );
  const env: CheckEnv = { cwd: cmd.cwd, run, forPage: cmd.format === 'html' };
  const items = jobsOf(cmd.targets, crossYear);
  const threads = jobsFor(cmd);
  const checked =
    threads > 1
      ? checkOnThreads(items, isJob, { entry: cmd.threadEntry!, threads, env: { cwd: env.cwd, forPage: env.forPage, config: cmd.config, profile: cmd.profile } })
      : inTurn(items, env);
  for await (const item of checked) {
    if ('kind' in item) {
      process.stderr.write(`${shown(item.file, cmd.cwd)}: ${item.message}\n`);
      continue;
    }
    const { outcome, notes } = item;
    if (notes.length) totals.decodeNotes++;
    for (const note of notes) process.stderr.write(`${outcome.file}: ${note}\n`);
    crossYear.done(item.file, item.own, item.predecessor);
    addToTotals(totals, outcome);
    if (!failed && (outcome.error || outcome.report!.findings.some((f) => f.severity === 'error'))) {
      failed = true;
      process.exitCode = 1; // what a closed pipe exits with from here on (output.ts)
    }
    await out.write(reporter.file(outcome));
    if (Date.now() - yielded >= YIELD_EVERY_MS) {
      await out.flush();
      await yieldToEventLoop();
      yielded = Date.now();
    }
  }
  const code = failed ? 1 : 0;
  await out.writeAll(reporter.end(totals, code));
  await destination.close();
  return code;
}

/** The readable files among the targets, in the order they are checked. */
function* targetFiles(targets: readonly string[]): Generator<string> {
  for (const t of walkTargets(targets)) if (t.kind === 'file') yield t.file;
}

/** Each target in turn: a file to check with its cross-year plan, or a link loop that was skipped. */
function* jobsOf(targets: readonly string[], crossYear: CrossYear): Generator<(FileJob & { kind?: undefined }) | Skipped> {
  for (const target of walkTargets(targets)) {
    if (target.kind === 'skipped') yield target;
    else if (target.kind === 'missing') yield { file: target.file, missing: target.message, wantSummary: false };
    else yield { file: target.file, ...crossYear.plan(target.file) };
  }
}

function isJob(item: FileJob | Skipped): item is FileJob {
  return !('kind' in item && item.kind === 'skipped');
}

/** The checks on this thread, one file after the other. */
function* inTurn(items: Iterable<FileJob | Skipped>, env: CheckEnv): Generator<FileDone | Skipped> {
  for (const item of items) yield isJob(item) ? checkFile(item, env) : item;
}

/**
 * How many threads check the files: --jobs if given, else one per core (up to four) when the
 * targets hold at least MIN_FILES_FOR_THREADS files, else one. A single file, or --previous, is
 * always checked here.
 */
function jobsFor(cmd: CheckCommand): number {
  if (!cmd.threadEntry || cmd.previous !== undefined) return 1;
  if (cmd.jobs !== undefined) return cmd.jobs;
  const wanted = autoJobs();
  if (wanted < 2) return 1;
  let count = 0;
  for (const t of walkTargets(cmd.targets)) if (t.kind === 'file' && ++count >= MIN_FILES_FOR_THREADS) return wanted;
  return 1;
}
