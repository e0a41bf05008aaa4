// nianbao.config.json and editor settings are data from an untrusted workspace: whatever they hold
// (not JSON, wrong types, `__proto__`, code-looking strings) the loader returns a usable config with
// problems in Chinese, never throws, never touches Object.prototype, and executes nothing.

import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../core/src/config/load';
import { check, type ResolvedConfig } from '../../core/src/index';
import { validateSettings } from '../../server/src/settings';
import { assertResultSound } from './invariants';
import { FIXTURES } from './mutations';

const RUNS = { json: 400, shaped: 400, settings: 300 };
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? Date.now() % 1_000_000);
console.log(`# config fuzz seed ${SEED}; runs ${JSON.stringify(RUNS)}`);
const params = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true, includeErrorInReport: true });

const DRAFT = fs.readFileSync(path.join(FIXTURES, 'correct', 'gov2021-city-2023.md'), 'utf8');
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'profile', 'rules', 'off', 'error']) {
    assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
  }
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
  assert.deepEqual(Object.keys(Object.prototype), []);
}

function assertUsable(config: ResolvedConfig, label: string): void {
  assert.ok(Array.isArray(config.problems), `${label}: problems array`);
  for (const p of config.problems) {
    assert.equal(typeof p.path, 'string');
    assert.ok(typeof p.message === 'string' && /[\u4e00-\u9fff]/.test(p.message), `${label}: problem message in Chinese: ${p.message}`);
  }
  for (const [id, s] of Object.entries(config.rules)) assert.ok(SEVERITIES.has(s), `${label}: rules.${id} = ${String(s)}`);
  assert.ok(config.profile === undefined || typeof config.profile === 'string');
  assert.ok(Array.isArray(config.extraProfiles));
}

afterEach(assertNoPollution);

describe('parseConfig on hostile files', () => {
  const cases: Array<[string, string]> = [
    ['not JSON', '{ profile: gov-2021 '],
    ['comments and trailing comma', '{\n  // 注释\n  "profile": "gov-2021",\n}'],
    ['binary', '\u0000\u0001\uFFFD{"a"'],
    ['empty', ''],
    ['BOM only', '\uFEFF'],
    ['top-level array', '[1, 2, 3]'],
    ['top-level string', '"gov-2021"'],
    ['null', 'null'],
    ['wrong types', '{"profile": 2021, "rules": ["off"], "profiles": {"id": "x"}}'],
    ['wrong severities', '{"rules": {"part-missing": "fatal", "table-balance": 0, "prose-sum": null, "no-such-rule": "off"}}'],
    ['profiles of wrong shape', '{"profiles": [1, "x", null, {"id": 5}, {"id": "p", "name": "n", "extends": "nope"}, {"id": "gov-2021", "name": "n", "extends": "gov-2021"}]}'],
    // Regression: sanitize() recursed once per level and overflowed the stack.
    ['deep nesting', '{"profiles": ' + '['.repeat(5000) + ']'.repeat(5000) + '}'],
    ['deep object nesting', '{"rules": ' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}'],
    ['huge string', JSON.stringify({ profile: 'x'.repeat(1_000_000) })],
  ];
  for (const [name, text] of cases) {
    test(name, () => {
      const config = parseConfig(text);
      assertUsable(config, name);
      assert.ok(config.problems.length > 0, `${name}: the writer is told what is wrong`);
      assertResultSound(DRAFT, check(DRAFT, { config }), `${name} config`);
    });
  }

  test('not JSON: one problem, saying so', () => {
    const config = parseConfig('{\n  "profile": "gov-2021",\n  "rules": { "part-missing": off }\n}');
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0].message, /不是有效的 JSON/);
    // Node 20's JSON.parse names no position for an unexpected token, so the line is given only when known.
    const line = /第 (\d+) 行/.exec(config.problems[0].message);
    if (line) assert.equal(line[1], '3');
    else console.log('# note: the invalid-JSON message names no line: ' + config.problems[0].message);
  });

  test('__proto__, constructor and prototype keys pollute nothing', () => {
    const texts = [
      '{"__proto__": {"polluted": "yes"}}',
      '{"rules": {"__proto__": {"polluted": "yes"}, "part-missing": "off"}}',
      '{"rules": {"__proto__": "off"}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"profiles": [{"id": "p1", "name": "n", "extends": "gov-2021", "__proto__": {"polluted": 1}, "parts": [{"id": "x", "title": "t", "__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 2}}}]}]}',
      '{"profile": "auto", "__proto__": {"profile": "legacy", "rules": {"part-missing": "off"}}}',
    ];
    for (const text of texts) {
      const config = parseConfig(text);
      assertUsable(config, text);
      assertNoPollution();
      assert.ok(config.problems.some((p) => /__proto__|constructor/.test(p.path)), `${text}: the forbidden key is reported`);
      // The forbidden key changed no setting.
      assert.notEqual(config.profile, 'legacy');
      assert.ok(!Object.prototype.hasOwnProperty.call(config.rules, '__proto__'));
      const r = check(DRAFT, { config });
      assertResultSound(DRAFT, r, text);
      assert.equal(r.findings.length, 0, `${text}: the consistent fixture stays clean`);
    }
    // And the allowed sibling still applied.
    assert.equal(parseConfig(texts[1]).rules['part-missing'], 'off');
  });

  test('code-looking strings are data: nothing runs', () => {
    const marker = path.join(os.tmpdir(), `nianbao-pwned-${process.pid}`);
    const code = `require('child_process').execSync('touch ${marker}')`;
    const evil = `(() => { globalThis.nianbaoPwned = 1; ${code} })()`;
    const text = JSON.stringify({
      profile: evil,
      rules: { [evil]: 'off', 'part-missing': evil },
      profiles: [
        {
          id: 'evil-profile',
          name: evil,
          extends: 'gov-2021',
          description: '${' + code + '}',
          parts: [{ id: 'p', title: evil, aliases: [code, '`${' + code + '}`'], keywords: [[code]], template: '{{' + code + '}}', guidance: evil }],
        },
      ],
    });
    const config = parseConfig(text);
    assertUsable(config, 'evil');
    const draft = `<!-- nianbao-profile: ${code} -->\n<!-- nianbao-disable ${evil} -->\n${DRAFT}\n${evil}\n`;
    for (const profile of [undefined, 'evil-profile', evil]) {
      const r = check(draft, { config: { ...config, profile }, profile });
      assertResultSound(draft, r, `evil ${profile}`);
    }
    assert.equal((globalThis as Record<string, unknown>).nianbaoPwned, undefined, 'no code from the config ran');
    assert.equal(fs.existsSync(marker), false, 'no child process ran');
  });
});

