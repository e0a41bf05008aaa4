import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/engine';
import { ALL_RULES } from '../../core/src/rules/index';
import { ruleDocUrl, RULE_DOCS_URL } from '../../core/src/service/diagnostics';
import { ruleDocFiles, RULE_PAGES_DIR } from '../../scripts/gen-rule-docs';
import { exampleText, RULE_EXAMPLES } from '../../scripts/rule-examples';

test('every rule has complete metadata and a unique kebab-case id', () => {
  const ids = new Set<string>();
  for (const { meta } of ALL_RULES) {
    assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
    assert.ok(!ids.has(meta.id), `duplicate id ${meta.id}`);
    ids.add(meta.id);
    assert.match(meta.title, /[\u4e00-\u9fff]/, `${meta.id}: Chinese title`);
    assert.ok(meta.titleEn && meta.description.length > 10, `${meta.id}: English title and description`);
  }
});

test('docs/rules.md and docs/rules/<id>.md are generated from the current metadata (run: node out/scripts/gen-rule-docs.js)', () => {
  const files = ruleDocFiles(ALL_RULES);
  for (const [file, text] of files) {
    assert.ok(fs.existsSync(file), `${path.relative(process.cwd(), file)} is missing`);
    assert.equal(fs.readFileSync(file, 'utf8'), text, `${file} is stale`);
  }
  const stale = fs.readdirSync(RULE_PAGES_DIR).filter((f) => !files.has(path.join(RULE_PAGES_DIR, f)));
  assert.deepEqual(stale, [], 'pages of rules that no longer exist');
});

test('every rule has examples: the incorrect one gives findings of that rule only, the corrected one none', () => {
  for (const { meta } of ALL_RULES) {
    const example = RULE_EXAMPLES[meta.id];
    assert.ok(example, `${meta.id}: no example in scripts/rule-examples.ts`);
    if ('none' in example) {
      assert.ok(example.none.length > 20, `${meta.id}: say why there is no example`);
      continue;
    }
    const bad = check(exampleText(example, 'incorrect')).findings;
    assert.ok(bad.length > 0, `${meta.id}: the incorrect example gives no finding`);
    assert.deepEqual([...new Set(bad.map((f) => f.ruleId))], [meta.id], `${meta.id}: incorrect example`);
    const good = check(exampleText(example, 'correct')).findings;
    assert.deepEqual(good.map((f) => `${f.ruleId}: ${f.message}`), [], `${meta.id}: corrected example`);
  }
  assert.deepEqual(Object.keys(RULE_EXAMPLES).filter((id) => !ALL_RULES.some((r) => r.meta.id === id)), [], 'examples of unknown rules');
});

test("a diagnostic's rule link opens the rule's own page", () => {
  assert.equal(ruleDocUrl('table-balance'), `${RULE_DOCS_URL}table-balance.md`);
  assert.equal(ruleDocUrl('table-balance', 'file:///ext/docs/rules/'), 'file:///ext/docs/rules/table-balance.md');
  for (const { meta } of ALL_RULES) assert.ok(fs.existsSync(path.join(RULE_PAGES_DIR, `${meta.id}.md`)), meta.id);
});
