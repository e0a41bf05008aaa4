// Extension activation cost: dist/client.js loaded against a `vscode` stub in a fresh process
// per run (cold module cache), require + activate() timed there (see activation-child.ts).

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Row } from './report';
import { summarizeRuns } from './stats';

interface ChildResult {
  requireMs: number;
  activateMs: number;
  commands: string[];
  subscriptions: number;
  lspRequireMs: number | null;
  lspError?: string;
}

export function benchActivation(root: string, quick: boolean): { rows: Row[]; details: Record<string, unknown> } {
  const runs: ChildResult[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const out = execFileSync(process.execPath, [join(__dirname, 'activation-child.js'), join(root, 'dist', 'client.js'), join(root, 'dist', 'lsp.js')], {
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
  }
  const total = summarizeRuns(runs.map((r) => [r.requireMs + r.activateMs]));
  const rows: Row[] = [
    {
      id: 'client.activation',
      label: 'extension activation: require(dist/client.js) + activate()',
      unit: 'ms',
      value: total.median,
      stats: total,
      target: { kind: 'max', value: 20 },
      note:
        `require ${summarizeRuns(runs.map((r) => [r.requireMs])).median.toFixed(2)} ms + activate ${summarizeRuns(runs.map((r) => [r.activateMs])).median.toFixed(2)} ms; ` +
        `vscode stubbed, no report open so the language client and server are not started`,
    },
  ];
  const lsp = runs.filter((r) => r.lspRequireMs !== null).map((r) => [r.lspRequireMs!]);
  if (lsp.length) {
    const s = summarizeRuns(lsp);
    rows.push({
      id: 'client.lspRequire',
      label: 'require(dist/lsp.js), paid when the first report opens',
      unit: 'ms',
      value: s.median,
      stats: s,
      note: 'the language client bundle; not part of activation, excludes the server process start',
    });
  }
  return { rows, details: { runs } };
}
