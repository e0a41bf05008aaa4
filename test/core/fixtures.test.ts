// Every fixture under test/fixtures gives exactly the findings its inline markers name, on the
// lines they name: a correct report gives none, each planted defect gives its own.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/index';
import { key, readExpectations } from './expectations';

const ROOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function listFixtures(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFixtures(p);
    return /\.(md|txt)$/.test(e.name) && e.name !== 'README.md' ? [p] : [];
  });
}

describe('fixtures', () => {
  const files = listFixtures(ROOT);
  test('there are fixtures to check', () => assert.ok(files.length >= 5, `found ${files.length}`));
  for (const file of files) {
    test(path.relative(ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const { none, expected } = readExpectations(text);
      const result = check(text);
      assert.deepEqual(result.ruleFailures, [], 'no rule may throw');
      const actual = result.findings.map((f) => key({ line: f.range.start.line, ruleId: f.ruleId }));
      const want = expected.map(key);
      if (none) assert.deepEqual(result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId} ${f.message}`), []);
      assert.deepEqual([...new Set(actual)].sort(), [...new Set(want)].sort(), result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId} ${f.message}`).join('\n'));
    });
  }
});
