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
    description: '文本含有控制字符、二进制字节或超长行时提示一次：这类文本多半来自错误的复制粘贴或非文本文件，检查结果可能不完整。',
  },
  check({ doc, report }) {
    for (const note of doc.notes) report({ message: note.message, range: note.range, data: { kind: note.kind } });
  },
};
