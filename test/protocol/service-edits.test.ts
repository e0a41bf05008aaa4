// Edits as the language service makes them: trimming them to what changes, and choosing
// non-overlapping fixes for "fix all". Offsets, positions and applying edits are
// vscode-languageserver-textdocument's; what is checked here is that the parser counts lines and
// columns the way that library (and so the server and the editor) does.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { minimizeEdit } from '../../core/src/service/edits';
import { fixAllEdits } from '../../core/src/service/codeActions';
import { check } from '../../core/src/engine';
import { parse } from '../../core/src/parse/parser';
import type { Rule } from '../../core/src/rules/types';
import { applyEdits } from '../support/textEdits';

const doc = (s: string) => TextDocument.create('file:///t.nianbao.md', 'nianbao', 0, s);

const text = '一、总体情况\r\n合计 149 件。\n二、主动公开\n';

describe('service edits', () => {
  test('the parser counts lines as the editor does (\\n, \\r\\n, a lone \\r)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('一', '、', 'a', ' ', '\n', '\r', '\r\n', '😀', '|'), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const lines = parse(s).lines;
        assert.equal(lines.length, doc(s).lineCount, JSON.stringify(s));
        lines.forEach((l, i) => assert.equal(doc(s).getText({ start: { line: i, character: 0 }, end: { line: i, character: l.length + 2 } }).replace(/[\r\n]+$/, ''), l));
      }),
    );
  });

  test('minimizeEdit keeps only the changed characters and the same result', () => {
    const whole = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, newText: '合计 136 件。' };
    const min = minimizeEdit(doc(text), whole);
    assert.deepEqual(min, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } }, newText: '36' });
    assert.equal(applyEdits(text, [min]), applyEdits(text, [whole]));
  });

  test('minimizeEdit never changes what an edit does (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(), fc.nat(), fc.string({ maxLength: 10 }), (s, a, b, repl) => {
        const start = Math.min(a, b) % (s.length + 1);
        const end = Math.max(a, b) % (s.length + 1);
        const [lo, hi] = start <= end ? [start, end] : [end, start];
        const d = doc(s);
        const edit = { range: { start: d.positionAt(lo), end: d.positionAt(hi) }, newText: repl };
        assert.equal(applyEdits(s, [minimizeEdit(d, edit)]), applyEdits(s, [edit]));
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
