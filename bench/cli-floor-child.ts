// The floor the CLI is measured against: a fresh Node process that reads every file named (or
// under the folders named), decodes it as UTF-8 and splits it into lines — what any checker must
// do before it checks anything. Prints the number of lines, so the work is not optimised away, and
// the milliseconds that work took (start-up excluded: bench/cli.ts explains why).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// The checker's own UTF-8 decoding, its fastest: the floor is what no checker can do without.
import { strictUtf8 } from '../cli/src/utf8';

let lines = 0;

function visit(p: string): void {
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) visit(join(p, name));
    return;
  }
  const text = strictUtf8(readFileSync(p));
  if (text === undefined) throw new Error(`${p}: not UTF-8`);
  lines += text.split(/\r\n|\r|\n/).length;
}

const started = performance.now();
for (const arg of process.argv.slice(2)) visit(arg);
process.stdout.write(`${lines} ${(performance.now() - started).toFixed(3)}\n`);
