// "Disable this rule" must silence one finding and change nothing else: no line moves, no table
// breaks for a Markdown renderer (markdown-it, as editors' previews render), no other finding
// moves or disappears, and the action is not offered again once applied.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { check, type CheckResult, type Finding } from '../../core/src/index';
import { createLanguageService } from '../../core/src/service/index';
import type { DocumentCodeAction as CodeAction } from '../../core/src/service/codeActions';
import { applyEdits } from '../support/textEdits';
import { sampleDrafts } from './mutations';

const service = createLanguageService();
const md = new MarkdownIt({ html: true });
const URI = 'file:///draft.md';

/** What a renderer builds, without comments: block tokens with their lines, inline text trimmed. */
function structure(text: string): string[] {
  const out: string[] = [];
  for (const t of md.parse(text, {})) {
    if (t.type === 'html_block' && /^\s*<!--[\s\S]*-->\s*$/.test(t.content)) continue;
    if (t.type === 'inline') out.push(`inline ${t.content.replace(/[ \t]*<!--[\s\S]*?-->/g, '').replace(/[ \t]+$/gm, '')}`);
    else out.push(`${t.type} ${t.tag} ${t.map?.join('-') ?? ''}`);
  }
  return out;
}

function tableShape(text: string): string {
  return md
    .parse(text, {})
    .filter((t) => /^(table|tr|td|th)_open$/.test(t.type))
    .map((t) => t.type[1])
    .join('');
}

