// The extension reads drafts and config files from workspaces it may not trust. Our code never
// evaluates text, starts processes or opens connections; the manifest says how it behaves in
// untrusted and virtual workspaces; the shipped bundles make no network requests.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

/** Source with comments removed, so a comment that names `eval(` is not a hit. */
function code(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: Array<[string, RegExp]> = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/],
  ['child_process', /child_process/],
  ['http/https/http2 module', /['"](?:node:)?https?2?['"]/],
  ['net / tls / dgram module', /['"](?:node:)?(?:net|tls|dgram)['"]/],
  ['net.connect', /\bnet\.connect\b|\bcreateConnection\s*\(\s*\{?\s*(?:host|port)/],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest / WebSocket', /XMLHttpRequest|WebSocket/],
  ['vm module', /['"](?:node:)?vm['"]/],
  ['dynamic import of a variable', /\bimport\s*\(\s*[^'"`\s)]/],
];

describe('our sources execute nothing and open no connection', () => {
  const files = [...sourceFiles('core/src'), ...sourceFiles('host/src'), ...sourceFiles('server/src'), ...sourceFiles('client/src'), ...sourceFiles('cli/src')];

  test(`no eval, Function, child_process, network modules or fetch in ${files.length} files`, () => {
    assert.ok(files.some((f) => f.startsWith('core/src')) && files.some((f) => f.startsWith('server/src')), 'sources found');
    const hits: string[] = [];
    for (const f of files) {
      const text = code(f);
      for (const [name, re] of FORBIDDEN) if (re.test(text)) hits.push(`${f}: ${name}`);
    }
    assert.deepEqual(hits, []);
  });

  test('the core reads no files and touches no process: it is given text and returns data', () => {
    const hits = sourceFiles('core/src').filter((f) => /['"](?:node:)?(?:fs|fs\/promises|process|os)['"]|\bprocess\.(?:env|exit|kill)/.test(code(f)));
    assert.deepEqual(hits, []);
  });

  test('the core imports VS Code nothing and the LSP packages as types only', () => {
    // vscode-languageserver-textdocument (offsets, positions) is a small pure library the core may run.
    const runtime = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"](?:vscode|vscode-languageserver(?:-types|-protocol)?|vscode-jsonrpc)(?:\/[^'"]*)?['"]|require\(\s*['"]vscode/m;
    const hits = sourceFiles('core/src').filter((f) => runtime.test(code(f)));
    assert.deepEqual(hits, []);
    assert.ok(sourceFiles('core/src').some((f) => /import type [^;]*from 'vscode-languageserver-types'/.test(code(f))), 'the pattern sees the type imports');
  });
});

describe('manifest', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: {
      untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
      virtualWorkspaces?: { supported: boolean | 'limited'; description?: string } | boolean;
    };
    main?: string;
  };

  test('declares untrusted-workspace behaviour', () => {
    const u = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is declared');
    assert.ok([true, false, 'limited'].includes(u.supported));
    // "limited" must tell the user what is limited.
    if (u.supported === 'limited') assert.ok(u.description, 'a limited untrusted mode explains itself');
  });

  test('declares virtual-workspace behaviour', () => {
    const v = pkg.capabilities?.virtualWorkspaces;
    assert.ok(v !== undefined, 'capabilities.virtualWorkspaces is declared');
    if (typeof v === 'object' && v.supported === 'limited') assert.ok(v.description, 'a limited virtual mode explains itself');
  });
});

describe('bundles make no network access', () => {
  const dist = path.join(ROOT, 'dist');
  const bundles = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')) : [];
  // URLs that appear as plain data (a documentation link shown in hovers, the SARIF schema id).
  const ALLOWED_URLS = [/^https:\/\/github\.com\/nianbao\/nianbao\//, /^https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json$/, /^https:\/\/docs\.oasis-open\.org\/sarif\//];
  // dist/convert.js: XML namespace names of Office Open XML (identifiers written into a .docx, never
  // fetched) and one link in an error message of the docx library.
  const NAMESPACE_URLS = [/^http:\/\/schemas\.(?:openxmlformats\.org|microsoft\.com)\//, /^http:\/\/purl\.(?:org\/dc|oclc\.org\/ooxml)\//, /^http:\/\/www\.w3\.org\//, /^https:\/\/answers\.microsoft\.com\/en-us\/msoffice\//];

  test('bundles exist (run npm run build)', { skip: bundles.length === 0 && 'no dist/ yet' }, () => {
    assert.ok(bundles.includes('server.js') && bundles.includes('client.js'));
  });

  for (const b of bundles) {
    test(`dist/${b}: no http/https/fetch, and only known URLs`, () => {
      const text = fs.readFileSync(path.join(dist, b), 'utf8');
      assert.doesNotMatch(text, /require\(\s*["'](?:node:)?(?:https?|http2|tls|dgram)["']\s*\)/, 'no http, https, http2, tls or dgram module');
      assert.doesNotMatch(text, /\bfetch\s*\(/, 'no fetch()');
      assert.doesNotMatch(text, /XMLHttpRequest|new\s+WebSocket/, 'no XHR or WebSocket');
      const urls = [...text.matchAll(/https?:\/\/[^\s"'`)\\]+/g)].map((m) => m[0]);
      const allowed = b === 'convert.js' ? [...ALLOWED_URLS, ...NAMESPACE_URLS] : ALLOWED_URLS;
      const unknown = urls.filter((u) => !allowed.some((re) => re.test(u)));
      assert.deepEqual(unknown, [], 'every URL in the bundle is a known documentation string');
      // `net` is vscode-jsonrpc's local pipe/socket transport and child_process the language-server
      // library's global-module lookup; neither is reachable from our code (see the source test).
      // Nothing else may bring them in: the client entry and the CLI must not contain them at all.
      if (b === 'client.js' || b === 'cli.js') assert.doesNotMatch(text, /require\(\s*["'](?:node:)?(?:net|child_process)["']\s*\)/);
    });
  }
});