describe('fuzzed config files', () => {
  test(`arbitrary JSON values (${RUNS.json} runs)`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const config = parseConfig(JSON.stringify(v) ?? 'null');
        assertUsable(config, 'json');
      }),
      params(RUNS.json),
    );
  });

  test(`config-shaped objects with wrong types and forbidden keys (${RUNS.shaped} runs)`, () => {
    const key = fc.constantFrom('profile', 'rules', 'profiles', 'id', 'name', 'extends', 'parts', 'title', 'aliases', 'keywords', 'position', 'after', 'before', 'tables', '__proto__', 'constructor', 'prototype', 'part-missing', 'table-balance', 'toString', 'hasOwnProperty');
    const leaf = fc.oneof(fc.constantFrom('gov-2021', 'gov-2019', 'legacy', 'generic', 'auto', 'off', 'error', 'warning', 'fatal', '', 'problems', 'overview', 'table-2'), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 10 }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 5 })),
    }));
    // fc.dictionary builds with Object.defineProperty-like semantics; JSON text keeps __proto__ as an own key.
    const top = fc.dictionary(key, value, { maxKeys: 6 }).map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(top, (text) => {
        const config = parseConfig(text);
        assertUsable(config, text);
        assertNoPollution();
        const r = check(DRAFT.slice(0, 2000), { config });
        assert.deepEqual(r.ruleFailures, []);
      }),
      params(RUNS.shaped),
    );
  });

  test(`editor settings of any shape (${RUNS.settings} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('profile', 'rules', 'detect', 'debounceMs', '__proto__'), fc.anything())), (raw) => {
        const { settings, problems } = validateSettings(raw);
        assert.ok(Array.isArray(problems));
        assert.equal(typeof settings.profile, 'string');
        assert.ok(Number.isInteger(settings.debounceMs) && settings.debounceMs >= 0 && settings.debounceMs <= 5000);
        for (const s of Object.values(settings.rules)) assert.ok(SEVERITIES.has(s));
        assertNoPollution();
      }),
      params(RUNS.settings),
    );
    const { settings } = validateSettings(JSON.parse('{"rules": {"__proto__": {"polluted": 1}}, "debounceMs": -5}'));
    assert.equal(settings.debounceMs, 150);
    assertNoPollution();
  });
});
