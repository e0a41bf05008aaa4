// The statute the whole report rests on, cited by a wrong name: 《中华人民共和国政府信息公开工作条例》
// (no such statute), 《政务信息公开条例》, 《政府信息公开条列》, traditional or Taiwan forms
// (《中華人民共和國政府資訊公開條例》). The short form 《政府信息公开条例》 is fine after a first full
// citation or when it defines itself (以下简称…); as the first citation it is noted.

import type { Rule } from './types';
import { lineRange } from '../analysis/prose/ranges';
import { allMatches } from '../facts/all-matches';

const FULL = '中华人民共和国政府信息公开条例';
const SHORT = '政府信息公开条例';
const PREFIX = '中华人民共和国';

// A cited name in 《》 or 〈〉 (bounded), or the statute's words without marks.
const CITATION =
  /《([^《》\n]{1,80})》|〈([^〈〉\n]{1,80})〉|(?:中华人民共和国|中華人民共和國)?政[府务務](?:信息|資訊|资讯)?公[开開](?:工作)?[条條][例列]/g;
const NESTED = /〈([^〈〉\n]{1,80})〉/g;
// What the statute's own words look like once simplified: 政府/政务, 信息 (or nothing), 公开, 工作?, 条例/条列.
const STATUTE_CORE = /^政[府务](?:信息)?公开(?:工作)?条[例列]$/;
const NO_GOVERNMENT = /^信息公开(?:工作)?条[例列]$/;
const DEFINES_SHORT = /^\s*[（(]\s*(?:以下)?简称/;

const SIMPLIFIED: Record<string, string> = { 華: '华', 國: '国', 務: '务', 開: '开', 條: '条', 資: '资', 訊: '讯' };

function simplify(s: string): string {
  let out = '';
  for (const c of s) out += SIMPLIFIED[c] ?? c;
  return out.replace(/资讯/g, '信息');
}

interface Citation {
  line: number;
  /** Range of the name itself (inside the marks when marked). */
  start: number;
  end: number;
  name: string;
  marked: boolean;
  /** Text right after the closing mark, for 以下简称. */
  after: string;
}

function citationsOf(lines: readonly string[]): Citation[] {
  const out: Citation[] = [];
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    // Every form holds 条/條 (and the marks or 政): most lines hold none.
    if (!text.includes('条') && !text.includes('條')) continue;
    for (const m of allMatches(CITATION, text)) {
      const at = m.index;
      const inner = m[1] ?? m[2];
      if (inner === undefined) {
        out.push({ line, start: at, end: at + m[0].length, name: m[0], marked: false, after: '' });
        continue;
      }
      const start = at + 1;
      out.push({ line, start, end: start + inner.length, name: inner, marked: true, after: text.slice(at + m[0].length, at + m[0].length + 8) });
      // 《关于施行〈中华人民共和国政府信息公开条例〉的通知》: the title inside the title.
      if (m[1] !== undefined && inner.includes('〈')) {
        for (const n of allMatches(NESTED, inner)) {
          const s = start + n.index + 1;
          out.push({ line, start: s, end: s + n[1].length, name: n[1], marked: true, after: inner.slice(n.index + n[0].length, n.index + n[0].length + 8) });
        }
      }
    }
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'statute-name',
    title: '《条例》名称有误',
    titleEn: 'Wrong name of the Regulations on Open Government Information',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      '《中华人民共和国政府信息公开条例》的名称应写准确：写成《……政府信息公开工作条例》《政务信息公开条例》《政府信息公开条列》《中华人民共和国信息公开条例》，' +
      '或用繁体、港台用字（條例、資訊、中華人民共和國）的，为警告并可改为正确名称；不带书名号的同类误写为提示。' +
      '省略“中华人民共和国”的《政府信息公开条例》在已有全称引用之后或带“（以下简称……）”时不报告，作为首次引用时提示应写全称。' +
      '地方性法规（如《××省政府信息公开条例》）和《条例》简称不在检查之列。',
    basis: '《中华人民共和国政府信息公开条例》（国务院令第711号）；引用法规应使用全称',
  },
  check({ doc, report }) {
    let fullSeen = false;
    for (const c of citationsOf(doc.lines)) {
      const norm = simplify(c.name);
      const hasPrefix = norm.startsWith(PREFIX);
      const core = hasPrefix ? norm.slice(PREFIX.length) : norm;
      // 《中华人民共和国信息公开条例》 lost its 政府 (without the prefix, 《信息公开条例》 may be a local short form).
      if (!STATUTE_CORE.test(core) && !(hasPrefix && NO_GOVERNMENT.test(core))) continue;
      const range = lineRange(c.line, c.start, c.end);
      const wrongWords = core !== SHORT;
      const wrongChars = norm !== c.name || /资讯|資訊/.test(c.name);
      if (wrongWords || wrongChars) {
        const right = hasPrefix || !fullSeen ? FULL : SHORT;
        const what = wrongWords ? '名称有误' : '用了繁体或港台用字';
        report({
          message: c.marked
            ? `法规${what}：《${c.name}》应为《${right}》`
            : `“${c.name}”疑为《${FULL}》的误写`,
          range,
          severity: c.marked ? undefined : 'info',
          data: { written: c.name, expected: right },
          fix: { title: `改为“${right}”`, edits: [{ range, newText: right }], preferred: c.marked },
        });
        if (right === FULL) fullSeen = true;
        continue;
      }
      if (hasPrefix) {
        fullSeen = true;
        continue;
      }
      // 《政府信息公开条例》 as the first citation, without defining it as a short form.
      if (!c.marked || fullSeen || DEFINES_SHORT.test(c.after)) continue;
      report({
        message: `首次引用应写全称《${FULL}》`,
        range,
        severity: 'info',
        data: { written: c.name, expected: FULL },
        fix: { title: `改为全称“${FULL}”`, edits: [{ range: lineRange(c.line, c.start, c.start), newText: PREFIX }] },
      });
      fullSeen = true;
    }
  },
};
