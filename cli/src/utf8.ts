// Strict UTF-8 decoding, fast. A big folder decodes every file twice (its head for the cross-year
// pairing, then all of it), and for Chinese text TextDecoder (V8's UTF-8 decoding) took 8–10 ms per
// MB on the 2-core machine of docs/benchmarks.md; ICU's transcoder (buffer.transcode) to UTF-16
// took about a fifth of that. The bytes are validated first (simdutf), so the text is
// exactly what TextDecoder('utf-8', { fatal: true }) gives, a leading byte order mark dropped as it does.

import { isAscii, isUtf8, transcode } from 'node:buffer';

const FALLBACK = new TextDecoder('utf-8');

/** The text of `bytes` read as UTF-8, or undefined when they are not well-formed UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Pure ASCII: one byte per character, and V8 keeps a one-byte string (half the memory).
  if (isAscii(buf)) return buf.toString('latin1');
  let text: string;
  try {
    text = transcode(buf, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU has no transcoder; the bytes are valid, so this decodes alike.
    text = FALLBACK.decode(buf);
    return text; // TextDecoder has dropped the byte order mark itself
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
