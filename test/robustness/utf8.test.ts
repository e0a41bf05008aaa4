// The CLI's fast UTF-8 decoding (cli/src/utf8.ts) gives exactly what TextDecoder('utf-8', { fatal: true })
// gives, for any bytes: the same text, the byte order mark dropped alike, and a refusal where it throws.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strictUtf8 } from '../../cli/src/utf8';

const FATAL = new TextDecoder('utf-8', { fatal: true });
const SCALE = Number(process.env.NIANBAO_FUZZ_SCALE ?? 1);

function reference(bytes: Uint8Array): string | undefined {
  try {
    return FATAL.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes that are mostly UTF-8 of report-like text, with the edges that matter mixed in. */
const PIECES = ['共', '政府信息公开', '１２', 'abc', '\n', '\r\n', '\ufeff', '𠀀', '😀', '\u3000', '\u00a0', ''];
const textish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((a) => a.join(''));

describe('strict UTF-8 decoding', () => {
  test('edge cases agree with TextDecoder (fatal)', () => {
    const cases: number[][] = [
      [],
      [0xef, 0xbb, 0xbf], // a byte order mark alone
      [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41], // two: only the first is dropped
      [0xe4, 0xb8, 0xad, 0xff], // a stray byte
      [0xc0, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe4, 0xb8], // cut inside a character
      [0x00, 0x41, 0x0a],
    ];
    for (const c of cases) assert.equal(strictUtf8(new Uint8Array(c)), reference(new Uint8Array(c)), JSON.stringify(c));
    // A view into a larger buffer decodes only its own bytes.
    const whole = Buffer.from('前文政府信息公开后文');
    const view = whole.subarray(6, 24);
    assert.equal(strictUtf8(view), '政府信息公开');
  });

  test('any text, encoded, decodes back alike', () => {
    fc.assert(
      fc.property(textish, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        assert.equal(strictUtf8(bytes), reference(bytes));
      }),
      { numRuns: 500 * SCALE },
    );
  });

  test('any bytes: the same text or the same refusal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), textish, fc.nat(), (noise, text, at) => {
        const clean = Buffer.from(text, 'utf8');
        const cut = clean.length ? at % clean.length : 0;
        const bytes = Buffer.concat([clean.subarray(0, cut), noise, clean.subarray(cut)]);
        assert.equal(strictUtf8(bytes), reference(bytes));
        assert.equal(strictUtf8(noise), reference(noise));
      }),
      { numRuns: 1000 * SCALE },
    );
  });
});
