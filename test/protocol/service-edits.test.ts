// Edits as the language service makes them: applying them, trimming them to what changes, and
// choosing non-overlapping fixes for "fix all".

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, minimizeEdit, offsetAt, positionAt } from '../../core/src/service/edits';
import { fixAllEdits } from '../../core/src/service/codeActions';
import { check } from '../../core/src/engine';
import type { Rule } from '../../core/src/rules/types';

const text = '一、总体情况\r\n合计 149 件。\n二、主动公开\n';

describe('service edits', () => {
  test('positions and offsets round-trip over \\r\\n and \\n lines', () => {
    for (let o = 0; o <= text.length; o++) {
      const p = positionAt(text, o);
      // An offset inside a \r\n pair has no position of its own; LSP clients map it to the line end.
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(offsetAt(text, p), o, `offset ${o}`);
    }
  });

  test('applyEdits applies several edits against the original text', () => {
    const out = applyEdits(text, [
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } }, newText: '136' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# 标题\n' },
    ]);
    assert.equal(out, '# 标题\n一、总体情况\r\n合计 136 件。\n二、主动公开\n');
  });

  test('minimizeEdit keeps only the changed characters and the same result', () => {
    const whole = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, newText: '合计 136 件。' };
    const min = minimizeEdit(text, whole);
    assert.deepEqual(min, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } }, newText: '36' });
    assert.equal(applyEdits(text, [min]), applyEdits(text, [whole]));
  });

  test('minimizeEdit never changes what an edit does (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(), fc.nat(), fc.string({ maxLength: 10 }), (s, a, b, repl) => {
        const start = Math.min(a, b) % (s.length + 1);
        const end = Math.max(a, b) % (s.length + 1);
        const [lo, hi] = start <= end ? [start, end] : [end, start];
        const edit = { range: { start: positionAt(s, lo), end: positionAt(s, hi) }, newText: repl };
        assert.equal(applyEdits(s, [minimizeEdit(s, edit)]), applyEdits(s, [edit]));
      }),
    );
  });

  test('fix all takes preferred fixes in order and skips one that overlaps an earlier one', () => {
    const fixer: Rule = {
      meta: { id: 'demo-fix', title: '演示', titleEn: 'demo', category: 'text', defaultSeverity: 'warning', fixable: true, description: '' },
      check(ctx) {
        const at = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
        ctx.report({ message: 'a', range: at(1, 3, 6), fix: { title: 'a', preferred: true, edits: [{ range: at(1, 3, 6), newText: '136' }] } });
        ctx.report({ message: 'b', range: at(1, 4, 6), fix: { title: 'b', preferred: true, edits: [{ range: at(1, 4, 6), newText: '00' }] } });
        ctx.report({ message: 'c', range: at(0, 0, 2), fix: { title: 'c', edits: [{ range: at(0, 0, 2), newText: '1.' }] } });
        ctx.report({ message: 'd', range: at(2, 0, 2), fix: { title: 'd', preferred: true, edits: [{ range: at(2, 0, 2), newText: '三、' }] } });
      },
    };
    const result = check(text, { rules: [fixer] });
    const out = applyEdits(text, fixAllEdits(result));
    assert.equal(out, '一、总体情况\r\n合计 136 件。\n三、主动公开\n');
  });
});
