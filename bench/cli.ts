// The command-line checker as a reviewer runs it, whole process (start-up, walking, reading,
// decoding, checking, printing): the cost of one more MB of draft beside the floor (read + decode
// + split into lines, bench/cli-floor-child.ts), the two measured interleaved in one run; a
// province's folder of 4,000 synthetic reports; and peak RSS for 4,000 and 10,000 reports, which
// must not grow with the number of files (text, JSON, SARIF and the HTML review page). All drafts are generated (bench/generate.ts).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bigDraft, typicalReport } from './generate';
import type { Row } from './report';
import { summarize, summarizeRuns } from './stats';

const MB = 1024 * 1024;

interface Run {
  ms: number;
  rssMb?: number;
}

function timed(args: string[], rssFile?: string): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: rssFile ? { ...process.env, NIANBAO_RSS_OUT: rssFile } : process.env,
    maxBuffer: 64 * MB,
  });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status ?? `on ${r.signal ?? 'an error'}`}: ${r.stderr?.toString().slice(0, 400)}`);
  return { ms, rssMb: rssFile ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined };
}

function writeReports(dir: string, from: number, count: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = from; i < from + count; i++) {
    const text = typicalReport({ seed: 10_000 + i, year: 2021 + (i % 3) });
    bytes += Buffer.byteLength(text);
    // Nested by hundreds, as a province's folder is by county.
    const sub = join(dir, `unit-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0 || i === from) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `report-${String(i).padStart(5, '0')}.md`), text);
  }
  return bytes;
}

const median = (xs: number[]) => summarize(xs).median;

/**
 * The floor of one MB is a difference of about 15 ms between two processes that each take about
 * 100 ms to start, and start-up (the same for both sizes) varied more than that: whole-process
 * floors gave −0.7 to 4.2 ms/MB in one bench run, 1.4 to 8.0 with medians of five. So the floor's
 * per-MB figure is the child's own time for reading, decoding and splitting (what the difference
 * keeps of a whole-process time anyway), the median of FLOOR_REPEATS runs in each round.
 */
const FLOOR_REPEATS = 5;

