// The checker against hostile folders, as a reviewer's machine meets them: configs and drafts that
// are devices, FIFOs or links, link loops, drafts in UTF-16 without BOM, GB18030 or bytes of no
// encoding, a config with thousands of problems, a reader that closes the pipe, and SARIF that CI
// platforms must accept (validated against the SARIF 2.1.0 schema).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ALL_RULES, check } from '../../core/src/index';
import { createReporter, emptyTotals, addToTotals, type FileOutcome } from '../../cli/src/format';
import { digest } from '../../cli/src/outcome';
import { decodeText } from '../../cli/src/decode';
import { removeWorkspaces, workspace } from './workspace';

after(removeWorkspaces);

/** A reporter's end: text, or (the review page) pieces to be written in turn. */
const joined = (x: string | Iterable<string>) => (typeof x === 'string' ? x : [...x].join(''));

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
/** The checker's own words in Chinese, whatever the machine's locale (cli/src/locale.ts). */
const ZH = { ...process.env, LC_ALL: 'zh_CN.UTF-8' };
const SCHEMA = path.join(__dirname, '..', '..', '..', 'test', 'schemas', 'sarif-schema-2.1.0.json');
const POSIX = process.platform !== 'win32';

function run(args: string[], cwd: string, timeout = 30_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, env: ZH });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const GOOD = '# 测试局2023年工作总结\n\n<!-- nianbao-profile: generic -->\n正文。\n';
const BAD_SUM = '<!-- nianbao-profile: generic -->\n全年公开信息共10条，其中通知3条、公告4条、简报5条。\n'; // parts exceed the total: an error
const REPORT = `# 青川市某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度主动公开政府信息共 1 268 条，其中门户网站 612 条、政务微博 656 条。\n\n二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 3 |\n`;

/** Schema errors of a SARIF log, as text ('' when valid). */
function sarifErrors(): (log: unknown) => string {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  return (log) => (validate(log) ? '' : JSON.stringify(validate.errors, null, 1));
}

describe('files the checker must not read', { skip: !POSIX && 'POSIX file types' }, () => {
  test('a config that links to /dev/zero: defaults, one clear message, no hang', () => {
    const dir = workspace({ 'a.md': BAD_SUM });
    fs.symlinkSync('/dev/zero', path.join(dir, 'nianbao.config.json'));
    const started = Date.now();
    const r = run(['check', 'a.md'], dir, 20_000);
    assert.equal(r.signal, null, 'finished by itself');
    assert.ok(Date.now() - started < 15_000);
    assert.equal(r.code, 1, 'the draft was still checked (its sum is wrong)');
    assert.match(r.stderr, /nianbao\.config\.json 不是普通文件（是设备文件），未读取，已使用默认配置/);
    assert.match(r.stdout, /prose-sum/);
  });

  test('a config that is a FIFO, a folder or too large: defaults and a message', () => {
    for (const make of [
      (p: string) => spawnSync('mkfifo', [p]),
      (p: string) => fs.mkdirSync(p),
      (p: string) => fs.writeFileSync(p, `{"rules": {}, "x": "${'a'.repeat(1_100_000)}"}`),
    ]) {
      const dir = workspace({ 'a.md': GOOD });
      make(path.join(dir, 'nianbao.config.json'));
      const r = run(['check', 'a.md'], dir, 20_000);
      assert.equal(r.signal, null);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /nianbao\.config\.json (不是普通文件|是文件夹|超过 1\.0 MB)/);
    }
  });

  test('drafts that are devices or FIFOs fail alone, with a reason', () => {
    const dir = workspace({ 'good.md': GOOD });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const r = run(['check', '.'], dir, 20_000);
    assert.equal(r.signal, null);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^zero\.md:1:1 错误 io 不是普通文件（是设备文件）/m);
    assert.match(r.stdout, /^pipe\.md:1:1 错误 io 不是普通文件（是命名管道（FIFO））/m);
    assert.match(r.stdout, /检查了 3 个文件（1 个无问题，2 个无法读取）/);
  });
});

