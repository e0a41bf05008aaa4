// Tells the writer once when the input itself is suspect (binary bytes, lines that lost their
// breaks), so odd findings elsewhere have an explanation. The parser notes these; it never fails.

import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'input-quality',
    title: '输入文本异常',
    titleEn: 'Suspicious input',
    category: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '文本含有控制字符、二进制字节或超长行时提示一次：这类文本多半来自错误的复制粘贴或非文本文件，检查结果可能不完整。' +
      '文中夹有页码（如“— 3 —”）时，说明是从 PDF 转换来的：提示一次并可一次删去全部页码；这类文本的表格和标题常被转换打乱，表格行列结构和标题编号不作检查。' +
      '许多行只有一个数字时（表格一格一行，多见于从 PDF 复制的文本）同样提示一次，也不检查表格结构和标题编号。',
  },
  check({ doc, facts, report }) {
    for (const note of doc.notes) report({ message: note.message, range: note.range, data: { kind: note.kind } });
    const trace = facts.conversion;
    if (trace?.kind === 'cells') {
      report({
        message: `文中有 ${trace.cellLines.length} 行只有一个数字，表格是一格一行拆开的（多见于从 PDF 复制或转换的文本）；表格行列结构和标题编号未作检查，请对照原件`,
        range: trace.cellLines[0],
        severity: 'info',
        data: { kind: 'cells-per-line', count: trace.cellLines.length },
      });
    }
    if (trace?.kind === 'pdf') {
      const marks = trace.pageMarks;
      report({
        message: `文中夹有 ${marks.length} 处页码（如“${doc.lines[marks[0].start.line].trim()}”），文本是从 PDF 转换来的；表格和标题可能已被转换打乱，表格行列结构和标题编号未作检查，请对照原件`,
        range: marks[0],
        severity: 'info',
        related: marks.slice(1, 20).map((range) => ({ range, message: '页码' })),
        data: { kind: 'pdf-page-numbers', count: marks.length },
        // Whole lines, with their line breaks: the text around them closes up.
        fix: {
          title: `删除全部 ${marks.length} 处页码`,
          edits: marks.map((r) => {
            const last = r.start.line + 1 >= doc.lines.length;
            return { range: { start: r.start, end: last ? r.end : { line: r.start.line + 1, character: 0 } }, newText: '' };
          }),
        },
      });
    }
  },
};
