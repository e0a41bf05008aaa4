// Garbled text from bad copy-paste or a wrong encoding: pinyin glosses pasted in (規(guī)范),
// "?,F將" runs where a converter lost characters, U+FFFD, UTF-8 or GBK read as Latin-1 (æ–‡),
// and doubled book-title marks (《《).

import type { Rule } from './types';
import { lineRange } from './prose/ranges';
import { patternSet, scanLines, type LinePattern } from './prose/line-patterns';

const MAX_REPORTED = 20;

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
// U+00A1–U+00FF: every Latin-1 misreading below holds one of them.
const LATIN1_HIGH = String.fromCharCode(...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i));
// Bytes 0x80–0xBF as Windows-1252/Latin-1 show them: the tail bytes of a UTF-8 sequence.
const CONT = '[\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]';

// Each pattern names the characters one of which every match holds (anyOf): most lines hold none.
export const PATTERNS: LinePattern[] = [
  {
    kind: 'pinyin',
    re: new RegExp(`(?<=[\\u3400-\\u9fff])[（(][a-zü]*[${TONED}][a-zü${TONED}]*[)）]`, 'g'),
    anyOf: TONED,
  },
  // 開展?,F將: a question mark with ASCII debris between Chinese characters.
  { kind: 'question-run', re: /(?<=[\u3400-\u9fff，。、])\?(?:\?+|[,.;:A-Za-z]{1,3})(?=[\u3400-\u9fff])|\?{3,}/g, anyOf: '?' },
  { kind: 'replacement', re: /\uFFFD+/g, anyOf: '\uFFFD' },
  // UTF-8 read as Latin-1/1252 (æ–‡, Ã¥), or GBK read as Latin-1 (runs of accented letters; × and ÷
  // are left to the placeholder rule).
  { kind: 'latin1', re: new RegExp(`(?:[\\u00c2\\u00c3]${CONT}|[\\u00e0-\\u00ef]${CONT}{2})+|[\\u00a1-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff]{4,}`, 'g'), anyOf: LATIN1_HIGH },
  { kind: 'double-title-mark', re: /《{2,}|》{2,}/g, anyOf: '《》' },
];
const PATTERN_SET = patternSet(PATTERNS);

function messageFor(kind: string, text: string): string {
  switch (kind) {
    case 'pinyin':
      return `文字中夹有拼音注音“${text}”，多半是从带注音的网页复制而来`;
    case 'question-run':
      return `乱码“${text}”：字符在转换中丢失`;
    case 'replacement':
      return '含有无法识别的字符（�），原文编码可能有误';
    case 'latin1':
      return `乱码“${text}”：中文被按错误的编码读取`;
    default:
      return `书名号重复“${text}”`;
  }
}

export const rule: Rule = {
  meta: {
    id: 'mojibake',
    title: '乱码或夹杂注音',
    titleEn: 'Garbled text',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '检查复制粘贴或编码错误留下的乱码：汉字后夹带的拼音注音（如“規(guī)范”）、汉字间的“?,F”类残片、替换字符 �、' +
      '按错误编码读出的“æ–‡”“Ã¥”类字符串，以及重复的书名号“《《”“》》”。每份文档最多逐条列出 20 处。',
    basis: '文字应清晰无误',
  },
  check({ doc, report }) {
    const matches = scanLines(doc.lines, PATTERN_SET);
    for (const m of matches.slice(0, MAX_REPORTED)) {
      const range = lineRange(m.line, m.start, m.end);
      const fix =
        m.kind === 'pinyin'
          ? { title: `删除注音“${m.text}”`, edits: [{ range, newText: '' }], preferred: true }
          : m.kind === 'double-title-mark'
            ? { title: `改为“${m.text[0]}”`, edits: [{ range, newText: m.text[0] }], preferred: true }
            : undefined;
      report({ message: messageFor(m.kind, m.text), range, fix, data: { kind: m.kind } });
    }
    if (matches.length > MAX_REPORTED) {
      const next = matches[MAX_REPORTED];
      report({
        message: `另有 ${matches.length - MAX_REPORTED} 处类似乱码未逐一列出`,
        range: lineRange(next.line, next.start, next.end),
        severity: 'info',
        data: { kind: 'more', count: matches.length - MAX_REPORTED },
      });
    }
  },
};
