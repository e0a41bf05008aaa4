// Bytes → text. Drafts come as UTF-8 (with or without BOM), UTF-16 from Windows tools (with or
// without BOM), or GB18030 from older Chinese Office installs. Each encoding is taken only when the
// bytes say so clearly: a UTF-8 draft with a stray byte stays UTF-8 (the byte becomes U+FFFD and
// the writer is told where), and bytes that are none of these are a failure of that file, never
// a page of garbage checked as if it were a report.

import { strictUtf8 } from './utf8';

export type Decoded =
  | {
      ok: true;
      text: string;
      /** Set when the file was not plain UTF-8, or needed replacement characters. */
      note?: string;
    }
  | { ok: false; message: string };

// Decoders are stateless between calls (no `stream: true`): one of each is enough.
const UTF8_LENIENT = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/** Share of plausible text characters a decoding must reach to be taken without a BOM. */
const PLAUSIBLE = 0.95;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: UTF16LE.decode(bytes.subarray(2)), note: '按 UTF-16LE 编码读取' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: UTF16BE.decode(bytes.subarray(2)), note: '按 UTF-16BE 编码读取' };
  // UTF-16 without a BOM: its ASCII characters (line breaks at least) carry a NUL byte each, and
  // its Chinese characters are rarely valid UTF-8. Real UTF-8 drafts hold no NUL at all.
  const hasNul = bytes.indexOf(0) >= 0;
  if (hasNul) {
    const utf16 = utf16WithoutBom(bytes, false);
    if (utf16) return utf16;
  }
  const utf8 = strictUtf8(bytes); // a UTF-8 BOM is dropped
  if (utf8 !== undefined) return { ok: true, text: utf8 };
  // Not clean UTF-8: look closer.
  // Chinese-only UTF-16 (no ASCII, so no line breaks either): rarely valid UTF-8, mostly Han.
  const chinese = utf16WithoutBom(bytes, true);
  if (chinese) return chinese;
  const shape = utf8Shape(bytes);
  // Mostly well-formed UTF-8 with a few bad bytes (a truncated copy, one stray byte): UTF-8.
  if (shape.multibyte > 0 && shape.invalid * 20 <= shape.multibyte) {
    const text = UTF8_LENIENT.decode(bytes);
    const line = lineOfFirstReplacement(text);
    return { ok: true, text, note: `文件含有 ${shape.invalid} 处无效的 UTF-8 字节（第一处在第 ${line} 行），已用替换字符（�）代替` };
  }
  const gb = gb18030(bytes);
  if (gb) return { ok: true, text: gb, note: '文件不是 UTF-8 编码，已按 GB18030 读取' };
  return { ok: false, message: '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030 文本，可能是二进制文件），未检查' };
}

function utf16WithoutBom(bytes: Uint8Array, withoutAscii: boolean): Decoded | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  // ASCII in UTF-16LE has its NUL at odd offsets (a, 0), in UTF-16BE at even ones (0, a).
  let zeroAtEven = 0;
  let zeroAtOdd = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) {
    if (i % 2 === 0) zeroAtEven++;
    else zeroAtOdd++;
  }
  const le = withoutAscii || zeroAtOdd > zeroAtEven ? utf16Score(UTF16LE.decode(bytes), withoutAscii) : 0;
  const be = withoutAscii || zeroAtEven > zeroAtOdd ? utf16Score(UTF16BE.decode(bytes), withoutAscii) : 0;
  if (le >= PLAUSIBLE && le > be) return { ok: true, text: UTF16LE.decode(bytes), note: '文件没有字节顺序标记，按 UTF-16LE 编码读取' };
  if (be >= PLAUSIBLE && be > le) return { ok: true, text: UTF16BE.decode(bytes), note: '文件没有字节顺序标记，按 UTF-16BE 编码读取' };
  return undefined;
}

/**
 * How much `text` (bytes read as UTF-16) looks like a report. Read in the wrong order, ASCII pairs
 * become Han characters too ("he" → 桥), but rare ones: the Han characters of real text are
 * mostly common ones. A file without NUL bytes has no ASCII at all and must be mostly Han.
 */
function utf16Score(text: string, withoutAscii: boolean): number {
  const p = plausibility(text);
  if (p < PLAUSIBLE) return 0;
  const han = hanStats(text);
  if (han.count > 0 && han.common < COMMON_HAN * han.count) return 0;
  if (withoutAscii && han.count < 0.5 * text.length) return 0;
  return p;
}

function gb18030(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // GB18030 maps almost every byte sequence to some character; only text that reads as Chinese
  // (mostly common Han characters, punctuation, ASCII) is taken for it.
  const han = hanStats(text);
  return plausibility(text) >= PLAUSIBLE && han.count > 0 && han.common >= COMMON_HAN * han.count ? text : undefined;
}

/** Well-formed multi-byte sequences and invalid bytes in `bytes` read as UTF-8. */
function utf8Shape(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Share of characters that ordinary report text is made of (CJK, ASCII, punctuation, line breaks). */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0x2bff) || // Latin, general punctuation, symbols
      (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      c === 0xfeff
    ) {
      good++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        good += 2; // an astral character (emoji, rare Han)
        i++;
      }
    }
  }
  return good / text.length;
}

/** Share of the Han characters of real Chinese text found among the 3,755 most common ones. */
const COMMON_HAN = 0.8;
let commonHan: Uint8Array | undefined;

/**
 * The 3,755 common Han characters (GB 2312 level 1, rows 16–55), marked by UTF-16 code. Built on
 * first use by decoding their GB code points, so no table is written out here.
 */
function commonHanTable(): Uint8Array {
  if (commonHan) return commonHan;
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) if (!(hi === 0xd7 && lo > 0xf9)) bytes.push(hi, lo);
  const table = new Uint8Array(0x10000);
  const chars = new TextDecoder('gb18030').decode(new Uint8Array(bytes));
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return (commonHan = table);
}

function hanStats(text: string): { count: number; common: number } {
  const table = commonHanTable();
  let count = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      count++;
      common += table[c];
    }
  }
  return { count, common };
}

function lineOfFirstReplacement(text: string): number {
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
