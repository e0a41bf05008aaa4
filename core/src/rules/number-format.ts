// Figures whose separators leave their value open: "1,2000" could be 12000 with the comma in the
// wrong place, or 1 and 2000 run together. The scanner keeps such a figure whole and gives it no
// value (no sum adds it up, no fix rewrites part of it); this rule tells the writer once per figure.

import type { Rule } from './types';
import { scanProse } from '../analysis/prose/tokens';
import { paragraphRange } from '../analysis/prose/ranges';

export const rule: Rule = {
  meta: {
    id: 'number-format',
    title: '数字书写有歧义',
    titleEn: 'Ambiguous figure',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '千分位分隔符位置不对的数字（如“1,2000”：可能是 12000，也可能是 1 和 2000 连在一起）无法确定数值，' +
      '不参与任何合计或比例核对。千分位应每三位一组（12,000 或 12 000），几个数字之间用顿号或逗号加空格隔开。',
    basis: 'GB/T 15835—2011《出版物上数字用法》中多位数分节的规定（三位一组，用逗号或空格）',
  },
  check({ doc, cache, report }) {
    const tell = (raw: string) =>
      `“${raw}”的分隔符位置不对，无法确定数值（是 ${raw.replace(/,/g, '')} 还是几个数字连写？），这个数字不参与合计和比例核对；千分位应每三位一组`;
    for (const p of doc.paragraphs) {
      // A figure of this shape holds an ASCII comma right before a digit.
      if (!/\d,\d/.test(p.text)) continue;
      for (const n of scanProse(cache, p.text).nums) {
        if (n.kind === 'ambiguous') report({ message: tell(n.raw), range: paragraphRange(p, n.start, n.end), data: { raw: n.raw } });
      }
    }
    for (const table of doc.tables) {
      for (const row of table.rows) {
        for (const cell of row.values) {
          const n = cell.number;
          if (n?.kind === 'ambiguous') report({ message: tell(n.raw), range: n.range, data: { raw: n.raw } });
        }
      }
    }
  },
};
