// The pull diagnostics' bookkeeping on its own (server/src/pullDiagnostics.ts): which answers are
// `unchanged`, and the comparison of two diagnostics lists that decides it after an edit.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DocumentResults, sameDiagnostics } from '../../server/src/pullDiagnostics';

const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
const diagnostic = (): Diagnostic => ({
  range: range(3, 2, 5),
  severity: 1,
  code: 'table-sum',
  codeDescription: { href: 'file:///docs/rules.md#table-sum' },
  source: 'nianbao',
  message: '合计应为 14',
  relatedInformation: [{ location: { uri: 'file:///a.nianbao.md', range: range(2, 0, 1) }, message: '参与计算' }],
  data: { index: 0 },
});

describe('pull diagnostics bookkeeping', () => {
  test('sameDiagnostics: equal copies are the same; a change in any field is not', () => {
    assert.ok(sameDiagnostics([diagnostic(), diagnostic()], [diagnostic(), diagnostic()]));
    assert.ok(!sameDiagnostics([diagnostic()], [diagnostic(), diagnostic()]));
    const changes: ((d: Diagnostic) => void)[] = [
      (d) => (d.range.end.character = 6),
      (d) => (d.severity = 2),
      (d) => (d.code = 'table-balance'),
      (d) => (d.codeDescription = { href: 'file:///docs/rules.md#x' }),
      (d) => (d.source = 'other'),
      (d) => (d.message = '合计应为 15'),
      (d) => (d.tags = [1]),
      (d) => (d.relatedInformation![0].location.range.start.line = 1),
      (d) => (d.relatedInformation![0].message = '另一处'),
      (d) => (d.relatedInformation = undefined),
      (d) => (d.data = { index: 1 }),
    ];
    for (const [i, change] of changes.entries()) {
      const d = diagnostic();
      change(d);
      assert.ok(!sameDiagnostics([diagnostic()], [d]), `change ${i} is noticed`);
    }
  });

  test('DocumentResults: unchanged for the held id; full with a new id when the diagnostics or the generation change', () => {
    const results = new DocumentResults('n');
    const uri = 'file:///a.nianbao.md';
    const first = results.report(uri, 1, 0, undefined, () => [diagnostic()]);
    assert.equal(first.kind, 'full');
    assert.deepEqual(results.report(uri, 1, 0, first.resultId, () => assert.fail('not recomputed for the same version')), { kind: 'unchanged', resultId: first.resultId });
    assert.deepEqual(results.report(uri, 2, 0, first.resultId, () => [diagnostic()]), { kind: 'unchanged', resultId: first.resultId }, 'an edit with the same diagnostics');
    const moved = results.report(uri, 3, 0, first.resultId, () => [{ ...diagnostic(), range: range(4, 2, 5) }]);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    const resettled = results.report(uri, 3, 1, moved.resultId, () => [{ ...diagnostic(), range: range(4, 2, 5) }]);
    assert.equal(resettled.kind, 'full', 'a new settings generation');
    assert.notEqual(resettled.resultId, moved.resultId);
    results.forget(uri);
    assert.equal(results.report(uri, 3, 1, resettled.resultId, () => []).kind, 'full', 'forgotten on close');
  });
});