function floorWorkMs(floor: string, file: string): number {
  const ms: number[] = [];
  for (let i = 0; i < FLOOR_REPEATS; i++) {
    const r = spawnSync(process.execPath, [floor, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${floor} ${file} exited ${String(r.status ?? r.signal)}: ${r.stderr.slice(0, 400)}`);
    ms.push(Number(r.stdout.trim().split(' ')[1]));
  }
  return median(ms);
}

export function benchCli(root: string, quick: boolean): { rows: Row[]; details: Record<string, unknown> } {
  const cli = join(root, 'dist', 'cli.js');
  const floor = join(__dirname, 'cli-floor-child.js');
  const probe = join(__dirname, 'rss-probe.js');
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-cli-'));
  const rssFile = join(work, 'rss');
  try {
    const small = join(work, 'draft-1mb.md');
    const large = join(work, 'draft-8mb.md');
    writeFileSync(small, bigDraft({ seed: 7, bytes: MB }));
    writeFileSync(large, bigDraft({ seed: 7, bytes: 8 * MB }));
    const mbSmall = statSync(small).size / MB;
    const mbLarge = statSync(large).size / MB;
    const d4000 = join(work, 'province', 'a');
    const d6000 = join(work, 'province', 'b');
    const bytes4000 = writeReports(d4000, 0, 4000);
    writeReports(d6000, 4000, quick ? 1000 : 6000);

    // 1. Per-MB cost, CLI and floor interleaved: each run times all four, in an order that rotates.
    const perMb = { cli: [] as number[], floor: [] as number[], ratio: [] as number[] };
    const runs = quick ? 3 : 7;
    for (let r = 0; r < runs; r++) {
      const jobs: Array<[string, () => number]> = [
        ['floor-small', () => floorWorkMs(floor, small)],
        ['cli-small', () => timed([cli, 'check', small]).ms],
        ['floor-large', () => floorWorkMs(floor, large)],
        ['cli-large', () => timed([cli, 'check', large]).ms],
      ];
      const t: Record<string, number> = {};
      for (let k = 0; k < jobs.length; k++) {
        const [name, run] = jobs[(k + r) % jobs.length];
        t[name] = run();
      }
      const cliPerMb = (t['cli-large'] - t['cli-small']) / (mbLarge - mbSmall);
      const floorPerMb = (t['floor-large'] - t['floor-small']) / (mbLarge - mbSmall);
      perMb.cli.push(cliPerMb);
      perMb.floor.push(floorPerMb);
      perMb.ratio.push(cliPerMb / floorPerMb);
    }

    // 2. 4,000 reports, and the floor on the same folder, interleaved.
    const province = { cli: [] as number[], floor: [] as number[], ratio: [] as number[] };
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      const floorS = timed([floor, d4000]).ms / 1000;
      const cliS = timed([cli, 'check', d4000]).ms / 1000;
      province.floor.push(floorS);
      province.cli.push(cliS);
      province.ratio.push(cliS / floorS);
    }

    // 3. Peak RSS: 4,000 and 10,000 reports, text and JSON (the formats that used to keep everything).
    const rss = (args: string[]) => timed(['--require', probe, cli, 'check', ...args], rssFile);
    const rss4000 = rss([d4000]);
    const rss10000 = rss([d4000, d6000]);
    const rss10000Json = rss([d4000, d6000, '--format', 'json']);
    const rss10000Sarif = rss([d4000, d6000, '--format', 'sarif']);
    const rss10000Html = rss([d4000, d6000, '--format', 'html']);
    const reports = 4000 + (quick ? 1000 : 6000);

    const s = (xs: number[]) => summarizeRuns(xs.map((x) => [x]));
    const rows: Row[] = [
      {
        id: 'cli.perMb',
        label: 'CLI: one more MB of draft (whole process, (8 MB − 1 MB) ÷ 7)',
        unit: 'ms/MB',
        value: median(perMb.cli),
        stats: s(perMb.cli),
      },
      {
        id: 'cli.floorPerMb',
        label: 'floor: read + decode + split the same MB (in the child, median of 5)',
        unit: 'ms/MB',
        value: median(perMb.floor),
        stats: s(perMb.floor),
      },
      {
        id: 'ratio.cliFloor',
        label: 'CLI per MB ÷ floor per MB (per interleaved run)',
        unit: '×',
        value: median(perMb.ratio),
        stats: s(perMb.ratio),
        target: { kind: 'max', value: 10 },
      },
      {
        id: 'cli.reports4000',
        label: `CLI: 4,000 synthetic reports (${(bytes4000 / MB).toFixed(0)} MB, whole process)`,
        unit: 's',
        value: median(province.cli),
        stats: s(province.cli),
        target: { kind: 'max', value: 4 },
        note: `floor on the same folder ${median(province.floor).toFixed(2)} s`,
      },
      {
        id: 'ratio.reports4000Floor',
        label: '4,000 reports ÷ floor on the same folder (per interleaved run)',
        unit: '×',
        value: median(province.ratio),
        stats: s(province.ratio),
      },
      { id: 'cli.rss4000', label: 'CLI peak RSS, 4,000 reports (text)', unit: 'MB', value: rss4000.rssMb! },
      {
        id: 'cli.rss10000',
        label: `CLI peak RSS, ${reports.toLocaleString('en-US')} reports (text)`,
        unit: 'MB',
        value: rss10000.rssMb!,
        target: { kind: 'max', value: 300 },
        note: `JSON ${rss10000Json.rssMb!.toFixed(0)} MB, SARIF ${rss10000Sarif.rssMb!.toFixed(0)} MB, HTML page ${rss10000Html.rssMb!.toFixed(0)} MB; ${(rss10000.ms / 1000).toFixed(1)} s`,
      },
    ];
    return {
      rows,
      details: {
        draftsMb: { small: mbSmall, large: mbLarge },
        perMb,
        province,
        rssMb: { reports4000: rss4000.rssMb, [`reports${reports}`]: rss10000.rssMb, json: rss10000Json.rssMb, sarif: rss10000Sarif.rssMb, html: rss10000Html.rssMb },
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
