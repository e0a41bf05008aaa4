import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, resolveConfig } from '../../core/src/config/load';
import { SEVERITY_VALUES } from '../../core/src/config/schema';
import { ALL_RULES } from '../../core/src/rules/index';
import { configJsonSchema, SCHEMA_FILE } from '../../scripts/gen-config-schema';
import { GOV2021 } from '../../core/src/profiles/index';
import { check } from '../../core/src/engine';
import { rule as partMissing } from '../../core/src/rules/part-missing';
import { draft2021 } from './drafts';

const paths = (c: { problems: { path: string }[] }) => c.problems.map((p) => p.path);

describe('parseConfig', () => {
  test('a valid file: profile, rule severities, no problems', () => {
    const c = parseConfig(JSON.stringify({ profile: 'gov-2019', rules: { 'part-title': 'off', 'fee-statement': 'error' } }));
    assert.equal(c.profile, 'gov-2019');
    assert.deepEqual(c.rules, { 'part-title': 'off', 'fee-statement': 'error' });
    assert.deepEqual(c.problems, []);
  });

  test('"auto" is accepted as the profile', () => {
    assert.equal(parseConfig('{"profile":"auto"}').profile, 'auto');
  });

  test('not JSON: one problem with the place, defaults kept, no throw', () => {
    const c = parseConfig('{\n  "profile": "gov-2021",\n}', 'ws/nianbao.config.json');
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /ws\/nianbao\.config\.json 不是有效的 JSON（第 3 行第 1 列附近）/);
    assert.equal(c.profile, undefined);
    assert.deepEqual(c.rules, {});
  });

  test('an empty file and a BOM are handled', () => {
    assert.equal(parseConfig('').problems.length, 1);
    assert.deepEqual(parseConfig('\uFEFF{"profile":"legacy"}').problems, []);
  });

  test('top level must be an object', () => {
    const c = parseConfig('[1,2]');
    assert.deepEqual(paths(c), ['']);
    assert.match(c.problems[0].message, /顶层应为 JSON 对象/);
  });

  test('an unknown severity is reported at rules.<id>, the valid settings are kept', () => {
    const c = parseConfig(JSON.stringify({ rules: { 'part-missing': 'fatal', 'part-order': 'hint' } }));
    assert.deepEqual(paths(c), ['rules.part-missing']);
    assert.match(c.problems[0].message, /「rules\.part-missing」的级别应为 "error"、"warning"、"info"、"hint"、"off" 之一，实际为 "fatal"/);
    assert.deepEqual(c.rules, { 'part-order': 'hint' });
  });

  test('an unknown rule id is a problem, not a crash', () => {
    const c = parseConfig(JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    assert.deepEqual(paths(c), ['rules.no-such-rule']);
    assert.match(c.problems[0].message, /未知的规则 id「no-such-rule」/);
    assert.deepEqual(c.rules, {});
  });

  test('wrong types name the field', () => {
    const c = parseConfig(JSON.stringify({ profile: 3, rules: [], profiles: {} }));
    assert.deepEqual(paths(c).sort(), ['profile', 'profiles', 'rules']);
    assert.match(c.problems.find((p) => p.path === 'profile')!.message, /应为字符串.*数字 3/);
  });

  test('an unknown profile id is a problem and selection stays automatic', () => {
    const c = parseConfig('{"profile":"gov-2031"}');
    assert.equal(c.profile, undefined);
    assert.deepEqual(paths(c), ['profile']);
  });

  test('__proto__ keys are refused and never reach a prototype', () => {
    const c = parseConfig('{"__proto__": {"polluted": true}, "rules": {"__proto__": "off", "part-order": "off"}}');
    assert.deepEqual(paths(c).sort(), ['__proto__', 'rules.__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(c.rules), Object.prototype);
    assert.deepEqual(c.rules, { 'part-order': 'off' });
  });

  test('unknown top-level keys are reported', () => {
    assert.deepEqual(paths(parseConfig('{"rule": {}}')), ['rule']);
  });
});

describe('config profiles', () => {
  const province = {
    id: 'prov-2021',
    name: '本省 2021 年格式',
    extends: 'gov-2021',
    parts: [
      {
        id: 'assessment',
        title: '政务公开工作考核情况',
        aliases: ['政务公开考核情况'],
        keywords: [['考核']],
        guidance: '报告本年度政务公开工作考核的结果。',
        position: { after: 'problems' },
      },
      { id: 'problems', aliases: ['问题与改进'] },
    ],
  };

  test('extends a built-in, adds a part at its position and overrides fields of another', () => {
    const c = resolveConfig({ profiles: [province] });
    assert.deepEqual(c.problems, []);
    const p = c.extraProfiles[0];
    assert.equal(p.id, 'prov-2021');
    assert.deepEqual(p.parts.map((x) => x.id), ['overview', 'proactive', 'requests', 'review', 'problems', 'assessment', 'other']);
    assert.equal(p.parts[5].template, '<!-- 报告本年度政务公开工作考核的结果。 -->\n');
    assert.deepEqual(p.parts[4].aliases, ['问题与改进']);
    assert.equal(p.parts[4].title, GOV2021.parts[4].title);
    assert.equal(p.tables, GOV2021.tables);
    // The built-in profile is untouched.
    assert.equal(GOV2021.parts.length, 6);
    assert.notDeepEqual(GOV2021.parts[4].aliases, ['问题与改进']);
  });

  test('a config part is required by part-missing like a statutory one', () => {
    const config = resolveConfig({ profile: 'prov-2021', profiles: [province] });
    const r = check(draft2021(), { config, rules: [partMissing] });
    assert.equal(r.choice.profile.id, 'prov-2021');
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].message, /缺少第六部分「六、政务公开工作考核情况」/);
  });

  test('bad entries give precise paths and keep the rest', () => {
    const c = resolveConfig({
      profiles: [
        { id: 'a', name: 'A', extends: 'gov-2040' },
        { id: 'b', name: 'B', extends: 'gov-2021', parts: [{ id: 'x', title: 5 }, { id: 'y', title: '新增部分', keywords: [[]] }, { id: 'z', title: '第三', position: { after: 'nope' } }, { title: '无 id' }] },
        { id: 'gov-2021', name: 'C', extends: 'gov-2021' },
        { name: 'D', extends: 'gov-2021', colour: 'red' },
      ],
    });
    const ps = paths(c);
    assert.ok(ps.includes('profiles.0.extends'));
    assert.ok(ps.includes('profiles.1.parts.0.title'));
    assert.ok(ps.includes('profiles.1.parts.1.keywords.0'));
    assert.ok(ps.includes('profiles.1.parts.2.position.after'));
    assert.ok(ps.includes('profiles.1.parts.3.id'));
    assert.ok(ps.includes('profiles.2.id'));
    assert.ok(ps.includes('profiles.3.id'));
    assert.ok(ps.includes('profiles.3.colour'));
    assert.deepEqual(c.extraProfiles.map((p) => p.id), ['b']);
    assert.deepEqual(c.extraProfiles[0].parts.slice(-1).map((p) => p.id), ['z']);
    for (const p of c.problems) assert.match(p.message, /[\u4e00-\u9fff]/, 'messages are Chinese');
  });

  test('nothing in the config is executed: a template is inserted as plain text', () => {
    const c = resolveConfig({ profiles: [{ id: 'p', name: 'P', extends: 'gov-2021', parts: [{ id: 'other', template: '${process.exit(1)}' }] }] });
    assert.equal(c.extraProfiles[0].parts[5].template, '${process.exit(1)}');
  });
});

