// The same report written another way gets the same findings. Each change below is one a writer,
// Word or a converter makes without changing what the report says: line ends, a BOM, trailing
// blanks, more blank lines, full-width indentation, padded cells, tables pasted from Word as
// tab-separated lines or written in GFM without outer pipes, headings marked with # or set in bold.
// Found this way: GFM tables without outer pipes went unread, template tables pasted as
// tab-separated lines were not recognised as the template, bold headings were paragraphs, and in
// PDF text a title broken over two lines was found only by luck and a plain-text table was lost
// when the blank lines between its cells doubled.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Finding } from '../../core/src/index';
import { FIXTURES, sampleDrafts } from './mutations';

const DRAFTS = sampleDrafts();
/** Text out of a PDF: only line ends and blank space vary there (pdftotext's blank lines between cells do). */
const PDF_TEXT = fs
  .readdirSync(path.join(FIXTURES, 'pdf-text'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: `fixtures/pdf-text/${f}`, text: fs.readFileSync(path.join(FIXTURES, 'pdf-text', f), 'utf8').replace(/[ \t]*<!-- expect[^>]*-->/g, '') }));
const FOR_PDF_TEXT = new Set(['CRLF line ends', 'a BOM', 'trailing blanks on every line', 'blank lines doubled']);

/** A trailing comment (a fixture's marker, a directive) is kept aside while a row is rewritten. */
const TRAILING_COMMENT = /\s*<!--.*?-->\s*$/;
const isPipeRow = (line: string) => /^\s*\|.*\|\s*$/.test(line.replace(TRAILING_COMMENT, ''));
const isDelimiter = (line: string) => /^[\s|:-]+$/.test(line) && line.includes('-');
const cellsOf = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** Applies `rewrite` to every pipe-table row; returning undefined drops the row. */
function rewriteRows(text: string, rewrite: (row: string) => string | undefined): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!isPipeRow(line)) {
      out.push(line);
      continue;
    }
    const m = TRAILING_COMMENT.exec(line);
    const row = m ? line.slice(0, m.index) : line;
    const rewritten = rewrite(row);
    if (rewritten !== undefined) out.push(rewritten + (m ? m[0] : ''));
  }
  return out.join('\n');
}

const HEADING_1 = /^[一二三四五六七八九十]+、[^。，；\t|]{2,30}$/;
const HEADING_2 = /^（[一二三四五六七八九十]+）[^。，；\t|]{2,30}$/;

const REWRITES: Record<string, (text: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\r?\n/g, '\r\n'),
  'a BOM': (t) => '\ufeff' + t,
  'trailing blanks on every line': (t) => t.replace(/\n/g, '  \n'),
  'blank lines doubled': (t) => t.replace(/\n\n/g, '\n\n\n'),
  'prose indented with full-width spaces': (t) =>
    t
      .split('\n')
      // (A heading after a page break, 「\f## 三、」, is still a heading, not prose.)
      .map((l) => (l.trim() && !l.includes('|') && !l.replace(/^\f/, '').startsWith('#') && !l.startsWith('<!--') ? '\u3000\u3000' + l : l))
      .join('\n'),
  'cells padded with ideographic and no-break spaces': (t) => rewriteRows(t, (row) => (isDelimiter(row) ? row : row.replace(/\|\s*/g, '|\u00a0').replace(/\s*\|/g, '\u3000|'))),
  'tables pasted from Word as tab-separated lines': (t) => rewriteRows(t, (row) => (isDelimiter(row) ? undefined : cellsOf(row).join('\t'))),
  // GFM needs the leading pipe of a row whose first cell is empty: those rows keep theirs.
  'tables without outer pipes (GFM)': (t) => rewriteRows(t, (row) => (cellsOf(row)[0] === '' ? row : cellsOf(row).join(' | '))),
  'headings set in bold, as pandoc writes a bold Word paragraph': (t) =>
    t.includes('\t')
      ? t
      : t
          .split('\n')
          .map((l) => (HEADING_1.test(l) || HEADING_2.test(l) ? `**${l}**` : l))
          .join('\n'),
  'part headings marked with #': (t) =>
    t.includes('\t')
      ? t
      : t
          .split('\n')
          .map((l) => (HEADING_1.test(l) ? `## ${l}` : HEADING_2.test(l) ? `### ${l}` : l))
          .join('\n'),
};

/** What a finding says, without where (line numbers move when blank lines are added). */
const said = (f: Finding) => `${f.ruleId} ${f.severity} ${f.message.replace(/第\s*\d+\s*行/g, '第 N 行')}`;

describe('a report written another way gets the same findings', () => {
  for (const [name, rewrite] of Object.entries(REWRITES)) {
    const drafts = FOR_PDF_TEXT.has(name) ? [...DRAFTS, ...PDF_TEXT] : DRAFTS;
    test(`${name} (${drafts.length} drafts)`, () => {
      let rewritten = 0;
      for (const d of drafts) {
        const other = rewrite(d.text);
        if (other === d.text) continue;
        rewritten++;
        const before = check(d.text).findings.map(said).sort();
        const after = check(other).findings.map(said).sort();
        assert.deepEqual(after, before, d.name);
      }
      assert.ok(rewritten > 0, 'the rewrite changed no draft');
    });
  }
});
