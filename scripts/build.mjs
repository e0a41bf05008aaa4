// Bundles the extension with esbuild:
//   dist/client.js  the extension entry (tiny: detection + commands; `vscode` external)
//   dist/lsp.js     the language client, loaded by client.js only when a report is opened
//   dist/server.js  the language server (`nianbao-language-server --stdio`), minified, with a shebang
//   dist/cli.js     the command-line checker, when cli/src/main.ts exists
// Usage: node scripts/build.mjs [--dev]   (--dev: no minification, inline source maps)

import { build } from 'esbuild';
import { existsSync, statSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const at = (p) => join(root, p);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  // Chinese messages as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6 bytes).
  charset: 'utf8',
  logLevel: 'warning',
  absWorkingDir: root,
};

// client.js loads ./lsp at run time (keeps activation cheap); never inline it.
const lspExternal = {
  name: 'lsp-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/lsp$/ }, () => ({ path: './lsp.js', external: true }));
  },
};

const jobs = [
  build({ ...common, entryPoints: [at('client/src/extension.ts')], outfile: at('dist/client.js'), external: ['vscode'], plugins: [lspExternal] }),
  build({ ...common, entryPoints: [at('client/src/lsp.ts')], outfile: at('dist/lsp.js'), external: ['vscode'] }),
  build({
    ...common,
    entryPoints: [at('server/src/server.ts')],
    outfile: at('dist/server.js'),
    banner: { js: '#!/usr/bin/env node' },
  }),
];
if (existsSync(at('cli/src/main.ts'))) {
  jobs.push(
    build({
      ...common,
      entryPoints: [at('cli/src/main.ts')],
      outfile: at('dist/cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    }),
  );
}
await Promise.all(jobs);

for (const f of ['dist/server.js', 'dist/cli.js']) if (existsSync(at(f))) chmodSync(at(f), 0o755);
for (const f of ['dist/client.js', 'dist/lsp.js', 'dist/server.js', 'dist/cli.js']) {
  if (existsSync(at(f))) console.log(`${f.padEnd(16)} ${(statSync(at(f)).size / 1024).toFixed(1)} KB`);
}
