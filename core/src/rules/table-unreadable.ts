// table-unreadable: a table of a page that lost its cell borders (640020470 for 64 | 0 | 0 | 2 | 0 |
// 4 | 70) is read only when its identities allow one split of its digits. When several splits fit,
// or none, the reviewer hears it once per table, and nothing in that table is checked: a guessed
// split would make every later finding about it a guess too.

import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'table-unreadable',
    title: '统计表数字粘连无法拆分',
    titleEn: 'Table digits cannot be told apart',
    category: 'table',
    defaultSeverity: 'info',
    fixable: false,
    description:
      '从网页复制或转换的文本中，表格边框丢失，一行数字连成一串（如“640020470”）。按每行的格数和表内勾稽关系（各行总计、各列合计、一 + 二 = 三（七）+ 四）' +
      '只有一种拆法时，表格照常检查；有多种拆法或没有一种能使勾稽关系成立时，在此提示一次，该表不做任何检查，以免据猜测的数字报错。' +
      '从 PDF 复制或转换的文本中，统计表常成为逐行的纯文本（行名与数字分散在多行），同样提示一次、不作检查，其各行也不当作标题。',
    basis: '由表格结构推得：拆分必须满足统计表自身的勾稽关系',
  },
  check({ facts, report }) {
    for (const t of facts.unreadableTables) {
      if (t.outcome === 'text') {
        report({
          message: `${t.title}是逐行的纯文本（多见于从 PDF 复制或转换的文本），表格线已丢失，各数字属于哪一格无法可靠判断，此表未作检查；请对照原表（Word 文件或网页表格）核实`,
          range: { start: t.range.start, end: { line: t.range.start.line, character: Math.max(1, t.range.end.line === t.range.start.line ? t.range.end.character : 1) } },
          data: { table: t.tableId, outcome: t.outcome },
        });
        continue;
      }
      const why =
        t.outcome === 'ambiguous'
          ? '按各行格数和表内勾稽关系有不止一种拆法'
          : t.outcome === 'none'
            ? '没有一种拆法能使表内勾稽关系成立（表中可能本就有数字写错，也可能转换时丢了数字）'
            : '可能的拆法太多';
      report({
        message: `${t.title}的数字在转换中连在了一起，${why}，无法确定各格的数值，此表未作检查；请对照原表（Word 文件或网页表格）核实`,
        range: t.range,
        data: { table: t.tableId, outcome: t.outcome },
      });
    }
  },
};
