// A second, independent LSP client: Debian's Neovim (0.7+) talks to the standalone language server
// (the package's `nianbao-language-server` bin, dist/server.js) over stdio. test/nvim/lsp-check.lua
// records what the server answered; the assertions live here.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdits } from '../support/textEdits';
import type { Range, TextEdit } from 'vscode-languageserver-types';

const REPO = path.resolve(__dirname, '..', '..', '..'); // out/test/nvim -> repo
const DRAFT = path.join(REPO, 'test', 'ui', 'workspace', 'draft-2023.nianbao.md'); // the same draft the UI test opens
const LUA = path.join(REPO, 'test', 'nvim', 'lsp-check.lua');

interface CodeAction {
  title: string;
  kind?: string;
  edit?: { documentChanges?: { edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> };
}
interface Diag { line: number; message: string; source?: string; code?: string; range: Range; actions: CodeAction[] }
interface Symbol { name: string; children?: Symbol[] }
interface Report {
  nvim: string;
  initialized: boolean;
  startup_ms: number;
  shown: number;
  errors: string[];
  diagnostics: Diag[];
  symbols: Symbol[];
  completions: string[];
}

function serverPath(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const bin = pkg.bin?.['nianbao-language-server'];
  assert.ok(bin, 'package.json declares bin.nianbao-language-server');
  return path.resolve(REPO, bin);
}

function editsOf(action: CodeAction): TextEdit[] {
  const e = action.edit;
  if (!e) return [];
  return [...(e.documentChanges ?? []).flatMap((c) => c.edits), ...Object.values(e.changes ?? {}).flat()];
}

/** The part 三 sum checks: a column's or row's 总计 (table-sum) and 一+二=三（七）+四 (table-balance). */
function isTableCheck(d: Diag): boolean {
  return d.code === 'table-sum' || d.code === 'table-balance';
}

function flatten(symbols: Symbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...flatten(s.children ?? [])]);
}

describe('Neovim LSP client against nianbao-language-server', () => {
  const text = fs.readFileSync(DRAFT, 'utf8');
  const lines = text.split('\n');
  const totalLine = lines.findIndex((l) => l.includes('（七）总计'));
  const lastHeading = lines.findIndex((l) => l.startsWith('五、其他需要报告的事项'));
  let report: Report;

  before(() => {
    const server = serverPath();
    assert.ok(fs.existsSync(server), `${server} exists (npm run build)`);
    assert.ok(totalLine > 0 && lastHeading > 0 && lines[lastHeading - 1] === '', 'draft has the expected layout');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-nvim-'));
    const file = path.join(dir, 'draft-2023.nianbao.md');
    fs.copyFileSync(DRAFT, file);
    const out = path.join(dir, 'lsp-report.json');
    const run = spawnSync(process.env.NVIM_BIN || 'nvim', ['--headless', '--clean', '-c', `luafile ${LUA}`, file], {
      cwd: dir,
      env: {
        ...process.env,
        HOME: dir,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        NIANBAO_SERVER: server,
        NIANBAO_NODE: process.execPath,
        NIANBAO_LSP_OUT: out,
        // the blank line before the last heading: where the missing part would go
        NIANBAO_COMPLETE_AT: `${lastHeading - 1}:0`,
      },
      encoding: 'utf8',
      timeout: 90_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.ok(fs.existsSync(out), `nvim wrote no report (status ${run.status}, signal ${run.signal}): ${run.stderr}`);
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(run.status, 0, `nvim exited with ${run.status}; errors: ${report.errors.join('\n')}`);
    const artifacts = process.env.NIANBAO_ARTIFACTS ?? path.join(REPO, 'test-artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.copyFileSync(out, path.join(artifacts, 'nvim-lsp-report.json'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the server starts and initializes in Neovim 0.7+', () => {
    const [major, minor] = report.nvim.split('.').map(Number);
    assert.ok(major > 0 || minor >= 7, `Neovim ${report.nvim}`);
    assert.equal(report.initialized, true);
  });

  test('diagnostics: the wrong 总计 and the missing part, in Chinese, from source nianbao', () => {
    const sum = report.diagnostics.filter((d) => isTableCheck(d) && d.line === totalLine);
    assert.ok(sum.length > 0, `a table-sum/table-balance diagnostic on line ${totalLine}; got ${JSON.stringify(report.diagnostics.map((d) => [d.line, d.code]))}`);
    // the message shows the arithmetic: the written 17 and the items' sum 14
    assert.ok(sum.some((d) => d.message.includes('17') && d.message.includes('14')), sum.map((d) => d.message).join(' / '));
    const missing = report.diagnostics.filter((d) => d.code === 'part-missing');
    assert.ok(missing.some((d) => d.message.includes('存在的主要问题及改进情况')), JSON.stringify(missing.map((d) => d.message)));
    for (const d of report.diagnostics) assert.equal(d.source, 'nianbao');
    assert.equal(report.shown, report.diagnostics.length, 'Neovim shows every published diagnostic');
  });

  test('document symbols: the report parts as the outline', () => {
    const names = flatten(report.symbols);
    for (const part of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、其他需要报告的事项']) {
      assert.ok(names.includes(part), `symbol ${part} in ${JSON.stringify(names)}`);
    }
  });

  test('completion on an empty line offers the missing part heading', () => {
    assert.ok(report.completions.some((l) => l.includes('存在的主要问题及改进情况')), JSON.stringify(report.completions));
  });

  test('code actions: the quick fix for the wrong total writes the sum 14', () => {
    const fixes = report.diagnostics
      .filter((d) => isTableCheck(d) && d.line === totalLine)
      .flatMap((d) => d.actions.filter((a) => editsOf(a).some((e) => e.range.start.line === totalLine && /\d/.test(e.newText))));
    assert.ok(fixes.length > 0, 'a quick fix editing the 总计 row');
    const fixed = applyEdits(text, editsOf(fixes[0])).split('\n')[totalLine];
    assert.equal(fixed, '| | （七）总计 | | 12 | 1 | 0 | 0 | 0 | 1 | 14 |');
    // every diagnostic can at least be silenced from the light bulb
    for (const d of report.diagnostics) assert.ok(d.actions.length > 0, `actions for ${d.code} on line ${d.line}`);
  });
});
