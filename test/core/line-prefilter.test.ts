// The line rules (placeholder, mojibake) skip a line unless it holds one of the characters their
// patterns name in `anyOf`. That shortcut is only right while every match of a pattern really holds
// one of them: these tests check it on crafted defects and on every fixture line, and check that
// scanning with and without the shortcut finds exactly the same matches.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanLines, type LinePattern } from '../../core/src/analysis/prose/line-patterns';
import { PATTERNS as PLACEHOLDER } from '../../core/src/rules/placeholder';
import { PATTERNS as MOJIBAKE } from '../../core/src/rules/mojibake';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function fixtureLines(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureLines(p));
    else if (/\.(md|txt)$/.test(e.name)) out.push(...fs.readFileSync(p, 'utf8').split(/\r\n|\r|\n/));
  }
  return out;
}

// One or more defects per pattern, written for this test.
const CRAFTED = [
  '由XX局负责，联系人ｘｘ。',
  '本年共收到申请X件，办结Ｘ件。',
  '经办人：×××，审核人：╳╳。',
  '联系地址：○○路○○号。',
  '报送单位：【请填写单位名称】，【 】。',
  '依据青政办〔〕号文件和[ ]号通知。',
  '本报告所列数据统计期限为年月日至月日。',
  '统计期限自  至  。',
  'TODO 补充第五部分；FIXME 核对表三；TBD。',
  '此处待补充，数据待填写，（填写单位全称）。',
  '进一步規(guī)范公开流程。',
  '開展?,F將相关工作。',
  '出现了无法识别的字符\uFFFD\uFFFD。',
  'æ–‡ä»¶和Ã¥以及ÀÁÂÃÄ。',
  '学习《《条例》》。',
  '全年设置查阅点×个，共发放资料✕份。',
  '本局信息发布审核制度锟斤拷锟斤拷进一步完善。',
];

const LISTS: Array<[string, readonly LinePattern[]]> = [
  ['placeholder', PLACEHOLDER],
  ['mojibake', MOJIBAKE],
];

/** The same patterns without their character lists: scanLines then looks at every line. */
const withoutShortcut = (patterns: readonly LinePattern[]): LinePattern[] => patterns.map(({ anyOf: _unused, ...p }) => p);

describe('line pattern shortcut', () => {
  const lines = [...CRAFTED, ...fixtureLines(FIXTURES)];

  test('there are fixture lines to check', () => assert.ok(lines.length > CRAFTED.length + 100, `found ${lines.length}`));

  for (const [name, patterns] of LISTS) {
    test(`${name}: every pattern matches some crafted line`, () => {
      for (const p of patterns) {
        const hit = CRAFTED.some((line) => [...line.matchAll(p.re)].some((m) => m[0].length > 0));
        assert.ok(hit, `${name}/${p.kind} ${p.re} matches no crafted line`);
      }
    });

    test(`${name}: every match holds one of its pattern's characters`, () => {
      for (const p of patterns) {
        assert.ok(p.anyOf, `${name}/${p.kind} names no characters`);
        for (const line of lines)
          for (const m of line.matchAll(p.re)) {
            if (m[0].length === 0) continue;
            assert.ok([...m[0]].some((c) => p.anyOf!.includes(c)), `${name}/${p.kind}: "${m[0]}" in "${line}" holds none of "${p.anyOf}"`);
          }
      }
    });

    test(`${name}: the shortcut changes no match`, () => {
      const fast = scanLines(lines, patterns);
      const slow = scanLines(lines, withoutShortcut(patterns));
      assert.ok(fast.length >= CRAFTED.length / 2, `only ${fast.length} matches`);
      assert.deepEqual(fast, slow);
    });
  }
});
