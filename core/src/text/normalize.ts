// Width, space and punctuation normalisation, so that labels written by different hands
// (（一） vs (一), 商业 企业 vs 商业企业, “三安全一稳定” vs "三安全一稳定") compare equal.

/** Full-width ASCII (！…～) → half-width, ideographic space → space. */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s; // the common case: nothing to convert, nothing to allocate
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

// Everything that is punctuation or spacing in either width; removed when comparing labels. The
// spaces are those \s matches (ECMAScript WhiteSpace and LineTerminator), listed so that the table
// below can be built from the same characters as the regex.
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const MARKS = '\u200b、，,。.．：:；;！!？?“”"‘’\'《》〈〉<>()（）[]【】〔〕{}·•…—-_/／|｜~～*＊#';

/** The characters label form drops (SPACES and MARKS), for a test's reference implementation. */
export const DROPPED_CHARACTERS = SPACES + MARKS;

/** UTF-16 codes that label form drops, as a table built once at load. */
const DROPPED: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of SPACES + MARKS) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/**
 * The label form of one UTF-16 code: its half-width code, or -1 when label form drops it (space,
 * punctuation). normalizeLabel's answer for one character, without a string or a regex.
 */
export function labelCode(code: number): number {
  const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code;
  return DROPPED[half] || DROPPED[code] ? -1 : half;
}

/** Label form used for matching: half-width, no spaces, no punctuation. */
export function normalizeLabel(s: string): string {
  // One pass over the codes (labelCode is this function for one character): most labels need no
  // change and are returned as they are; two regex passes showed as the CLI's costliest line.
  let i = 0;
  while (i < s.length && labelCode(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === s.length) return s;
  if (s.length - i > LONG_LABEL) return normalizeLong(s, i);
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const h = labelCode(c);
    if (h >= 0) out += h === c ? s[i] : String.fromCharCode(h);
  }
  return out;
}

/** Beyond this many characters to look at, the label form is built in a buffer (normalizeLong). */
const LONG_LABEL = 512;
/** Codes turned into a string at a time (an argument list of String.fromCharCode stays small). */
const CODES_PER_PIECE = 8192;

/**
 * normalizeLabel of a long text (a whole document, when two profiles tie on their part titles),
 * from offset `from` on (what comes before is unchanged): the kept codes are collected in one
 * buffer, since a string grown by one character at a time is a rope of as many pieces.
 */
function normalizeLong(s: string, from: number): string {
  const codes = new Uint16Array(s.length - from);
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const h = labelCode(s.charCodeAt(i));
    if (h >= 0) codes[n++] = h;
  }
  let out = s.slice(0, from);
  for (let k = 0; k < n; k += CODES_PER_PIECE) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + CODES_PER_PIECE)) as unknown as number[]);
  }
  return out;
}

const ENUMERATOR = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+\s*[、.．,，]|\d{1,2}\s*[、.．](?!\d)|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)\s*/;

/** Removes one leading enumerator (一、 （一） (1) 1. ① Ⅰ). */
export function stripEnumerator(s: string): string {
  return s.replace(ENUMERATOR, '');
}

/** Label form without enumerator: what a row or a heading is "called". */
export function labelKey(s: string): string {
  return normalizeLabel(stripEnumerator(s.trim()));
}
