// Every language-service feature over every fixture draft (real layouts: cell-per-line tables,
// merged cells, legacy reports, broken input): nothing throws, every answer is well-formed for an
// editor, and every offered fix applies cleanly and removes its own finding.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLanguageService, type DocumentSymbol, type Range } from '../../core/src/service/index';
import { applyEdits } from '../support/textEdits';
import { REPO } from './lspClient';

const FIXTURES = join(REPO, 'test/fixtures');

function drafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return drafts(p);
    return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
  });
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

const service = createLanguageService();
const files = drafts(FIXTURES);

describe('language service over the fixture drafts', { skip: files.length ? false : 'no fixtures' }, () => {
  for (const file of files) {
    test(relative(FIXTURES, file), () => {
      const text = readFileSync(file, 'utf8');
      const result = service.analyse(text);
      const lineCount = result.doc.lines.length;

      const checkSymbol = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(s.name.trim(), 'symbols have names');
        assert.ok(inside(s.selectionRange, s.range), `selection inside range: ${s.name}`);
        if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
        s.children?.forEach((c) => checkSymbol(c, s));
      };
      service.documentSymbols(result).forEach((s) => checkSymbol(s));

      for (const f of service.foldingRanges(result)) {
        assert.ok(f.startLine < f.endLine && f.endLine < lineCount, JSON.stringify(f));
      }

      for (let line = 0; line < lineCount; line++) {
        for (const item of service.completions(result, { line, character: 0 })) {
          assert.ok(item.textEdit && 'range' in item.textEdit, 'completion items carry their edit (a plain TextEdit)');
          assert.equal(item.textEdit.range.start.line, line);
        }
      }

      for (const table of result.facts.nationalTables) {
        for (const row of table.rows.values()) {
          for (const cell of row.values.values()) service.hover(result, cell.range.start);
        }
      }
      for (const part of result.facts.parts) {
        const h = service.hover(result, part.heading.range.start);
        assert.ok(h?.contents.value.includes(part.spec.title), `hover names the part ${part.spec.title}`);
      }

      const target = { uri: 'file:///draft.md', version: 1 };
      const diagnostics = service.diagnostics(result.findings, target.uri);
      for (const [i, d] of diagnostics.entries()) {
        const finding = result.findings[i];
        const actions = service.codeActions(result, target, { range: d.range, diagnostics: [d] });
        assert.ok(actions.some((a) => a.title.includes('停用')), 'every finding can be silenced');
        const fix = actions.find((a) => !a.title.includes('停用'));
        if (!finding.fix) continue;
        assert.ok(fix, `${finding.ruleId}: its fix is offered`);
        const fixed = applyEdits(text, fix.edit.documentChanges[0].edits);
        assert.notEqual(fixed, text, `${finding.ruleId}: the fix changes the text`);
        if (!finding.fix.preferred) continue;
        const again = service.analyse(fixed).findings;
        assert.ok(
          // (Several headings may share one message; the fixed one is the one on this line.)
          !again.some((f) => f.ruleId === finding.ruleId && f.message === finding.message && f.range.start.line === finding.range.start.line),
          `${finding.ruleId}: 「${finding.message}」 is gone after its preferred fix`,
        );
      }
      // All the diagnostics of a line at once, as the light bulb asks: fixes come before any "disable".
      for (const line of new Set(diagnostics.map((d) => d.range.start.line))) {
        const onLine = diagnostics.filter((d) => d.range.start.line === line);
        const titles = service.codeActions(result, target, { range: onLine[0].range, diagnostics: onLine }).map((a) => a.title);
        const firstDisable = titles.findIndex((t) => t.includes('停用'));
        const lastFix = titles.map((t) => !t.includes('停用')).lastIndexOf(true);
        assert.ok(lastFix < firstDisable, `line ${line + 1}: fixes first, then disables: ${titles.join(' | ')}`);
      }
      const all = service.fixAll(result, target);
      if (all) applyEdits(text, all.edit.documentChanges[0].edits); // must not throw on overlaps
    });
  }
});