describe('links and encodings', () => {
  test('symlinked drafts and folders are checked; link loops are walked once', { skip: !POSIX }, () => {
    const dir = workspace({ 'real/a.md': BAD_SUM, 'real/sub/b.md': GOOD });
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.symlinkSync(path.join(dir, 'real', 'a.md'), path.join(dir, 'folder', 'linked.md'));
    fs.symlinkSync(path.join(dir, 'real', 'sub'), path.join(dir, 'folder', 'subdir'));
    fs.symlinkSync('..', path.join(dir, 'folder', 'loop'));
    fs.symlinkSync('nowhere.md', path.join(dir, 'folder', 'dangling.md'));
    const r = run(['check', 'folder'], dir, 20_000);
    assert.equal(r.signal, null);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^folder\/linked\.md:2:\d+ 错误 prose-sum/m);
    assert.match(r.stdout, /^folder\/dangling\.md:1:1 错误 io 符号链接指向的文件不存在/m);
    // folder/loop is the workspace: real/ is walked through it, folder/ itself only once, and
    // real/sub, reached again as folder/subdir, is not checked twice.
    assert.doesNotMatch(r.stdout, /loop\/folder/);
    assert.match(r.stderr, /folder\/loop\/folder: 这个文件夹已经检查过/);
    assert.match(r.stderr, /folder\/subdir: 这个文件夹已经检查过/);
    const checked = Number(/检查了 (\d+) 个文件/.exec(r.stdout)?.[1]);
    assert.equal(checked, 4, r.stdout); // dangling.md, linked.md, loop/real/a.md, loop/real/sub/b.md
  });

  test('UTF-16 without BOM is read as UTF-16, and said so', () => {
    const le = Buffer.from(REPORT, 'utf16le');
    const be = Buffer.from(REPORT, 'utf16le').swap16();
    const dir = workspace({ 'le.md': le, 'be.md': be, 'utf8.md': REPORT });
    const r = run(['check', '.', '--format', 'json'], dir);
    const byFile = Object.fromEntries(JSON.parse(r.stdout).files.map((x: { file: string }) => [x.file, x]));
    const shape = (x: { findings: { ruleId: string; range: unknown }[] }) => x.findings.map((f) => [f.ruleId, f.range]);
    assert.deepEqual(shape(byFile['le.md']), shape(byFile['utf8.md']));
    assert.deepEqual(shape(byFile['be.md']), shape(byFile['utf8.md']));
    assert.match(r.stderr, /le\.md: 文件没有字节顺序标记，按 UTF-16LE 编码读取/);
    assert.match(r.stderr, /be\.md: 文件没有字节顺序标记，按 UTF-16BE 编码读取/);
  });

  test('a UTF-8 draft with one stray byte stays UTF-8; GB18030 only when it reads as Chinese; garbage fails', () => {
    const stray = Buffer.concat([Buffer.from(REPORT.slice(0, 60)), Buffer.from([0xb5]), Buffer.from(REPORT.slice(60))]);
    const gb = Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3, 0x0a]); // 正文。
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const dir = workspace({ 'stray.md': stray, 'gb.txt': gb, 'garbage.md': garbage });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1, 'an undecodable file fails the run');
    assert.match(r.stderr, /stray\.md: 文件含有 1 处无效的 UTF-8 字节（第一处在第 \d+ 行）/);
    assert.doesNotMatch(r.stderr, /stray\.md: .*GB18030/);
    assert.match(r.stderr, /gb\.txt: 文件不是 UTF-8 编码，已按 GB18030 读取/);
    assert.match(r.stdout, /^garbage\.md:1:1 错误 io 无法识别文件编码/m);
  });

  test('decoding: every fixture round-trips through UTF-8, UTF-16LE/BE without BOM and GB18030', () => {
    const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
    const files = ['correct', 'defects'].flatMap((d) => fs.readdirSync(path.join(fixtures, d)).map((f) => path.join(fixtures, d, f)));
    const encodeGb = gbEncoder();
    let tried = 0;
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      const text = fs.readFileSync(f, 'utf8');
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(text, 'utf16le').swap16();
      for (const [label, bytes] of [['utf8', Buffer.from(text)], ['le', le], ['be', be]] as const) {
        const d = decodeText(bytes);
        assert.ok(d.ok && d.text === text, `${path.basename(f)} as ${label}`);
      }
      const gb = encodeGb(text);
      if (gb) {
        const d = decodeText(gb);
        assert.ok(d.ok && d.text === text && /GB18030/.test(d.note ?? ''), `${path.basename(f)} as GB18030`);
      }
      tried++;
    }
    assert.ok(tried > 10);
  });
});

