// `npm run bench`: speed and size of Nianbao, printed as a table and written to
// bench/results/latest.json. Figures are reported, never asserted: nothing here fails a build.
// Options: --quick (fewer runs), --only=core,server,activation,convert,cli,crossyear,size, --markdown (also print the table as Markdown)

import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchCore } from './core';
import { benchServer } from './server';
import { benchActivation } from './activation';
import { benchSize } from './size';
import { benchConvert } from './convert';
import { benchCli } from './cli';
import { benchCrossYear } from './crossyear';
import { markdownTable, printTable, writeJson, passes, type Row } from './report';

const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : undefined;
  const want = (part: string) => !only || only.has(part);

  const cpu = cpus();
  const machine = {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: +(totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    /** 1-minute load average before and after: other work on the machine shows up as noise. */
    loadBefore: +loadavg()[0].toFixed(2),
    loadAfter: NaN,
  };
  console.log(
    `machine: ${machine.cpus} CPU(s), ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadBefore}${quick ? ', quick mode' : ''}`,
  );

  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  if (want('core')) {
    const core = await benchCore(quick);
    rows.push(...core.rows);
    details.core = core.details;
  }
  if (want('activation')) {
    const act = benchActivation(root, quick);
    rows.push(...act.rows);
    details.activation = act.details;
  }
  if (want('server')) {
    const server = await benchServer(join(root, 'dist', 'server.js'), quick);
    rows.push(...server.rows);
    details.server = server.details;
  }

  if (want('convert')) {
    const convert = await benchConvert(quick);
    rows.push(...convert.rows);
    details.convert = convert.details;
  }

  if (want('cli')) {
    const cli = benchCli(root, quick);
    rows.push(...cli.rows);
    details.cli = cli.details;
  }

  if (want('crossyear')) {
    const crossYear = benchCrossYear(root, quick);
    rows.push(...crossYear.rows);
    details.crossYear = crossYear.details;
  }

  if (want('size')) {
    const size = await benchSize(root);
    rows.push(...size.rows);
    details.size = size.details;
  }

  machine.loadAfter = +loadavg()[0].toFixed(2);
  console.log('');
  printTable(rows);
  console.log(`\nload average before/after: ${machine.loadBefore} / ${machine.loadAfter} on ${machine.cpus} CPU(s)`);
  const file = join(root, 'bench', 'results', 'latest.json');
  writeJson(file, {
    date: new Date().toISOString(),
    machine,
    quick,
    rows: rows.map((r) => ({ ...r, pass: passes(r) })),
    details,
  });
  console.log(`\nwritten: ${file}`);
  if (process.argv.includes('--markdown')) console.log('\n' + markdownTable(rows));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
