// Garbled text from bad copy-paste or a wrong encoding: pinyin glosses pasted in (規(guī)范),
// "?,F將" runs where a converter lost characters, U+FFFD, UTF-8 or GBK read as Latin-1 (æ–‡),
// and doubled book-title marks (《《).

import type { Rule } from './types';
import { lineRange } from '../analysis/prose/ranges';
import { patternSet, scanLines, type LinePattern } from '../analysis/prose/line-patterns';

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
  // 锟斤拷: the bytes of U+FFFD (EF BF BD) read as GBK — text that already lost characters and was
  // then decoded the wrong way; no word of Chinese is written so.
  { kind: 'replacement-gbk', re: /(?:锟斤拷)+(?:锟斤?)?/g, anyOf: '锟' },
  { kind: 'double-title-mark', re: /《{2,}|》{2,}/g, anyOf: '《》' },
];
const PATTERN_SET = patternSet(PATTERNS);

const NAMES: Record<string, string> = {
  pinyin: '文字中夹有拼音注音',
  'question-run': '有字符在转换中丢失，留下乱码',
  replacement: '含有无法识别的字符（�），原文编码可能有误',
  latin1: '中文被按错误的编码读取，成了乱码',
  'replacement-gbk': '含有“锟斤拷”：已丢失的字符又被按 GBK 编码读取，原文编码有误',
};

const WHY: Record<string, string> = {
  pinyin: '，多半是从带注音的网页复制而来',
  'question-run': '',
  replacement: '',
  latin1: '',
  'replacement-gbk': '',
};

/** One cause, one finding: the count, a few examples, every place as related information. */
function groupMessage(kind: string, texts: string[]): string {
  const examples = [...new Set(texts)].slice(0, 3).map((t) => `“${t}”`).join('');
  const count = texts.length > 1 ? `，共 ${texts.length} 处` : '';
  return `${NAMES[kind]}${kind === 'replacement' || kind === 'replacement-gbk' ? '' : `（如${examples}）`}${count}${WHY[kind]}`;
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
      '按错误编码读出的“æ–‡”“Ã¥”类字符串、“锟斤拷”，以及重复的书名号“《《”“》》”。同一种转换问题全文只报告一次，写明处数，快速修复一次删去全部注音；重复的书名号逐处报告。',
    basis: '文字应清晰无误',
  },
  check({ doc, cache, report }) {
    const matches = scanLines(doc.lines, PATTERN_SET, cache);
    const byKind = new Map<string, typeof matches>();
    // Pushed, not copied: a fresh array per match was quadratic on a page of garbled text.
    for (const m of matches) {
      const list = byKind.get(m.kind);
      if (list) list.push(m);
      else byKind.set(m.kind, [m]);
    }
    for (const [kind, list] of byKind) {
      const ranges = list.map((m) => lineRange(m.line, m.start, m.end));
      if (kind === 'double-title-mark') {
        // A doubled 《《 is the writer's slip, one at a time.
        list.slice(0, MAX_REPORTED).forEach((m, i) =>
          report({ message: `书名号重复“${m.text}”`, range: ranges[i], fix: { title: `改为“${m.text[0]}”`, edits: [{ range: ranges[i], newText: m.text[0] }], preferred: true }, data: { kind } }),
        );
        continue;
      }
      // A converter's damage runs through the whole text: one finding for the cause.
      report({
        message: groupMessage(kind, list.map((m) => m.text)),
        range: ranges[0],
        related: ranges.slice(1, MAX_REPORTED).map((range, i) => ({ range, message: `另一处：“${list[i + 1].text}”` })),
        fix: kind === 'pinyin' ? { title: list.length > 1 ? `删除全部 ${list.length} 处注音` : `删除注音“${list[0].text}”`, edits: ranges.map((range) => ({ range, newText: '' })), preferred: true } : undefined,
        data: { kind, count: list.length },
      });
    }
  },
};
