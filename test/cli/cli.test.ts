// The command-line checker, run as a user runs it: exit codes, output formats, folders, bad files.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { removeWorkspaces, workspace } from './workspace';

after(removeWorkspaces);

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
/** The checker's own words in Chinese, whatever the machine's locale (cli/src/locale.ts). */
const ZH = { ...process.env, LC_ALL: 'zh_CN.UTF-8' };

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ZH });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = "# 测试局2023年工作总结\n\n<!-- nianbao-profile: generic -->\n正文。\n";
const BAD_SUM = '<!-- nianbao-profile: generic -->\n全年公开信息共10条，其中通知3条、公告4条、其他信息2条。\n';

describe('nianbao check', () => {
  test('usage errors exit 2 with a message', () => {
    const dir = workspace({});
    assert.equal(run([], dir).code, 2);
    assert.equal(run(['frobnicate'], dir).code, 2);
    assert.equal(run(['check'], dir).code, 2);
    const r = run(['check', '.', '--format', 'xml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /xml/);
    assert.equal(run(['check', '.', '--profile', 'no-such'], dir).code, 2);
  });

  test('a folder is walked, .md and .txt only, and a clean run exits 0', () => {
    const dir = workspace({ 'a.md': GOOD, 'sub/b.txt': GOOD, 'c.json': '{' });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /检查了 2 个文件/);
  });

  test('an error finding prints file:line:col severity rule message and exits 1', () => {
    const dir = workspace({ 'bad.md': BAD_SUM });
    const r = run(['check', 'bad.md'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^bad\.md:2:\d+ 错误 prose-sum .*9.*10/m);
  });

  test('a missing file does not stop the others', () => {
    const dir = workspace({ 'a.md': GOOD });
    const r = run(['check', 'nope.md', 'a.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /nope\.md:1:1 错误 io/);
    assert.match(r.stdout, /检查了 2 个文件/);
  });

  test('binary bytes and GB18030 files are read, not fatal', () => {
    const gb = Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3, 0x0a]); // 正文。 in GB18030
    const dir = workspace({ 'bin.txt': Buffer.from([0, 1, 2, 0xff, 0xfe, 0x41]), 'gb.txt': gb });
    const r = run(['check', '.'], dir);
    assert.notEqual(r.code, 2);
    assert.match(r.stderr, /GB18030/);
    assert.match(r.stdout, /检查了 2 个文件/);
  });

  test('--format json and sarif are machine-readable', () => {
    const dir = workspace({ 'bad.md': BAD_SUM });
    const json = JSON.parse(run(['check', 'bad.md', '--format', 'json'], dir).stdout);
    assert.equal(json.files[0].file, 'bad.md');
    assert.ok(json.files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'prose-sum'));
    const sarif = JSON.parse(run(['check', 'bad.md', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'prose-sum');
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.region.startLine, 2);
  });

  test('a broken config file is reported and defaults are used', () => {
    const dir = workspace({ 'a.md': GOOD, 'nianbao.config.json': '{ "rules": { "prose-sum": 42 } ' });
    const r = run(['check', 'a.md'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /nianbao\.config\.json/);
  });
});
