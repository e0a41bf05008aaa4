// Every fixture under test/fixtures gives exactly the findings its inline markers name, on the
// lines they name: a correct report gives none, each planted defect gives its own.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, identityOfText, pairByIdentity, summarise, type PreviousReport } from '../../core/src/index';
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

/**
 * A fixture of series/ (one agency's reports over several years) is checked with its predecessor in
 * the same folder, found by the title as the CLI finds it: its cross-year markers need it.
 */
function previousOf(file: string): PreviousReport | undefined {
  const dir = path.dirname(file);
  if (path.basename(dir) !== 'series') return undefined;
  const siblings = listFixtures(dir);
  const pairs = pairByIdentity(siblings.map((f) => [f, identityOfText(fs.readFileSync(f, 'utf8'))] as const));
  const before = pairs.get(file);
  return before ? summarise(check(fs.readFileSync(before, 'utf8')), { file: path.basename(before) }) : undefined;
}

describe('fixtures', () => {
  const files = listFixtures(ROOT);
  test('there are fixtures to check', () => assert.ok(files.length >= 5, `found ${files.length}`));
  for (const file of files) {
    test(path.relative(ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const { none, expected } = readExpectations(text);
      const result = check(text, { previous: previousOf(file) });
      assert.deepEqual(result.ruleFailures, [], 'no rule may throw');
      // A finding that two rules made on the same words counts for both (engine: same-words.ts).
      const actual = result.findings.flatMap((f) =>
        [f.ruleId, ...((f.data?.alsoFoundBy as string[] | undefined) ?? [])].map((ruleId) => key({ line: f.range.start.line, ruleId })),
      );
      const want = expected.map(key);
      if (none) assert.deepEqual(result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId} ${f.message}`), []);
      assert.deepEqual([...new Set(actual)].sort(), [...new Set(want)].sort(), result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId} ${f.message}`).join('\n'));
    });
  }
});
