// `npm run eval`: how the checker does on real reports, as a reviewer would judge it.
// Runs the checker on the seeds and the development corpus (from ../shared when that folder exists)
// and on the project's own fixtures, and prints every finding with the verdict recorded by hand in
// verdicts.json (true defect / false alarm / noise), the defects the notes list that were missed,
// and the totals the targets are stated in. A finding nobody has judged yet is printed with "?".
//
// Fixtures judge themselves: their inline `<!-- expect: rule -->` markers are the true findings,
// anything else they raise is a false alarm.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, identityOfText, pairByIdentity, summarise, type Finding } from '../../core/src/index';
import { readExpectations } from '../core/expectations';
import { loadVerdicts, type FileVerdicts, type Verdict } from './verdicts';
import { findingKey } from './key';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(process.env.NIANBAO_SHARED ?? path.join(REPO, '..', 'shared'));

interface Source {
  /** Key in verdicts.json, e.g. corpus/001.txt */
  key: string;
  file: string;
  /** Fixtures judge themselves by their markers; real reports and examples by verdicts.json. */
  kind: 'real' | 'fixture' | 'example';
}

function sources(): Source[] {
  const out: Source[] = [];
  for (const dir of ['seeds', 'corpus']) {
    const d = path.join(SHARED, dir);
    if (!fs.existsSync(d)) continue;
    for (const n of fs.readdirSync(d).sort()) if (n.endsWith('.txt')) out.push({ key: `${dir}/${n}`, file: path.join(d, n), kind: 'real' });
  }
  const walk = (dir: string): void => {
    for (const n of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(n) && n !== 'README.md') out.push({ key: path.relative(REPO, p), file: p, kind: 'fixture' });
    }
  };
  walk(path.join(REPO, 'test', 'fixtures'));
  for (const n of fs.readdirSync(path.join(REPO, 'examples')).sort())
    if (n.endsWith('.nianbao.md')) out.push({ key: `examples/${n}`, file: path.join(REPO, 'examples', n), kind: 'example' });
  return out;
}

const MARK: Record<Verdict | 'unjudged', string> = { true: '✓', false: '✗', noise: '·', unjudged: '?' };


interface Totals {
  reports: number;
  findings: number;
  true: number;
  false: number;
  noise: number;
  unjudged: number;
  defects: number;
  found: number;
  /** Root causes reported by more than one finding. */
  repeated: string[];
}

function judgeFixture(text: string, findings: Finding[]): Map<Finding, Verdict> {
  const expected = new Set(readExpectations(text).expected.map((e) => `${e.line}:${e.ruleId}`));
  const out = new Map<Finding, Verdict>();
  for (const f of findings) out.set(f, expected.has(`${f.range.start.line}:${f.ruleId}`) ? 'true' : 'false');
  return out;
}

function main(): void {
  const verdicts = loadVerdicts(path.join(REPO, 'test', 'eval', 'verdicts.json'));
  const real: Totals = { reports: 0, findings: 0, true: 0, false: 0, noise: 0, unjudged: 0, defects: 0, found: 0, repeated: [] };
  const fixtures: Totals = { ...real, repeated: [] };
  const present = new Set<string>();
  const all = sources();
  // Each real report with its predecessor in the same folder, as `nianbao check` pairs a folder's
  // files (the corpus holds one agency's reports of several years); among the fixtures only those of
  // series/, as test/core/fixtures.test.ts pairs them: the other fixtures are single drafts, written
  // apart (seed001-gov2021-2022.md and seed001-flattened.txt name one body for 2022 and 2023 by chance).
  const paired = all.filter((s) => s.kind === 'real' || path.basename(path.dirname(s.file)) === 'series');
  const pairs = pairByIdentity(paired.map((s) => [s.file, identityOfText(fs.readFileSync(s.file, 'utf8'))] as const));
  const previousOf = (file: string) => {
    const before = pairs.get(file);
    if (!before || path.dirname(before) !== path.dirname(file)) return undefined;
    return summarise(check(fs.readFileSync(before, 'utf8')), { file: path.basename(before) });
  };
  for (const src of all) {
    const text = fs.readFileSync(src.file, 'utf8');
    const result = check(text, { previous: previousOf(src.file) });
    const totals = src.kind === 'real' ? real : fixtures;
    totals.reports++;
    present.add(src.key);
    const fv: FileVerdicts = verdicts[src.key] ?? { findings: {}, defects: [] };
    const judged = src.kind === 'fixture' ? judgeFixture(text, result.findings) : undefined;
    const lines: string[] = [];
    const causes = new Map<string, number>();
    for (const f of result.findings) {
      const key = findingKey(f);
      const v = judged?.get(f) ?? fv.findings[key]?.verdict ?? 'unjudged';
      totals.findings++;
      totals[v]++;
      const cause = fv.findings[key]?.defect ?? fv.findings[key]?.cause;
      if (cause) causes.set(cause, (causes.get(cause) ?? 0) + 1);
      if (src.kind !== 'fixture' || v !== 'true') lines.push(`  ${MARK[v]} ${key} ${f.severity} ${f.message.slice(0, 110)}${fv.findings[key]?.note ? `  〔${fv.findings[key].note}〕` : ''}`);
    }
    for (const [cause, n] of causes) if (n > 1) totals.repeated.push(`${src.key} ${cause} ×${n}`);
    const found = new Set([...Object.entries(fv.findings)].filter(([k, j]) => j.defect && result.findings.some((f) => findingKey(f) === k)).map(([, j]) => j.defect));
    for (const d of fv.defects) {
      totals.defects++;
      if (found.has(d.id)) totals.found++;
      else lines.push(`  ✗ 漏报 missed: ${d.id} — ${d.what}`);
    }
    if (src.kind !== 'fixture' || lines.length) {
      console.log(`${src.key}  [${result.choice.profile.id}]  ${result.findings.length} findings`);
      for (const l of lines) console.log(l);
    }
  }
  for (const key of Object.keys(verdicts)) if (!present.has(key) && !key.startsWith('$')) console.log(`(verdicts for ${key}: file not present, skipped)`);
  console.log();
  report('real reports (seeds + corpus)', real);
  report('fixtures and examples', fixtures);
}

function report(name: string, t: Totals): void {
  if (t.reports === 0) {
    console.log(`${name}: none present`);
    return;
  }
  const precision = t.findings ? ((100 * t.true) / t.findings).toFixed(0) : '-';
  console.log(`${name}: ${t.reports} files, ${t.findings} findings — ${t.true} true, ${t.false} false alarms, ${t.noise} noise, ${t.unjudged} unjudged (precision ${precision} %)`);
  console.log(`  false alarms per 10 reports: ${((10 * t.false) / t.reports).toFixed(1)}`);
  if (t.defects) console.log(`  defects in the notes found: ${t.found} of ${t.defects}`);
  console.log(`  root causes reported more than once: ${t.repeated.length ? t.repeated.join('; ') : 'none'}`);
}

main();
