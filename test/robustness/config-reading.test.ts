// The language server's side of a hostile nianbao.config.json: a link to /dev/zero, a FIFO, a
// folder or a huge file is refused at once (defaults, one problem), and a config with thousands of
// problems is one notification with the count, the full list in the log, and nothing more while
// the problems stay the same.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../../core/src/config/load';
import { readRegularFile } from '../../host/src/safe-read';
import { ConfigProblemReporter, loadFolderConfig, type FolderConfig } from '../../server/src/workspaceConfig';

const POSIX = process.platform !== 'win32';

function folderWith(make: (configPath: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cfg-'));
  make(path.join(dir, 'nianbao.config.json'));
  return dir;
}

describe('the server reads only regular config files', { skip: !POSIX && 'POSIX file types' }, () => {
  const cases: Array<[string, (p: string) => void, RegExp]> = [
    ['a link to /dev/zero', (p) => fs.symlinkSync('/dev/zero', p), /不是普通文件（是设备文件）/],
    ['a FIFO', (p) => spawnSync('mkfifo', [p]), /不是普通文件（是命名管道（FIFO））/],
    ['a folder', (p) => fs.mkdirSync(p), /是文件夹|不是普通文件（是文件夹）/],
    ['2 MB of JSON', (p) => fs.writeFileSync(p, JSON.stringify({ rules: {}, pad: 'x'.repeat(2_000_000) })), /超过 1\.0 MB/],
    ['not UTF-8', (p) => fs.writeFileSync(p, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), /不是 UTF-8/],
    ['a link loop', (p) => fs.symlinkSync(p, p), /循环/],
  ];
  for (const [label, make, message] of cases) {
    test(`${label}: defaults at once, and one problem saying why`, () => {
      const dir = folderWith(make);
      const started = Date.now();
      const { config } = loadFolderConfig(pathToFileURL(dir).href, parseConfig);
      assert.ok(Date.now() - started < 2000, 'no hang');
      assert.deepEqual(config.rules, {});
      assert.equal(config.problems.length, 1);
      assert.match(config.problems[0].message, message);
      assert.match(config.problems[0].message, /已使用默认配置/);
    });
  }

  test('a link to a regular config file is followed; a missing file is silently the defaults', () => {
    const dir = folderWith(() => {});
    fs.writeFileSync(path.join(dir, 'real.json'), JSON.stringify({ rules: { 'part-missing': 'off' } }));
    const empty = loadFolderConfig(pathToFileURL(dir).href, parseConfig);
    assert.deepEqual(empty.config.problems, []);
    fs.symlinkSync('real.json', path.join(dir, 'nianbao.config.json'));
    const linked = loadFolderConfig(pathToFileURL(dir).href, parseConfig);
    assert.equal(linked.config.rules['part-missing'], 'off');
  });

  test('the reader caps a file that grows past the cap while it is read', () => {
    const dir = folderWith(() => {});
    const file = path.join(dir, 'draft.md');
    fs.writeFileSync(file, 'x'.repeat(100));
    assert.ok(readRegularFile(file, 100).ok);
    const over = readRegularFile(file, 99);
    assert.ok(!over.ok && over.reason === 'too-large');
  });
});

describe('config problems reach the writer once', () => {
  const folder = (uri: string, n: number, tag = ''): FolderConfig => ({
    folderUri: uri,
    config: { rules: {}, extraProfiles: [], problems: Array.from({ length: n }, (_, i) => ({ path: `rules.r${i}`, message: `未知的规则 id「r${i}${tag}」` })) },
  });

  test('6,000 problems: one notification with the count, 6,000 log lines, nothing again until they change', () => {
    const shown: string[] = [];
    const logged: string[] = [];
    const reporter = new ConfigProblemReporter((m) => shown.push(m), (m) => logged.push(m));
    reporter.report([folder('file:///ws', 6000)]);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /有 6000 个问题/);
    assert.match(shown[0], /完整列表见「输出」面板/);
    assert.equal(logged.length, 6000);
    reporter.report([folder('file:///ws', 6000)]); // the watcher fired again: same file
    assert.equal(shown.length, 1);
    assert.equal(logged.length, 6000);
    reporter.report([folder('file:///ws', 6000, '′')]); // the file changed
    assert.equal(shown.length, 2);
    reporter.report([folder('file:///ws', 0)]); // fixed
    reporter.report([folder('file:///ws', 6000, '′')]); // broken again: said again
    assert.equal(shown.length, 3);
  });

  test('one problem is shown as it is; two folders are named', () => {
    const shown: string[] = [];
    const reporter = new ConfigProblemReporter((m) => shown.push(m), () => {});
    reporter.report([folder('file:///a/one', 1), folder('file:///b/two', 2)]);
    assert.equal(shown.length, 2);
    assert.match(shown[0], /^nianbao\.config\.json（one）：未知的规则 id「r0」$/);
    assert.match(shown[1], /（two）有 2 个问题/);
  });
});
