// The result rows, the stdout table and bench/results/latest.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Repeated } from './stats';

export interface Target {
  /** "max": the figure must be at most `value`; "min": at least. */
  kind: 'max' | 'min';
  value: number;
}

export interface Row {
  id: string;
  label: string;
  unit: string;
  /** The figure compared with the target (usually the median, p95 for latency targets). */
  value: number;
  stats?: Repeated;
  target?: Target;
  note?: string;
}

export const passes = (row: Row): boolean | undefined =>
  row.target === undefined ? undefined : row.target.kind === 'max' ? row.value <= row.target.value : row.value >= row.target.value;

const fmt = (x: number | undefined): string => {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(3);
};

/** Fixed-width table: figure, median/p95 when sampled, run-to-run spread, target, verdict. */
export function printTable(rows: readonly Row[]): void {
  const head = ['measurement', 'value', 'median', 'p95', 'runs: median min–max', 'target', 'ok'];
  const body = rows.map((r) => {
    const ok = passes(r);
    return [
      r.label,
      `${fmt(r.value)} ${r.unit}`,
      r.stats ? fmt(r.stats.median) : '',
      r.stats ? fmt(r.stats.p95) : '',
      r.stats ? `${fmt(r.stats.runMedianMin)}–${fmt(r.stats.runMedianMax)} (${r.stats.runs}×${Math.round(r.stats.n / r.stats.runs)})` : '',
      r.target ? `${r.target.kind === 'max' ? '≤' : '≥'} ${r.target.value} ${r.unit}` : '',
      ok === undefined ? '' : ok ? 'yes' : 'NO',
    ];
  });
  // East Asian characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) && !/[–—≤≥]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.note) console.log(`  · ${r.label}: ${r.note}`);
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** The same table as Markdown, for docs/benchmarks.md (`--markdown`). */
export function markdownTable(rows: readonly Row[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| measurement | value | median | p95 | runs: median min–max | target | ok |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ok = passes(r);
    lines.push(
      `| ${cell(r.label)} | ${fmt(r.value)} ${r.unit} | ${r.stats ? fmt(r.stats.median) : ''} | ${r.stats ? fmt(r.stats.p95) : ''} | ` +
        `${r.stats ? `${fmt(r.stats.runMedianMin)}–${fmt(r.stats.runMedianMax)} (${r.stats.runs}×${Math.round(r.stats.n / r.stats.runs)})` : ''} | ` +
        `${r.target ? `${r.target.kind === 'max' ? '≤' : '≥'} ${r.target.value} ${r.unit}` : ''} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
