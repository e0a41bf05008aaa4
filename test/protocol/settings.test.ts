// Editor settings are validated field by field: a bad value is named in a Chinese message and
// replaced by its default while the good fields still apply.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, validateSettings } from '../../server/src/settings';
import { FailureLog } from '../../server/src/failureLog';
import { check } from '../../core/src/engine';
import type { Rule } from '../../core/src/rules/types';

describe('validateSettings', () => {
  test('no settings: the defaults, no problems', () => {
    assert.deepEqual(validateSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  test('good values are taken over', () => {
    const { settings, problems } = validateSettings({
      profile: 'gov-2019',
      rules: { 'table-balance': 'warning', 'part-missing': 'off' },
      detect: { enabled: false },
      debounceMs: 400,
      workspaceDiagnostics: { include: 'drafts/**' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      profile: 'gov-2019',
      rules: { 'table-balance': 'warning', 'part-missing': 'off' },
      detectEnabled: false,
      debounceMs: 400,
      workspaceDiagnostics: { enabled: true, include: 'drafts/**' },
    });
  });

  test('each bad value is reported and defaulted; the others still apply', () => {
    const { settings, problems } = validateSettings({ profile: 'gov-2021', rules: { 'table-balance': 'loud' }, debounceMs: -3 });
    assert.equal(settings.profile, 'gov-2021');
    assert.deepEqual(settings.rules, {});
    assert.equal(settings.debounceMs, DEFAULT_SETTINGS.debounceMs);
    assert.equal(problems.length, 2);
    assert.ok(problems.some((p) => p.includes('nianbao.rules')));
    assert.ok(problems.some((p) => p.includes('nianbao.debounceMs') && p.includes('-3')));
    assert.ok(problems.every((p) => /已使用默认值/.test(p)));
  });

  test('workspace diagnostics: a bad value is reported and the defaults apply; a partial one keeps the other default', () => {
    const bad = validateSettings({ workspaceDiagnostics: { include: 5, enabled: 'yes' } });
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0], /nianbao\.workspaceDiagnostics/);
    assert.deepEqual(bad.settings.workspaceDiagnostics, DEFAULT_SETTINGS.workspaceDiagnostics);
    assert.deepEqual(validateSettings({ workspaceDiagnostics: { enabled: false } }).settings.workspaceDiagnostics, { enabled: false, include: '**/*' });
  });

  test('fractional and huge debounce values are refused', () => {
    assert.equal(validateSettings({ debounceMs: 12.5 }).problems.length, 1);
    assert.equal(validateSettings({ debounceMs: 60_000 }).problems.length, 1);
  });

  test('a settings value that is not an object', () => {
    const r = validateSettings('on');
    assert.deepEqual(r.settings, DEFAULT_SETTINGS);
    assert.equal(r.problems.length, 1);
  });
});

describe('FailureLog', () => {
  test('a throwing rule is logged once, with its message, and the other rules still report', () => {
    const logged: string[] = [];
    const log = new FailureLog((m) => logged.push(m));
    const boom: Rule = {
      meta: { id: 'boom', title: '', titleEn: '', category: 'text' as const, defaultSeverity: 'error' as const, fixable: false, description: '' },
      check() {
        throw new Error('索引越界');
      },
    };
    const fine: Rule = {
      meta: { ...boom.meta, id: 'fine' },
      check(ctx) {
        ctx.report({ message: '照常报告', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
      },
    };
    for (let i = 0; i < 3; i++) {
      const r = check('一、总体情况\n', { rules: [boom, fine] });
      assert.deepEqual(r.findings.map((f) => f.message), ['照常报告'], 'the other rule still reports');
      log.report(r.ruleFailures);
    }
    assert.equal(logged.length, 1);
    assert.match(logged[0], /boom/);
    assert.match(logged[0], /索引越界/);
  });
});
