// normalizeLabel is one pass over the codes; it must give what its definition says: full-width
// ASCII to half-width, the ideographic space to a space, then every space and punctuation mark
// dropped (the regex form it replaced, kept here as the reference).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DROPPED_CHARACTERS, normalizeLabel, toHalfWidth } from '../../core/src/text/normalize';

const DROP = new RegExp(`[${DROPPED_CHARACTERS.replace(/[\\\][^-]/g, '\\$&')}]`, 'g');
const reference = (s: string) => toHalfWidth(s).replace(DROP, '');

// Characters labels are written in, and the ones the function treats specially.
const ALPHABET = [...'（一）(1)、，,。：；“”商业企业总计其中 　\t\u00a0１２３ＡＢ～｜／.．-—…', ...DROPPED_CHARACTERS, '😀', 'a', '5'];

test('normalizeLabel equals its definition on random labels', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
      const s = chars.join('');
      assert.equal(normalizeLabel(s), reference(s));
    }),
    { numRuns: 2000 },
  );
});

test('normalizeLabel on labels of the national tables', () => {
  for (const s of ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3.危及“三安全一稳定”', '商业 企业', '总计', '']) assert.equal(normalizeLabel(s), reference(s));
});

test('normalizeLabel equals its definition on long texts (a whole document, built in a buffer)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 400, maxLength: 20_000 }), (chars) => {
      const s = chars.join('');
      assert.equal(normalizeLabel(s), reference(s));
    }),
    { numRuns: 60 },
  );
  // Past one piece of the buffer (8,192 codes kept), with a lone surrogate kept as it is.
  const long = `${'政府信息公开，'.repeat(3000)}\ud800（一）`;
  assert.equal(normalizeLabel(long), reference(long));
});
