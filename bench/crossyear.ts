// Cross-year checks at a province's scale: 4,000 synthetic reports, 1,000 agencies × four years
// (2021–2024, so 3,000 reports have a predecessor in the folder), checked by the CLI with the
// pairing (the default) and without it (--no-previous), the two interleaved in one run, whole
// process each time. The target: with pairing ≤ 2 × without. The synthetic years do not
// continue one another, so many cross-year findings are reported too (the worst case for output).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { typicalReport } from './generate';
import type { Row } from './report';
import { summarize, summarizeRuns } from './stats';

const DIGITS = '〇一二三四五六七八九';
/** An agency name of its own per series: 青禾市第一二三局 (no Arabic digits: they would read as years or figures). */
const agency = (n: number) => `青禾市第${String(n).split('').map((d) => DIGITS[Number(d)]).join('')}局`;

function writeSeries(dir: string, agencies: number, years: readonly number[]): number {
  let files = 0;
  for (let a = 0; a < agencies; a++) {
    const sub = join(dir, `unit-${String(Math.floor(a / 25)).padStart(3, '0')}`);
    if (a % 25 === 0) mkdirSync(sub, { recursive: true });
    for (const year of years) {
      const text = typicalReport({ seed: 50_000 + a * 10 + (year - years[0]), year }).replace(/^# .*$/m, `# ${agency(a)}${year}年政府信息公开工作年度报告`);
      writeFileSync(join(sub, `agency-${String(a).padStart(4, '0')}-${year}.md`), text);
      files++;
    }
  }
  return files;
}

function timedS(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr?.toString().slice(0, 400)}`);
  return (performance.now() - started) / 1000;
}

export function benchCrossYear(root: string, quick: boolean): { rows: Row[]; details: Record<string, unknown> } {
  const cli = join(root, 'dist', 'cli.js');
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-crossyear-'));
  try {
    const dir = join(work, 'province');
    const files = writeSeries(dir, 1000, [2021, 2022, 2023, 2024]);
    const runs = quick ? 2 : 5;
    const withPairing: number[] = [];
    const without: number[] = [];
    const ratio: number[] = [];
    for (let r = 0; r < runs; r++) {
      // Alternate which goes first, so a warming or loaded machine favours neither.
      const first = r % 2 === 0;
      const a = first ? timedS([cli, 'check', dir]) : NaN;
      const b = timedS([cli, 'check', dir, '--no-previous']);
      const c = first ? a : timedS([cli, 'check', dir]);
      withPairing.push(c);
      without.push(b);
      ratio.push(c / b);
    }
    const s = (xs: number[]) => summarizeRuns(xs.map((x) => [x]));
    const rows: Row[] = [
      { id: 'crossyear.with', label: `CLI: ${files.toLocaleString('en-US')} reports of 1,000 agencies × 4 years, with cross-year pairing`, unit: 's', value: summarize(withPairing).median, stats: s(withPairing) },
      { id: 'crossyear.without', label: 'the same folder with --no-previous', unit: 's', value: summarize(without).median, stats: s(without) },
      { id: 'ratio.crossyear', label: 'with pairing ÷ without (per interleaved run)', unit: '×', value: summarize(ratio).median, stats: s(ratio), target: { kind: 'max', value: 2 } },
    ];
    return { rows, details: { files, withPairing, without, ratio } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
