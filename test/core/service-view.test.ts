// A page that lost its line breaks is checked in a recovered view; the outline, folding and hover
// answer in the page's own positions (what the editor shows), not the view's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService } from '../../core/src/service/index';

const FILE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'flattened', 'gov2021-one-line.txt');

test('outline, folding and hover of a one-line page point into the page', () => {
  const service = createLanguageService();
  const text = fs.readFileSync(FILE, 'utf8');
  const lines = text.split(/\r?\n/);
  const result = service.analyse(text, { plainText: true });
  assert.ok(result.view, 'the page is read through a recovered view');
  const parts: DocumentSymbol[] = [];
  const visit = (s: DocumentSymbol) => {
    for (const r of [s.range, s.selectionRange]) {
      assert.ok(r.start.line < lines.length && r.start.character <= lines[r.start.line].length, `${s.name}: ${JSON.stringify(r)} lies in the page`);
    }
    if (/^[一二三四五六]、/.test(s.name)) parts.push(s);
    s.children?.forEach(visit);
  };
  service.documentSymbols(result).forEach(visit);
  assert.ok(parts.length >= 5, `the parts are in the outline (${parts.length})`);
  for (const p of parts) {
    const at = lines[p.selectionRange.start.line].slice(p.selectionRange.start.character);
    assert.ok(at.startsWith(p.name.slice(0, 4)), `${p.name} leads to its heading in the page, found 「${at.slice(0, 8)}」`);
  }
  // One line folds nothing.
  assert.deepEqual(service.foldingRanges(result), []);
  // A hover asked on a part's heading in the page answers with that heading's place in the page.
  const second = parts[1];
  const hover = service.hover(result, { line: second.selectionRange.start.line, character: second.selectionRange.start.character + 1 });
  assert.ok(hover?.range, 'the heading has a hover');
  assert.deepEqual(hover.range.start, second.selectionRange.start);
});
