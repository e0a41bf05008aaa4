// Property-based tests: for any draft — generated report-shaped text, or a real-shaped draft
// damaged by random edits — parsing and checking never throw, no rule fails, every range lies in
// the document, fixes are local, and a "replace the total with the sum" fix converges.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES, check, findRule, parse, type Finding, type Rule } from '../../core/src/index';
import { rule as tableBalance } from '../../core/src/rules/table-balance';
import { rule as proseSum } from '../../core/src/rules/prose-sum';
import { assertModelRanges, assertResultSound, applyAndCompare, exerciseService } from './invariants';
import { reportText, wellFormedReport } from './generators';
import { applyMutation, mutation, sampleDrafts } from './mutations';

// Bounded so the whole robustness suite stays well under a minute on two cores.
// NIANBAO_FUZZ_SCALE=10 runs a longer campaign by hand.
const SCALE = Number(process.env.NIANBAO_FUZZ_SCALE ?? 1);
const RUNS = Object.fromEntries(
  Object.entries({ generated: 400, wellFormed: 150, unicode: 300, mutated: 300, converge: 200 }).map(([k, n]) => [k, Math.round(n * SCALE)]),
) as Record<'generated' | 'wellFormed' | 'unicode' | 'mutated' | 'converge', number>;
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? Date.now() % 1_000_000);
const params = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true, includeErrorInReport: true });
console.log(`# fast-check seed ${SEED} (set NIANBAO_FUZZ_SEED to replay); runs ${JSON.stringify(RUNS)}`);

/** The registered rules plus the sum rules with fixes, so convergence is tested even before registration. */
const SUM_RULE_IDS = ['table-balance', 'table-sum', 'prose-sum'];
const RULES: readonly Rule[] = (() => {
  const byId = new Map<string, Rule>(ALL_RULES.map((r) => [r.meta.id, r]));
  for (const r of [tableBalance, proseSum, findRule('table-sum')]) if (r && !byId.has(r.meta.id)) byId.set(r.meta.id, r);
  return [...byId.values()];
})();

const DRAFTS = sampleDrafts();

describe('any input yields a sound result', () => {
  test(`report-shaped generated drafts (${RUNS.generated} runs)`, () => {
    fc.assert(
      fc.property(reportText, (text) => {
        assertResultSound(text, check(text, { rules: RULES }), 'generated');
      }),
      params(RUNS.generated),
    );
  });

  test(`well-formed six-part drafts under every profile (${RUNS.wellFormed} runs)`, () => {
    fc.assert(
      fc.property(wellFormedReport, fc.constantFrom(undefined, 'gov-2021', 'gov-2019', 'legacy', 'generic', 'no-such-profile'), (text, profile) => {
        assertResultSound(text, check(text, { rules: RULES, profile }), `profile ${profile}`);
      }),
      params(RUNS.wellFormed),
    );
  });

  test(`arbitrary unicode and binary strings (${RUNS.unicode} runs)`, () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.constantFrom('\uD83D', '\uDE00', '\r', '\n', '|', '\t', '一、', '（一）', '1.', '共', '条', '其中', '5', '#', ' '), { maxLength: 200 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = parse(text);
        assertModelRanges(doc);
        assertResultSound(text, check(text, { rules: RULES }), 'unicode');
      }),
      params(RUNS.unicode),
    );
  });

  test(`mutated fixtures and real reports (${RUNS.mutated} runs over ${DRAFTS.length} drafts)`, () => {
    assert.ok(DRAFTS.length >= 10, `expected fixture drafts, found ${DRAFTS.length}`);
    fc.assert(
      fc.property(fc.nat({ max: DRAFTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (i, muts) => {
        const text = muts.reduce(applyMutation, DRAFTS[i].text);
        const r = check(text, { rules: RULES });
        assertResultSound(text, r, DRAFTS[i].name);
        exerciseService(r); // outline, folding, hover, completion, code actions: what the server runs
      }),
      params(RUNS.mutated),
    );
  });

  test('every unmutated draft is sound', () => {
    for (const d of DRAFTS) assertResultSound(d.text, check(d.text, { rules: RULES }), d.name);
  });
});

// ------------------------------------------------------------------------------------------------

function sumFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => SUM_RULE_IDS.includes(f.ruleId) && f.fix && f.fix.edits.length > 0);
}

const sameSpot = (a: Finding, line: number, character: number) => a.range.start.line === line && a.range.start.character === character;

/**
 * Applies one sum fix and re-checks: the same sum (same rule, same check id) must no longer be
 * reported at the cell or figure the fix rewrote.
 */
function assertConverges(text: string, f: Finding, label: string): void {
  const after = applyAndCompare(text, f.fix!.edits, `${label} ${f.ruleId}`);
  const r = check(after, { rules: RULES });
  assert.deepEqual(r.ruleFailures, [], `${label}: rule failed after fix`);
  const { line, character } = f.fix!.edits[0].range.start;
  const again = r.findings.filter((g) => g.ruleId === f.ruleId && sameSpot(g, line, character) && g.data?.check === f.data?.check);
  assert.deepEqual(
    again.map((g) => g.message),
    [],
    `${label}: after 「${f.fix!.title}」 the same sum is still reported at ${line}:${character}\nbefore: ${f.message}\nfixed line: ${after.split(/\r\n|\r|\n/)[line]}`,
  );
}

describe('sum fixes converge', () => {
  // Drafts with a national table or a prose total: digits flipped at random, every sum fix applied.
  const bases = DRAFTS.filter((d) => /勾稽|共计|其中|总计/.test(d.text));
  let exercised = 0;

  test(`flipped digits, every sum fix applied and re-checked (${RUNS.converge} runs over ${bases.length} drafts)`, () => {
    assert.ok(bases.length > 0);
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(fc.record({ op: fc.constant('flip-digit' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 4 }),
        (i, flips) => {
          const text = flips.reduce(applyMutation, bases[i].text);
          const r = check(text, { rules: RULES });
          for (const f of sumFindings(r.findings)) {
            exercised++;
            assertConverges(text, f, bases[i].name);
          }
        },
      ),
      params(RUNS.converge),
    );
    console.log(`# sum fixes applied and re-checked: ${exercised}`);
    assert.ok(exercised > 0, 'no sum fix was produced: the convergence property was not exercised');
  });

  test('generated prose totals: fixing the total silences the finding', () => {
    const statement = fc
      .tuple(fc.nat({ max: 5000 }), fc.array(fc.nat({ max: 900 }), { minLength: 2, maxLength: 7 }), fc.constantFrom('条', '件', '次'))
      .map(([total, parts, unit]) => `本年度共发布信息${total}${unit}，其中${parts.map((n, k) => `栏目${'甲乙丙丁戊己庚'[k]}${n}${unit}`).join('、')}。`);
    let fixes = 0;
    fc.assert(
      fc.property(statement, fc.constantFrom('\n', '\r\n'), (s, eol) => {
        const text = ['# 青禾市某局2023年政府信息公开工作年度报告', '', '一、总体情况', '', s, ''].join(eol);
        for (const f of sumFindings(check(text, { rules: RULES }).findings)) {
          fixes++;
          assertConverges(text, f, 'prose');
        }
      }),
      params(RUNS.converge),
    );
    console.log(`# prose-sum fixes applied and re-checked: ${fixes}`);
    assert.ok(fixes > 0, 'no prose-sum fix produced');
  });
});
