// Sizes: the bundles in dist/ (as built by scripts/build.mjs, minified), what makes up
// dist/server.js (an esbuild metafile of the same build, grouped by package), and the VSIX from
// scripts/package-vsix.sh written to a temporary directory.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Row } from './report';

const kb = (n: number) => n / 1024;

/** Bytes of the minified server bundle per source package (node_modules/<pkg>, or our own folders). */
async function serverComposition(root: string): Promise<Record<string, number>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, 'server/src/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    charset: 'utf8', // as scripts/build.mjs: Chinese text as UTF-8, not \uXXXX escapes
    logLevel: 'silent',
    absWorkingDir: root,
    outfile: join(root, 'out', 'bench-server-size.js'),
    // Same as scripts/build.mjs: an optional loader that may not exist yet stays external.
    plugins: [
      {
        name: 'optional-config-loader',
        setup(b) {
          b.onResolve({ filter: /config\/load$/ }, (args) => (existsSync(join(args.resolveDir, args.path + '.ts')) ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  const groups: Record<string, number> = {};
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [file, info] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : file.split('/').slice(0, 2).join('/');
      groups[key] = (groups[key] ?? 0) + info.bytesInOutput;
    }
  }
  return Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1]));
}

function vsixSize(root: string): { bytes?: number; error?: string } {
  const existing = join(root, `nianbao-${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}.vsix`);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const out = join(dir, 'nianbao.vsix');
  try {
    execFileSync('bash', [join(root, 'scripts', 'package-vsix.sh'), out], { cwd: root, stdio: 'pipe', timeout: 120_000 });
    return { bytes: statSync(out).size };
  } catch (e) {
    if (existsSync(existing)) return { bytes: statSync(existing).size, error: `package-vsix.sh failed; measured the existing ${existing}` };
    const err = e as { stderr?: Buffer; message: string };
    return { error: (err.stderr?.toString().trim().split('\n').slice(-3).join(' / ') || err.message).slice(0, 300) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSize(root: string): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const f of ['server.js', 'client.js', 'lsp.js', 'cli.js']) {
    const p = join(root, 'dist', f);
    if (!existsSync(p)) continue;
    const bytes = statSync(p).size;
    const gz = gzipSync(readFileSync(p)).length;
    rows.push({
      id: `size.${f}`,
      label: `dist/${f} (minified)`,
      unit: 'KB',
      value: kb(bytes),
      // 400 KB since the server runs on vscode-languageserver (issue 12): the named libraries come first.
      target: f === 'server.js' ? { kind: 'max', value: 400 } : undefined,
      note: `gzip ${kb(gz).toFixed(0)} KB`,
    });
  }
  try {
    const parts = await serverComposition(root);
    details.serverComposition = parts;
    const top = Object.entries(parts)
      .slice(0, 6)
      .map(([k, v]) => `${k} ${kb(v).toFixed(0)} KB`)
      .join(', ');
    const row = rows.find((r) => r.id === 'size.server.js');
    if (row) row.note = `${row.note ? `${row.note}; ` : ''}largest parts: ${top}`;
  } catch (e) {
    details.serverCompositionError = e instanceof Error ? e.message : String(e);
  }
  const vsix = vsixSize(root);
  details.vsix = vsix;
  rows.push({
    id: 'size.vsix',
    label: 'VSIX (scripts/package-vsix.sh)',
    unit: 'KB',
    value: vsix.bytes !== undefined ? kb(vsix.bytes) : NaN,
    target: vsix.bytes !== undefined ? { kind: 'max', value: 1024 } : undefined,
    note: vsix.error,
  });
  return { rows, details };
}
