// Completion over in-memory drafts: the edit of a picked item covers the characters the editor
// closed automatically (（）《》“”), so the line is the heading or label and nothing more.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import { completions } from '../../core/src/service/completion';
import { applyEdits } from '../support/textEdits';
import type { TextEdit } from 'vscode-languageserver-types';
import { DRAFT_2023 } from '../protocol/drafts';

/** The draft with `line` inserted after the line holding `after`; returns the text and the new line's index. */
function withLine(after: string, line: string): { text: string; ln: number } {
  const lines = DRAFT_2023.split('\n');
  const at = lines.findIndex((l) => l.includes(after)) + 1;
  lines.splice(at, 0, line);
  return { text: lines.join('\n'), ln: at };
}

function pick(text: string, ln: number, character: number, label: string): string {
  const items = completions(check(text), { line: ln, character });
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} among ${JSON.stringify(items.map((i) => i.label))}`);
  return applyEdits(text, [item.textEdit as TextEdit]).split('\n')[ln];
}

describe('completion and auto-closed brackets', () => {
  test('（ typed and closed by the editor: the sub-heading replaces both', () => {
    const { text, ln } = withLine('（二）依申请公开情况', '（）');
    assert.equal(pick(text, ln, 1, '（三）政府信息管理情况'), '（三）政府信息管理情况');
    // Typed further inside the brackets: （三|）
    const typed = withLine('（二）依申请公开情况', '（三）');
    assert.equal(pick(typed.text, typed.ln, 2, '（三）政府信息管理情况'), '（三）政府信息管理情况');
  });

  test('without an auto-closed bracket the edit ends at the cursor and the rest of the line stays', () => {
    const { text, ln } = withLine('（二）依申请公开情况', '（');
    assert.equal(pick(text, ln, 1, '（三）政府信息管理情况'), '（三）政府信息管理情况');
    // A closing bracket the writer typed themselves, after other text, is not swallowed.
    const other = withLine('（二）依申请公开情况', '）');
    const items = completions(check(other.text), { line: other.ln, character: 0 });
    for (const i of items) assert.deepEqual((i.textEdit as TextEdit).range.end, { line: other.ln, character: 0 });
  });

  test('“ ” inside a table cell: the row label replaces the closing quote', () => {
    const { text, ln } = withLine('2.其他法律行政法规禁止公开', '| | 3.危及“” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const line = text.split('\n')[ln];
    const at = line.indexOf('“') + 1;
    assert.equal(pick(text, ln, at, '3.危及“三安全一稳定”'), '| | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });

  test('nested brackets close from the inside out: 《（|）》', () => {
    const nested = withLine('（二）依申请公开情况', '《（）》');
    const edits = completions(check(nested.text), { line: nested.ln, character: 2 }).map((i) => (i.textEdit as TextEdit).range.end.character);
    assert.ok(edits.length > 0 && edits.every((c) => c === 4), `ends after 》: ${edits}`);
  });
});
