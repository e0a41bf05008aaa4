// Template slots left unfilled: XX局, ×××, ○○, 【请填写】, 〔〕, "统计期限为年月日至月日", X年, TODO, 待补充.

import type { Rule } from './types';
import { lineRange } from '../analysis/prose/ranges';
import { patternSet, scanLines, type LinePattern } from '../analysis/prose/line-patterns';

const CN_DIGITS = '一二三四五六七八九十零〇○';

// Each pattern names the characters one of which every match holds (anyOf): most lines hold none.
export const PATTERNS: LinePattern[] = [
  // XX as a name or number slot, never inside an English word (XXL, Xbox).
  { kind: 'xx', re: /(?<![A-Za-z0-9_])(?:[Xx]{2,}|[ＸＸｘ]{2,})(?![A-Za-z0-9_])/g, anyOf: 'XxＸｘ' },
  // A single X in a number slot: X年X月, X件.
  { kind: 'x-number', re: /(?<![A-Za-z0-9_\-+*/=])[XxＸｘ](?=\s*[年月日号件条个项人次名家万元])/g, anyOf: 'XxＸｘ' },
  // One × in a number slot, "查阅点×个", "×月×日" (not a product: 3×4个, 2 × 2米).
  { kind: 'x-number', re: /(?<![A-Za-z0-9０-９_\-+*/=×✕\s])[×✕](?=[年月日号件条个项人次名家万元])/g, anyOf: '×✕' },
  { kind: 'cross', re: /[×✕╳]{2,}/g, anyOf: '×✕╳' },
  {
    kind: 'circles',
    re: /[○◯〇]{2,}/g,
    anyOf: '○◯〇',
    // 二〇〇八年 writes zeros between numerals: a real year, not a slot.
    accept: (line, start, end) => !CN_DIGITS.includes(line[start - 1] ?? '') && !CN_DIGITS.includes(line[end] ?? ''),
  },
  { kind: 'brackets', re: /【\s*】|【[^】\n]{0,40}?(?:填写|填入|请|待|此处|名称|[Xx]{2})[^】\n]{0,40}?】/g, anyOf: '【' },
  { kind: 'doc-number', re: /〔\s*〕|\[\s*\](?=\s*(?:\d+\s*)?号)/g, anyOf: '〔[' },
  // Date slots with no figures: 年月日至月日, "    年  月  日".
  {
    kind: 'date',
    re: /(?<![0-9０-９〇○零一二三四五六七八九十两A-Za-z])年\s*月\s*日(?:\s*(?:至|到|—|－|-|~|～)\s*(?:年\s*)?月\s*日)?|(?<=[至到])\s*月\s*日/g,
    anyOf: '月',
    accept: (line, start) => !/出生$/.test(line.slice(0, start)),
  },
  // "统计期限自    至    。": both ends left blank.
  { kind: 'date', re: /(?:自|从)[ \t\u3000]*(?:至|到)[ \t\u3000]*(?=止|[。，,；;）)]|$)/g, anyOf: '自从' },
  { kind: 'todo', re: /(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])/g, anyOf: 'TF' },
  // Not the words in a sentence about applications: "告知申请人待补充的内容", "待填写的项目".
  { kind: 'to-fill', re: /(?:待补充|待填写|待填(?!写))(?!的|之处|事项|材料|内容|信息|项目)|请填写|此处填写|[（(]\s*填写[^）)\n]{0,20}[）)]/g, anyOf: '待填' },
];
const PATTERN_SET = patternSet(PATTERNS);

const WHAT: Record<string, string> = {
  xx: '名称或数字处的占位符',
  'x-number': '数字处的占位符',
  cross: '占位符',
  circles: '占位符',
  brackets: '待填写的方括号',
  'doc-number': '空的文号括号',
  date: '未填写的日期',
  todo: '待办标记',
  'to-fill': '待补充的提示语',
};

export const rule: Rule = {
  meta: {
    id: 'placeholder',
    title: '残留占位符',
    titleEn: 'Placeholder left in the text',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '检查模板中未替换的占位内容：XX/XXX 形式的名称或数字、×××、○○、空的【】或【请填写…】、空的〔〕、' +
      '“统计期限为年月日至月日”这类未填日期、“X年”、TODO 以及“待补充”“待填”等。英文单词和网址中的 X 不计；' +
      '“二〇〇八年”这类中文数字年份中的〇不计。',
    basis: '发布前应填写完整',
  },
  check({ doc, cache, report }) {
    for (const m of scanLines(doc.lines, PATTERN_SET, cache)) {
      report({
        message: `疑似未填写的${WHAT[m.kind]}“${m.text.trim()}”`,
        range: lineRange(m.line, m.start, m.end),
        data: { kind: m.kind },
      });
    }
  },
};
