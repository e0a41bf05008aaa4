// Invariants every check result must satisfy, whatever the input: positions inside the document
// and never inside a surrogate pair, ranges not reversed, fix edits disjoint and local. Written
// independently of core/src/service/edits.ts so a bug there cannot hide a bug here.

import assert from 'node:assert/strict';
import type { CheckResult, Position, Range, ReportDocument, Section, TextEdit } from '../../core/src/index';
import { createLanguageService, fixAllEdits } from '../../core/src/service/index';

const service = createLanguageService();

/** Splits text into lines exactly as LSP does (CRLF, LF, lone CR). */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  return starts;
}

export function offsetOf(text: string, pos: Position, starts = lineStartOffsets(text)): number {
  return starts[pos.line] + pos.character;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function assertPosition(lines: string[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  const line = lines[p.line];
  assert.ok(p.character >= 0 && p.character <= line.length, `${what}: character ${p.character} outside line ${p.line} of length ${line.length}`);
  if (p.character > 0 && p.character < line.length) {
    const splits = isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character));
    assert.ok(!splits, `${what}: position ${p.line}:${p.character} splits a surrogate pair`);
  }
}

export function assertRange(lines: string[], r: Range, what: string): void {
  assertPosition(lines, r.start, `${what} start`);
  assertPosition(lines, r.end, `${what} end`);
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  assert.ok(ordered, `${what}: start ${JSON.stringify(r.start)} after end ${JSON.stringify(r.end)}`);
}

/** Every range the model exposes. */
export function assertModelRanges(doc: ReportDocument): void {
  const lines = doc.lines;
  for (const h of doc.headings) {
    assertRange(lines, h.range, `heading ${h.line}`);
    assertRange(lines, h.enumeratorRange, `heading ${h.line} enumerator`);
    assertRange(lines, h.titleRange, `heading ${h.line} title`);
  }
  for (const p of doc.paragraphs) assertRange(lines, p.range, `paragraph ${p.range.start.line}`);
  for (const t of doc.tables) {
    assertRange(lines, t.range, `table ${t.startLine}`);
    for (const row of t.rows) {
      assertRange(lines, row.range, `row ${row.line}`);
      for (const c of row.cells) {
        assertRange(lines, c.range, `cell ${row.line}`);
        if (c.number) assertRange(lines, c.number.range, `cell number ${row.line}`);
      }
    }
  }
  if (doc.title) {
    assertRange(lines, doc.title.range, 'title');
    if (doc.title.yearRange) assertRange(lines, doc.title.yearRange, 'title year');
  }
  for (const d of doc.directives) assertRange(lines, d.range, `directive ${d.line}`);
  for (const n of doc.notes) assertRange(lines, n.range, `note ${n.kind}`);
  const walk = (s: Section) => {
    assertRange(lines, s.range, `section ${s.heading.line}`);
    s.children.forEach(walk);
  };
  doc.sections.forEach(walk);
}

/** Sorted edits with no two sharing a character (two insertions at one spot also collide). */
export function assertDisjoint(text: string, edits: TextEdit[], what: string): Array<{ start: number; end: number; newText: string }> {
  const starts = lineStartOffsets(text);
  const spans = edits
    .map((e) => ({ start: offsetOf(text, e.range.start, starts), end: offsetOf(text, e.range.end, starts), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    const collide = cur.start < prev.end || (cur.start === prev.end && (cur.start === cur.end || prev.start === prev.end));
    assert.ok(!collide, `${what}: edits ${JSON.stringify(prev)} and ${JSON.stringify(cur)} overlap`);
  }
  return spans;
}

/** Applies edits and asserts that everything outside their ranges is unchanged. */
export function applyAndCompare(text: string, edits: TextEdit[], what: string): string {
  const spans = assertDisjoint(text, edits, what);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  out += text.slice(at);
  // Independent check: the untouched stretches appear in the result in order, at shifted offsets.
  let shift = 0;
  let prevEnd = 0;
  for (const s of spans) {
    assert.equal(out.slice(prevEnd + shift, s.start + shift), text.slice(prevEnd, s.start), `${what}: text before an edit changed`);
    shift += s.newText.length - (s.end - s.start);
    prevEnd = s.end;
  }
  assert.equal(out.slice(prevEnd + shift), text.slice(prevEnd), `${what}: text after the last edit changed`);
  assert.equal(out.length, text.length + shift, `${what}: length`);
  return out;
}

/** The full set of invariants for one check result. */
export function assertResultSound(text: string, r: CheckResult, label = 'input'): void {
  assert.deepEqual(r.ruleFailures, [], `${label}: rules failed: ${JSON.stringify(r.ruleFailures)}`);
  const lines = lspLines(text);
  // A report that lost its line breaks is modelled through its recovered view (never shorter).
  assert.equal(r.doc.lines.length, lspLines(r.view?.text ?? text).length, `${label}: line count`);
  if (r.view) assert.equal(r.view.source, text, `${label}: the view's source is the text`);
  assertModelRanges(r.doc);
  for (const f of r.findings) {
    const what = `${label}: ${f.ruleId} «${f.message.slice(0, 60)}»`;
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${what}: empty message`);
    assertRange(lines, f.range, what);
    for (const rel of f.related ?? []) assertRange(lines, rel.range, `${what} related`);
    if (f.fix) {
      for (const e of f.fix.edits) assertRange(lines, e.range, `${what} fix edit`);
      applyAndCompare(text, f.fix.edits, `${what} fix`);
    }
  }
}

/** Everything the language server would do with the result, so a crash there shows up here too. */
export function exerciseService(r: CheckResult): void {
  service.documentSymbols(r);
  service.foldingRanges(r);
  const diags = service.diagnostics(r.findings, 'file:///draft.md');
  for (const f of r.findings.slice(0, 50)) {
    service.hover(r, f.range.start);
    service.completions(r, f.range.start);
    service.codeActions(r, { uri: 'file:///draft.md', version: 1 }, { range: f.range, diagnostics: diags, only: undefined });
  }
  service.completions(r, { line: 0, character: 0 });
  // The overview's every entry leads into the source text (a recovered view's ranges mapped back).
  const lines = lspLines(r.text);
  const overview = service.overview(r);
  for (const f of overview.figures) if (f.range) assertRange(lines, f.range, `overview figure ${f.id}`);
  for (const t of overview.tables) if (t.range) assertRange(lines, t.range, `overview table ${t.id}`);
  for (const m of overview.missingParts) assertRange(lines, m.range, `overview missing part ${m.id}`);
  service.fixAll(r, { uri: 'file:///draft.md', version: 1 });
  // "Fix all" combines many findings' edits: they too must be disjoint and local.
  applyAndCompare(r.text, fixAllEdits(r), 'fix all');
}