/** GB18030 bytes of a text of BMP characters, from the decoder's own table (no encoder in Node). */
function gbEncoder(): (text: string) => Buffer | undefined {
  const table = new Map<number, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch.charCodeAt(0))) table.set(ch.charCodeAt(0), [hi, lo]);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) out.push(c);
      else if (table.has(c)) out.push(...table.get(c)!);
      else return undefined;
    }
    return Buffer.from(out);
  };
}

describe('config: which one applied, and all its problems', () => {
  test('a config in a parent folder is named on stderr with the rules it turns off', () => {
    const dir = workspace({ 'nianbao.config.json': JSON.stringify({ rules: { 'prose-sum': 'off' } }), 'drafts/a.md': BAD_SUM });
    const r = run(['check', 'a.md'], path.join(dir, 'drafts'));
    assert.equal(r.code, 0);
    assert.match(r.stderr, /使用配置文件 \.\.\/nianbao\.config\.json（停用了规则 prose-sum）/);
  });

  test('6,000 problems: ten printed, the count, and `nianbao config` lists them all', () => {
    const rules = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`no-such-rule-${i}`, 'off']));
    const dir = workspace({ 'nianbao.config.json': JSON.stringify({ rules }), 'a.md': GOOD });
    const r = run(['check', 'a.md'], dir);
    assert.equal(r.code, 0);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.length <= 13, `stderr has ${lines.length} lines`);
    assert.match(r.stderr, /共 6000 个配置问题，以上只列出前 10 个；运行 nianbao config 查看全部/);
    const all = run(['config'], dir);
    assert.equal(all.code, 1);
    assert.equal((all.stdout.match(/未知的规则 id/g) ?? []).length, 6000);
    assert.match(all.stdout, /共 6000 个问题/);
  });
});

