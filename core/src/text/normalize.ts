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

// Everything that is punctuation or spacing in either width; removed when comparing labels.
const PUNCT = /[\s\u00a0\u3000\u200b\ufeff、，,。.．：:；;！!？?“”"‘’'《》〈〉<>()（）\[\]【】〔〕{}·•…—\-_/／|｜~～*＊#]/g;

/** Label form used for matching: half-width, no spaces, no punctuation. */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s).replace(PUNCT, '');
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
