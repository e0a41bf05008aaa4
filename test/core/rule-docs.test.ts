import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ALL_RULES } from '../../core/src/rules/index';
import { renderRuleDocs, RULE_DOCS_PATH } from '../../scripts/gen-rule-docs';

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

test('docs/rules.md is generated from the current metadata (run: node out/scripts/gen-rule-docs.js)', () => {
  assert.equal(fs.readFileSync(RULE_DOCS_PATH, 'utf8'), renderRuleDocs(ALL_RULES));
});
