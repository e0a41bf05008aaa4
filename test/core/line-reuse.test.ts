// Per-line results kept between the checks of an editor session (core/src/line-reuse.ts): they are
// always what computing every line afresh gives, and after a keystroke only the changed lines are
// computed again.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CheckCache } from '../../core/src/check-cache';
import { createCheckSession } from '../../core/src/session';
import { resultsByLine } from '../../core/src/line-reuse';

const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? Date.now() % 1_000_000);

/** A stand-in for a line scan: what the line holds, as a fresh object each time. */
const describeLine = (line: string) => ({ length: line.length, digits: line.replace(/\D/g, '') });

/** One edit of a document as an editor makes it: a line changed, inserted or deleted. */
const edit = fc.record({ kind: fc.constantFrom('change', 'insert', 'delete'), at: fc.nat(), text: fc.constantFrom('', '共1条', '表格|1|', '二、', 'x') });

function applyEdit(lines: string[], e: { kind: string; at: number; text: string }): string[] {
  const out = lines.slice();
  const at = out.length ? e.at % (out.length + (e.kind === 'insert' ? 1 : 0)) : 0;
  if (e.kind === 'insert' || out.length === 0) out.splice(at, 0, e.text);
  else if (e.kind === 'delete') out.splice(at, 1);
  else out[at] = out[at] + e.text;
  return out;
}

describe('results by line in an editor session', () => {
  test('along any edits, the same results as every line computed afresh', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', '一、总体情况', '共12条', '| 1 | 2 |', '其中3条'), { maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 15 }), (start, edits) => {
        const session = createCheckSession();
        const owner = {};
        let lines: string[] = start;
        const checkOnce = () => {
          session.advance();
          const kept = resultsByLine(new CheckCache(session), owner, lines, describeLine);
          assert.deepEqual(kept, lines.map(describeLine));
        };
        checkOnce();
        for (const e of edits) {
          lines = applyEdit(lines, e);
          checkOnce();
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  test('a keystroke computes only the line it changed; without a session every line is computed', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `第${i}行`);
    const session = createCheckSession();
    const owner = {};
    let computed = 0;
    const counting = (line: string) => {
      computed++;
      return line.length;
    };
    const run = (text: string[], withSession: boolean) => {
      if (withSession) session.advance();
      computed = 0;
      resultsByLine(new CheckCache(withSession ? session : undefined), owner, text, counting);
      return computed;
    };
    assert.equal(run(lines, true), 1000);
    const typed = lines.slice();
    typed[500] += '的';
    assert.equal(run(typed, true), 1);
    // Enter: one line more, every line below it moved down one.
    const entered = [...typed.slice(0, 300), '', ...typed.slice(300)];
    assert.equal(run(entered, true), 1);
    assert.equal(run(entered, false), 1001);
  });

  test('two uses with different owners never see each other\'s results', () => {
    const session = createCheckSession();
    session.advance();
    const cache = new CheckCache(session);
    const lines = ['a', 'bb'];
    assert.deepEqual(resultsByLine(cache, {}, lines, (l) => l.length), [1, 2]);
    assert.deepEqual(resultsByLine(cache, {}, lines, (l) => l.toUpperCase()), ['A', 'BB']);
  });
});
