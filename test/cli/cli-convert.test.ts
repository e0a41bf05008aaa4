// The command line with Word and web pages: `check` on .docx/.html (alone and in a folder with
// files it cannot read), `convert` and `export`, run as a reviewer runs them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx } from '../../core/src/convert/index';
import { makeDocx, p } from '../core/docx-builder';

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
/** The checker's own words in Chinese, whatever the machine's locale (cli/src/locale.ts). */
const ZH = { ...process.env, LC_ALL: 'zh_CN.UTF-8' };
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ZH });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-convert-'));
}

describe('nianbao check on .docx and .html', () => {
  test('a folder: findings name the cell, unreadable files say why, the others are still checked', async () => {
    const dir = scratch();
    const md = fs.readFileSync(path.join(FIXTURES, 'defects', 'table-sum.md'), 'utf8');
    fs.writeFileSync(path.join(dir, 'a-sum.docx'), await exportDocx(md));
    fs.writeFileSync(path.join(dir, 'b-corrupt.docx'), Buffer.from('PK\x03\x04 broken'));
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(path.join(dir, 'c-old.doc'), ole);
    fs.writeFileSync(path.join(dir, 'd-scan.pdf'), '%PDF-1.4\n');
    fs.writeFileSync(path.join(dir, 'e-page.html'), '<html><body><nav>首页</nav><p>全年公开信息共10条，其中通知3条、公告4条、简报2条。</p></body></html>');
    fs.writeFileSync(path.join(dir, 'f-plain.md'), md);
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /\bat \w+ \(|Error:/, 'no stack trace');
    assert.match(r.stdout, /^a-sum\.docx: 表\d+ 第\d+行第\d+列「[^」]+」 \S+ table-sum /m);
    assert.match(r.stdout, /b-corrupt\.docx:1:1 错误 io .*损坏/);
    assert.match(r.stdout, /c-old\.doc:1:1 错误 io .*旧版 Word/);
    assert.match(r.stdout, /d-scan\.pdf:1:1 错误 io .*PDF/);
    assert.match(r.stdout, /^e-page\.html: 第1段（源文件第1行）「[^」]+」 \S+ prose-sum /m);
    assert.match(r.stdout, /^f-plain\.md:\d+:\d+ \S+ table-sum /m);
    assert.match(r.stdout, /检查了 6 个文件（.*3 个无法读取）/);
  });

  test('JSON and SARIF carry the place in the original and the line of the converted markup', async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'r.docx'), makeDocx(p('全年公开信息共10条，其中通知3条、公告4条、简报2条。')));
    const json = JSON.parse(run(['check', 'r.docx', '--format', 'json', '--profile', 'generic'], dir).stdout);
    const f = json.files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'prose-sum');
    assert.equal(f.source.format, 'docx');
    assert.match(f.source.where, /^第1段「/);
    assert.equal(f.source.markupLine, f.range.start.line + 1);
    const sarif = JSON.parse(run(['check', 'r.docx', '--format', 'sarif', '--profile', 'generic'], dir).stdout);
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'prose-sum');
    assert.match(res.message.text, /^第1段「/);
    assert.equal(res.locations[0].physicalLocation.region.startLine, f.source.markupLine);
  });
});

describe('nianbao convert and export', () => {
  test('convert writes the markup beside the file; export writes .docx and .html that convert back', () => {
    const dir = scratch();
    const md = fs.readFileSync(path.join(FIXTURES, 'correct', 'gov2021-city-2023.md'), 'utf8');
    fs.writeFileSync(path.join(dir, '报告.nianbao.md'), md);
    let r = run(['export', '报告.nianbao.md', '--format', 'docx'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.statSync(path.join(dir, '报告.docx')).size > 5000);
    r = run(['export', '报告.nianbao.md', '-o', 'page.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'page.html'), 'utf8'), /<table/);
    fs.mkdirSync(path.join(dir, 'back'));
    fs.renameSync(path.join(dir, '报告.docx'), path.join(dir, 'back', '报告.docx'));
    r = run(['convert', path.join('back', '报告.docx')], dir);
    assert.equal(r.code, 0, r.stderr);
    const back = fs.readFileSync(path.join(dir, 'back', '报告.nianbao.md'), 'utf8');
    const title = md.split('\n').find((l) => l.startsWith('# '))!;
    assert.ok(back.split('\n').includes(title), `the title ${title} comes back`);
    r = run(['check', path.join('back', '报告.nianbao.md')], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(run(['export', '报告.nianbao.md', '--format', 'pdf'], dir).code, 2);
    const bad = run(['convert', 'missing.docx'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /missing\.docx/);
  });
});
