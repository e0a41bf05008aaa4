// `nianbao check`: walks the targets, and for each file reads it (regular files only, capped),
// decodes it, checks it, prints its findings and lets the result go. Nothing of a file outlives
// its turn but the counts, so a province's folder is checked in the memory of one report.

import * as path from 'node:path';
import { check, createSharedMemos, type ResolvedConfig, type Rule } from '../../core/src/index';
import { readReport } from './readers';
import { walkTargets, type Target } from './files';
import { addToTotals, createReporter, emptyTotals, type FileOutcome, type Format } from './format';
import type { Lang } from './locale';
import { openDestination, yieldToEventLoop } from './output';
import { prepareCrossYear, type CrossYear, type RunSettings } from './pairing';

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
}

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
  for (const target of walkTargets(cmd.targets)) {
    if (target.kind === 'skipped') {
      process.stderr.write(`${shown(target.file, cmd.cwd)}: ${target.message}\n`);
      continue;
    }
    const outcome = checkTarget(target, cmd.cwd, run, totals, crossYear);
    addToTotals(totals, outcome);
    if (!failed && (outcome.error || outcome.result!.findings.some((f) => f.severity === 'error'))) {
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

function checkTarget(target: Exclude<Target, { kind: 'skipped' }>, cwd: string, run: RunSettings, totals: { decodeNotes: number }, crossYear: CrossYear): FileOutcome {
  const absolute = path.resolve(cwd, target.file);
  const file = shown(target.file, cwd);
  if (target.kind === 'missing') return { file, absolute, error: target.message };
  let report;
  try {
    // Regular files only, capped, decoded or converted (.docx/.html); throws a Chinese reason.
    report = readReport(target.file);
  } catch (e) {
    return { file, absolute, error: (e as Error).message };
  }
  if (report.notes.length) totals.decodeNotes++;
  for (const note of report.notes) process.stderr.write(`${file}: ${note}\n`);
  // Flattened text is read as such; a converted .docx/.html is markup, whatever it was named.
  const plainText = !report.source && path.extname(target.file).toLowerCase() === '.txt';
  try {
    const previous = crossYear.previousFor(target.file);
    const result = check(report.text, { profile: run.profile, config: run.config, shared: run.shared, plainText, previous });
    crossYear.checked(target.file, result);
    return { file, absolute, source: report.source, result };
  } catch (e) {
    // One pathological file never stops the others.
    return { file, absolute, error: `检查时出错：${(e as Error)?.message ?? String(e)}` };
  }
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
