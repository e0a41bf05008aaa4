// No quick fix makes a draft worse. On every draft we have — the fixtures, the examples and, when
// the folder exists, the real reports in ../shared/seeds and ../shared/corpus — every fix offered is
// applied on its own and the draft re-checked: the number of errors never rises, nor the number
// of findings of the rule whose fix it was. "Fix all" is applied the same way and converges in one
// round: afterwards the rules it fixed offer no fix-all edit any more.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type CheckResult } from '../../core/src/index';
import { fixAllEdits } from '../../core/src/service/codeActions';
import { applyEdits } from '../support/textEdits';

const ROOT = path.join(__dirname, '..', '..', '..');
const SHARED = path.join(ROOT, '..', 'shared');

interface Draft {
  name: string;
  text: string;
}

function filesIn(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesIn(p, pattern);
    return pattern.test(e.name) && e.name !== 'README.md' ? [p] : [];
  });
}

function drafts(): { local: Draft[]; shared: Draft[] } {
  const read = (p: string, base: string) => ({ name: path.relative(base, p), text: fs.readFileSync(p, 'utf8') });
  const local = [
    ...filesIn(path.join(ROOT, 'test', 'fixtures'), /\.(md|txt)$/),
    ...filesIn(path.join(ROOT, 'examples'), /\.md$/),
  ].map((p) => read(p, ROOT));
  // The real reports are read only when the folder is there (CI's clean clone may not have it).
  const shared = ['seeds', 'corpus'].flatMap((d) => filesIn(path.join(SHARED, d), /\.txt$/).map((p) => read(p, SHARED)));
  return { local, shared };
}

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').length;
const ofRule = (r: CheckResult, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId).length;
const where = (r: CheckResult, i: number) => `${r.findings[i].ruleId}@${r.findings[i].range.start.line + 1}`;

/** Problems found when every fix of one draft is applied alone, then when fix-all is applied. */
function fixProblems(d: Draft): { problems: string[]; fixes: number } {
  const problems: string[] = [];
  const before = check(d.text);
  let fixes = 0;
  before.findings.forEach((f, i) => {
    if (!f.fix?.edits.length) return;
    fixes++;
    const after = check(applyEdits(d.text, f.fix.edits));
    const what = `${d.name}: 「${f.fix.title}」 (${where(before, i)})`;
    if (errors(after) > errors(before)) problems.push(`${what}: errors ${errors(before)} → ${errors(after)}\n  ${newFindings(before, after)}`);
    if (ofRule(after, f.ruleId) > ofRule(before, f.ruleId)) {
      problems.push(`${what}: ${f.ruleId} findings ${ofRule(before, f.ruleId)} → ${ofRule(after, f.ruleId)}\n  ${newFindings(before, after)}`);
    }
  });

  const edits = fixAllEdits(before);
  if (edits.length) {
    const fixedRules = new Set(before.findings.filter((f) => f.fix?.preferred && f.fix.edits.length).map((f) => f.ruleId));
    const after = check(applyEdits(d.text, edits));
    const what = `${d.name}: fix-all (${[...fixedRules].join(', ')})`;
    if (errors(after) > errors(before)) problems.push(`${what}: errors ${errors(before)} → ${errors(after)}\n  ${newFindings(before, after)}`);
    for (const id of fixedRules) {
      if (ofRule(after, id) > ofRule(before, id)) problems.push(`${what}: ${id} findings ${ofRule(before, id)} → ${ofRule(after, id)}`);
    }
    const again = after.findings.filter((f) => f.fix?.preferred && f.fix.edits.length && fixedRules.has(f.ruleId));
    if (again.length) {
      problems.push(`${what}: a second fix-all still offers ${again.map((f) => `${f.ruleId}@${f.range.start.line + 1} 「${f.fix!.title}」`).join('; ')}`);
    }
  }
  return { problems, fixes };
}

/** The findings after a fix that were not there before (by rule, line and message), for the report. */
function newFindings(before: CheckResult, after: CheckResult): string {
  const key = (f: CheckResult['findings'][number]) => `${f.ruleId} ${f.message}`;
  const old = new Set(before.findings.map(key));
  return after.findings
    .filter((f) => !old.has(key(f)))
    .map((f) => `new ${f.severity} ${f.ruleId}@${f.range.start.line + 1}: ${f.message}`)
    .join('\n  ');
}

describe('fixes never make a draft worse', () => {
  const { local, shared } = drafts();

  test('fixtures and examples: every fix alone, and fix-all in one round', () => {
    assert.ok(local.length >= 20, `found ${local.length} drafts`);
    let fixes = 0;
    const problems = local.flatMap((d) => {
      const r = fixProblems(d);
      fixes += r.fixes;
      return r.problems;
    });
    console.log(`${fixes} fixes applied on ${local.length} drafts`);
    assert.ok(fixes >= 20, `only ${fixes} fixes were offered: the test would prove little`);
    assert.deepEqual(problems, []);
  });

  test('the real reports in ../shared', { skip: shared.length === 0 && 'no ../shared folder' }, () => {
    let fixes = 0;
    const problems = shared.flatMap((d) => {
      const r = fixProblems(d);
      fixes += r.fixes;
      return r.problems;
    });
    console.log(`${fixes} fixes applied on ${shared.length} real reports`);
    assert.deepEqual(problems, []);
  });
});