describe('output', () => {
  test('--format json is one object of files and a summary, --format jsonl one record a line and the summary last', () => {
    const dir = workspace({ 'a.md': BAD_SUM, 'b.md': GOOD, 'c.md': BAD_SUM });
    const json = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
    const lines = run(['check', '.', '--format', 'jsonl'], dir).stdout.trim().split('\n');
    assert.equal(json.tool, 'nianbao');
    assert.equal(json.positionEncoding, 'utf-16');
    assert.equal(json.files.length, 3);
    assert.deepEqual(lines.slice(0, -1).map((l) => JSON.parse(l)), json.files);
    assert.deepEqual(JSON.parse(lines.at(-1)!), { summary: json.summary });
    const errors = json.files.map((f: { findings: { severity: string }[] }) => f.findings.filter((x) => x.severity === 'error').length);
    assert.deepEqual(errors, [1, 0, 1]);
    assert.deepEqual(
      json.files.map((f: { bySeverity: { error: number } }) => f.bySeverity.error),
      errors,
      'each record counts its findings',
    );
    assert.deepEqual(json.summary, {
      files: 3,
      clean: 1,
      withErrors: 2,
      unreadable: 0,
      bySeverity: { error: 2, warning: 0, info: 0, hint: 0 },
      ruleFailures: 0,
      exitCode: 1,
    });
    assert.deepEqual(JSON.parse(run(['check', 'nothing-here', '--format', 'json'], dir).stdout).files[0].error, '文件或文件夹不存在');
    const empty = run(['check', 'empty', '--format', 'json'], workspace({ 'empty/x.json': '{}' }));
    const emptyJson = JSON.parse(empty.stdout);
    assert.deepEqual(emptyJson.files, []);
    assert.equal(emptyJson.summary.files, 0);
    // Written file by file, and still exactly what JSON.stringify(…, null, 2) prints.
    assert.equal(empty.stdout, JSON.stringify(emptyJson, null, 2) + '\n');
    assert.equal(run(['check', '.', '--format', 'json'], dir).stdout, JSON.stringify(json, null, 2) + '\n');
  });

  test('a reader that closes the pipe: no stack trace, the exit code earned so far', { skip: !POSIX }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`d${String(i).padStart(3, '0')}.md`] = BAD_SUM;
    const dir = workspace(files);
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.once('data', () => child.stdout.destroy()); // like `| head -1`
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    assert.equal(stderr, '');
    assert.equal(code, 1, 'errors had been printed: exit 1, quietly');
  });

  test('SARIF validates against the 2.1.0 schema; URIs are percent-encoded and relative to SRCROOT', { skip: !POSIX }, () => {
    const schemaErrors = sarifErrors();
    const dir = workspace({ 'ws/完成率100%.md': BAD_SUM, 'ws/第#2稿.md': BAD_SUM, 'ws/a b?.md': GOOD, 'outside/x.md': BAD_SUM });
    spawnSync('mkfifo', [path.join(dir, 'ws', 'pipe.md')]);
    const cwd = path.join(dir, 'ws');
    const r = run(['check', '.', '../outside/x.md', 'missing.md', '--format', 'sarif'], cwd);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(schemaErrors(log), '');
    const run0 = log.runs[0];
    const base = run0.originalUriBaseIds.SRCROOT.uri;
    assert.equal(fileURLToPath(base), cwd + path.sep);
    const resolved = (loc: { uri: string; uriBaseId?: string }) => fileURLToPath(new URL(loc.uri, loc.uriBaseId ? base : undefined));
    const uris = run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation);
    for (const loc of uris) assert.doesNotMatch(loc.uri, /[#?%](?![0-9A-F]{2})|[^\x21-\x7e]/, `encoded: ${loc.uri}`);
    const files = new Set(uris.map(resolved));
    assert.ok(files.has(path.join(cwd, '完成率100%.md')));
    assert.ok(files.has(path.join(cwd, '第#2稿.md')));
    assert.ok(files.has(path.join(dir, 'outside', 'x.md')), 'a file outside the working folder has an absolute file URI');
    const notes = run0.invocations[0].toolExecutionNotifications;
    assert.equal(run0.invocations[0].executionSuccessful, false);
    assert.ok(notes.some((n: { message: { text: string } }) => /pipe\.md：不是普通文件/.test(n.message.text)));
    assert.ok(notes.some((n: { message: { text: string } }) => /missing\.md：文件或文件夹不存在/.test(n.message.text)));
  });

  test('SARIF of rule failures and config problems validates too', () => {
    const schemaErrors = sarifErrors();
    const cwd = os.tmpdir();
    const reporter = createReporter('sarif', {
      version: '0.1.0',
      rules: ALL_RULES,
      cwd,
      configFile: 'nianbao.config.json',
      configProblems: [{ path: 'rules.x', message: '未知的规则 id「x」' }],
    });
    const result = check(BAD_SUM);
    result.ruleFailures.push({ ruleId: 'prose-sum', message: 'boom' });
    const outcomes: FileOutcome[] = [
      { file: 'a.md', absolute: path.join(cwd, 'a.md'), report: digest(result, false) },
      { file: 'b.md', absolute: path.join(cwd, 'b.md'), error: '文件不存在' },
    ];
    const totals = emptyTotals();
    let text = reporter.begin();
    for (const o of outcomes) {
      addToTotals(totals, o);
      text += reporter.file(o);
    }
    text += joined(reporter.end(totals, 1));
    const log = JSON.parse(text);
    assert.equal(schemaErrors(log), '');
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.toolExecutionNotifications.length, 2);
    assert.equal(inv.toolExecutionNotifications[0].associatedRule.id, 'prose-sum');
    assert.match(inv.toolConfigurationNotifications[0].message.text, /rules\.x/);
    // An empty run is valid SARIF as well.
    const empty = createReporter('sarif', { version: '0.1.0', rules: ALL_RULES, cwd, configProblems: [] });
    const emptyLog = JSON.parse(empty.begin() + joined(empty.end(emptyTotals(), 0)));
    assert.equal(schemaErrors(emptyLog), '');
    assert.deepEqual(emptyLog.runs[0].results, []);
  });
});