// The end of a range is left out: a finding that runs to the end of its line (a whole heading)
// runs on over a comment appended there, which is right.
const key = (f: Finding) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character} ${f.message}`;

function actionsFor(r: CheckResult, f: Finding): CodeAction[] {
  const diagnostics = service.diagnostics(r.findings, URI);
  const d = diagnostics[r.findings.indexOf(f)];
  return service.codeActions(r, { uri: URI, version: 1 }, { range: d.range, diagnostics: [d] });
}

function apply(text: string, a: CodeAction): string {
  const edits = a.edit.documentChanges[0].edits;
  return applyEdits(text, edits);
}

const DRAFTS = sampleDrafts();

/**
 * The findings other rules than `ruleId` make. A finding another rule made on the same words was
 * merged into the silenced rule's (same-words.ts, its message in the related list): silencing the
 * rule shows it on its own again, so it counts as one of them.
 */
function withoutRule(list: Finding[], ruleId: string): Finding[] {
  return list.flatMap((g) => {
    if (g.ruleId !== ruleId) return [g];
    return ((g.data?.alsoFoundBy as string[] | undefined) ?? [])
      .filter((id) => id !== ruleId)
      .map((id) => {
        const prefix = `另见（${id}）：`;
        const merged = g.related?.find((x) => x.message.startsWith(prefix));
        return { ...g, ruleId: id, message: merged?.message.slice(prefix.length) ?? '' };
      });
  });
}

describe('disable directives change nothing else', () => {
  let lineActions = 0;
  let fileActions = 0;
  let inTables = 0;

  test(`every finding of ${DRAFTS.length} drafts: line and file directives, rendered by markdown-it`, () => {
    for (const d of DRAFTS) {
      const r = check(d.text);
      const before = structure(d.text);
      const tables = tableShape(d.text);
      const seen = new Set<string>();
      for (const f of r.findings) {
        const actions = actionsFor(r, f);
        const forLine = actions.find((a) => a.title === `在此行停用规则 ${f.ruleId}`);
        const forFile = actions.find((a) => a.title === `在本文件中停用规则 ${f.ruleId}`);
        assert.ok(forFile, `${d.name}: ${key(f)} has a file-level directive`);
        // Real fixes come first: Enter never silences a rule.
        if (actions[0].title.includes('停用')) assert.ok(!actions.some((a) => !a.title.includes('停用')));
        const once = `${f.ruleId}@${f.range.start.line}`;
        if (forLine && !seen.has(once)) {
          seen.add(once);
          lineActions++;
          const after = apply(d.text, forLine);
          assert.equal(after.split('\n').length, d.text.split('\n').length, `${d.name}: no line added`);
          assert.deepEqual(structure(after), before, `${d.name}: ${key(f)}: the rendered document is unchanged`);
          assert.equal(tableShape(after), tables, `${d.name}: ${key(f)}: every table keeps its rows and cells`);
          if (/^\s*\|/.test(d.text.split(/\r\n|\r|\n/)[f.range.start.line] ?? '')) inTables++;
          const again = check(after);
          // Other rules' findings stay exactly where they were. The same rule's may move: a finding
          // that groups many places (page numbers, garbled runs, missing parts) is anchored at the
          // next place once its first is silenced.
          const others = (list: Finding[]) => withoutRule(list, f.ruleId).map(key).sort();
          assert.deepEqual(others(again.findings), others(r.findings), `${d.name}: only ${once} is silenced`);
          assert.ok(!again.findings.some((g) => g.ruleId === f.ruleId && g.range.start.line === f.range.start.line), `${d.name}: ${once} is silenced`);
          for (const g of again.findings.filter((x) => x.range.start.line === f.range.start.line)) {
            assert.ok(!actionsFor(again, g).some((a) => a.title === `在此行停用规则 ${f.ruleId}`), `${d.name}: not offered again`);
          }
        }
        if (forFile && !seen.has(f.ruleId)) {
          seen.add(f.ruleId);
          fileActions++;
          const after = apply(d.text, forFile);
          assert.deepEqual(structure(after).slice(0, before.length), before, `${d.name}: file directive appended, nothing before it changed`);
          const again = check(after);
          // Findings about the end of the document (a missing last part) stay at its new end.
          let last = r.doc.lines.length - 1;
          while (last > 0 && r.doc.lines[last].trim() === '') last--;
          const where = (g: Finding) => (g.range.start.line >= last ? `${g.ruleId} ${g.message}` : key(g));
          assert.deepEqual(again.findings.map(where).sort(), withoutRule(r.findings, f.ruleId).map(where).sort(), `${d.name}: only ${f.ruleId} is silenced`);
        }
      }
    }
    console.log(`# directives applied: ${lineActions} line (${inTables} in table rows), ${fileActions} file`);
    assert.ok(lineActions > 20 && inTables > 0 && fileActions > 10);
  });

  test('a finding on line 1: the directive joins the line, and three applications are one', () => {
    const text = '# 青川市某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n';
    let current = text;
    let applied = 0;
    for (let round = 0; round < 3; round++) {
      const r = check(current);
      const f = r.findings.find((x) => x.range.start.line === 0);
      if (!f) break;
      const a = actionsFor(r, f).find((x) => x.title === `在此行停用规则 ${f.ruleId}`);
      if (!a) break;
      current = apply(current, a);
      applied++;
    }
    assert.ok(applied >= 1);
    const first = current.split('\n')[0];
    assert.match(first, /^# 青川市某局2023年政府信息公开工作年度报告 <!-- nianbao-disable-line [a-z-]+(?: [a-z-]+)* -->$/);
    assert.equal((current.match(/<!--/g) ?? []).length, 1, 'one comment, holding every rule silenced on the line');
    assert.equal(check(current).doc.title?.text, check(text).doc.title?.text, 'the title is still the title');
  });

  test('a table row keeps its cells; a hard line break stays one', () => {
    const row = '| 行政许可 | 12 | 3 |';
    const text = `| 信息内容 | 本年 | 上年 |\n| --- | --- | --- |\n${row}\n\n第一行  \n第二行\n`;
    const r = check(text);
    // Silence whatever there is on the row, or fake a finding there: the placement is what is tested.
    const fake: Finding = { ruleId: 'table-sum', severity: 'error', message: 'x', range: { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } } };
    const withFake = { ...r, findings: [fake] };
    const a = actionsFor(withFake, fake).find((x) => x.title.startsWith('在此行'))!;
    const after = apply(text, a);
    assert.equal(after.split('\n')[2], `${row} <!-- nianbao-disable-line table-sum -->`);
    assert.equal(tableShape(after), tableShape(text));
    const hard: Finding = { ...fake, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } } };
    const b = actionsFor({ ...r, findings: [hard] }, hard).find((x) => x.title.startsWith('在此行'))!;
    const broken = apply(text, b);
    assert.equal(broken.split('\n')[4], '第一行 <!-- nianbao-disable-line table-sum -->  ');
    assert.match(md.render(broken), /第一行 <!-- nianbao-disable-line table-sum --><br>/);
    // A header row keeps as many cells as its delimiter row: the comment goes into its last cell.
    const head: Finding = { ...fake, range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } } };
    const h = apply(text, actionsFor({ ...r, findings: [head] }, head).find((x) => x.title.startsWith('在此行'))!);
    assert.equal(h.split('\n')[0], '| 信息内容 | 本年 | 上年 <!-- nianbao-disable-line table-sum --> |');
    assert.equal(tableShape(h), tableShape(text));
    // A delimiter row gets no line directive (it would stop being one); the file directive remains.
    const delim: Finding = { ...fake, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } };
    const actions = actionsFor({ ...r, findings: [delim] }, delim);
    assert.ok(!actions.some((x) => x.title.startsWith('在此行')));
    assert.ok(actions.some((x) => x.title.startsWith('在本文件中')));
  });
});