describe('one list of rules and severities for the manifest, the schema and the core', () => {
  const REPO = path.join(__dirname, '..', '..', '..');
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const rulesSetting = manifest.contributes.configuration.properties['nianbao.rules'];

  test('the nianbao.rules setting names exactly the rules there are, with the core\'s severities', () => {
    assert.deepEqual(rulesSetting.propertyNames.enum, ALL_RULES.map((r) => r.meta.id));
    assert.deepEqual(rulesSetting.additionalProperties.enum, [...SEVERITY_VALUES]);
  });

  test('schemas/nianbao.config.schema.json is generated from the zod schema and is fresh', () => {
    const committed = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as { properties: { rules: { propertyNames: { enum: string[] } } } };
    assert.deepEqual(committed, configJsonSchema(), 'run node out/scripts/gen-config-schema.js');
    assert.deepEqual(committed.properties.rules.propertyNames.enum, ALL_RULES.map((r) => r.meta.id));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'nianbao.config.json', url: './schemas/nianbao.config.schema.json' }]);
  });

  test('a config file the checker accepts is valid under the schema, and one it rejects is not', async () => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    const good = { profile: 'gov-2021', rules: { 'fee-statement': 'info', 'part-title': 'off' }, profiles: [{ id: 'p-1', name: '某省格式', extends: 'gov-2021', parts: [{ id: 'assessment', title: '考核情况' }] }] };
    assert.equal(validate(good), true, JSON.stringify(validate.errors));
    assert.deepEqual(resolveConfig(good).problems, []);
    const bad = { rules: { 'no-such-rule': 'error', 'fee-statement': 'loud' } };
    assert.equal(validate(bad), false);
    assert.ok(resolveConfig(bad).problems.length >= 2);
  });
});
