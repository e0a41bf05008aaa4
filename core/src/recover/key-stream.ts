// A stretch of source text in label form (half-width, no spaces, no punctuation), each character
// remembering its source offset, so that a row label or part title can be looked up in text that
// lost its line breaks and cell borders — and found again in the source, exactly.

import { labelCode } from '../text/normalize';

export interface KeyStream {
  /** The label-form characters. */
  keys: string;
  /** Source offset of each character of `keys`. */
  offsets: number[];
}

/**
 * The label form of source[from, to). With `titleForm`, also without the function words 的和及与 that
 * part titles drop and add freely (as titleKey compares them).
 */
export function keyStream(source: string, from: number, to: number, titleForm = false): KeyStream {
  let keys = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const code = labelCode(source.charCodeAt(i));
    if (code < 0) continue; // punctuation or space
    if (titleForm && (code === 0x7684 || code === 0x548c || code === 0x53ca || code === 0x4e0e)) continue; // 的和及与
    keys += String.fromCharCode(code);
    offsets.push(i);
  }
  return { keys, offsets };
}

/** Source offset just after the key characters [start, end) of the stream. */
export function sourceEnd(stream: KeyStream, end: number): number {
  return stream.offsets[end - 1] + 1;
}

/** Index in the stream of the first character at or after a source offset. */
export function streamIndexAt(stream: KeyStream, source: number): number {
  let lo = 0;
  let hi = stream.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stream.offsets[mid] < source) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
