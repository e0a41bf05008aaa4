// `nianbao check` on several threads: the output (every format, stderr, exit code) is the one of a
// check on one thread, file for file and in the same order, cross-year pairs included; a thread
// that dies fails only the file it died on; --jobs is checked like every other option.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeWorkspaces, workspace } from './workspace';
import { checkOnThreads } from '../../cli/src/check-threads';
import { EMPTY_CONFIG } from '../../core/src/index';
import type { FileDone, FileJob } from '../../cli/src/check-file';

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const POSIX = process.platform !== 'win32';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fixture reports of every kind (correct, defective, flattened), the series in reverse order, and broken files. */
function mixedFolder(): string {
  const files: Record<string, string | Buffer> = {};
  let n = 0;
  for (const kind of ['correct', 'defects', 'flattened']) {
    for (const name of fs.readdirSync(path.join(FIXTURES, kind)).sort()) {
      if (!/\.(md|txt)$/.test(name)) continue;
      files[`${kind}/${String(n++).padStart(3, '0')}-${name}`] = fs.readFileSync(path.join(FIXTURES, kind, name));
    }
  }
  // A successor walked before its predecessor, and one after it.
  files['series/a.md'] = fs.readFileSync(path.join(FIXTURES, 'series', '青禾市自然资源局-2023.nianbao.md'));
  files['series/b.md'] = fs.readFileSync(path.join(FIXTURES, 'series', '青禾市自然资源局-2022.nianbao.md'));
  files['series/c.md'] = fs.readFileSync(path.join(FIXTURES, 'series', '青禾市自然资源局-2024.nianbao.md'));
  files['broken/binary.md'] = Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0xff]);
  files['broken/gbk.txt'] = Buffer.from('一、总体情况\n', 'latin1');
  const dir = workspace(files);
  if (POSIX) fs.symlinkSync('..', path.join(dir, 'series', 'loop'));
  return dir;
}

const withoutClock = (page: string) => page.replace(/检查时间：[^；<]*/, '');

after(removeWorkspaces);

describe('nianbao check --jobs', () => {
  test('on three threads every format prints what one thread prints, with the same stderr and exit code', () => {
    const dir = mixedFolder();
    const count = fs.readdirSync(dir, { recursive: true }).length;
    assert.ok(count > 20, `a folder of ${count} entries`);
    for (const format of ['text', 'json', 'jsonl', 'sarif', 'html']) {
      const one = run(['check', '.', 'missing.md', '--format', format, '--jobs', '1'], dir);
      const three = run(['check', '.', 'missing.md', '--format', format, '--jobs', '3'], dir);
      assert.equal(three.code, one.code, format);
      assert.equal(three.stderr, one.stderr, format);
      assert.equal(format === 'html' ? withoutClock(three.stdout) : three.stdout, format === 'html' ? withoutClock(one.stdout) : one.stdout, format);
    }
    // What the comparison covered: findings, cross-year findings, unreadable files.
    const text = run(['check', '.', 'missing.md', '--jobs', '3'], dir).stdout;
    assert.match(text, / cross-year-/);
    assert.match(text, /missing\.md:1:1 /);
    assert.match(text, /series[/\\]a\.md:\d+:\d+ /);
  });

  test('--jobs takes a whole number from 1 to 64, or auto', () => {
    const dir = workspace({ 'a.md': '# 测试\n' });
    for (const bad of ['0', '-1', 'two', '1.5', '65']) {
      const r = run(['check', '.', `--jobs=${bad}`], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs 应为 1 到 64 之间的整数或 auto/, bad);
    }
    assert.notEqual(run(['check', '.', '--jobs', 'auto'], dir).code, 2);
    assert.notEqual(run(['check', '.', '-j', '2'], dir).code, 2);
  });

  test('a thread that dies fails only the file it died on; the others are checked, in order', async () => {
    const names = fs.readdirSync(path.join(FIXTURES, 'correct')).filter((n) => n.endsWith('.md')).sort().slice(0, 6);
    const files: Record<string, Buffer> = {};
    const order: string[] = [];
    for (let i = 0; i < 20; i++) {
      const name = i === 9 ? `${i}-crash.md` : `${i}.md`;
      files[name] = fs.readFileSync(path.join(FIXTURES, 'correct', names[i % names.length]));
      order.push(name);
    }
    const dir = workspace(files);
    const jobs: FileJob[] = order.map((name) => ({ file: path.join(dir, name), wantSummary: false }));
    const isJob = (_item: FileJob): _item is FileJob => true;
    const entry = path.join(__dirname, 'crashing-thread.js');
    const done: FileDone[] = [];
    for await (const d of checkOnThreads<never>(jobs, isJob, { entry, threads: 2, env: { cwd: dir, forPage: false, config: EMPTY_CONFIG } })) done.push(d);
    assert.deepEqual(
      done.map((d) => path.basename(d.file)),
      order,
    );
    const crashed = done.filter((d) => d.outcome.error);
    assert.deepEqual(
      crashed.map((d) => path.basename(d.file)),
      ['9-crash.md'],
    );
    assert.match(crashed[0].outcome.error!, /检查线程意外退出（退出码 3）/);
    for (const d of done) if (!d.outcome.error) assert.ok(d.outcome.report && Array.isArray(d.outcome.report.findings), d.file);
  });
});
