// An editor's check session (core/src/session.ts) may only change how long a check takes, never
// what it finds: along any sequence of edits, checking with one long-lived session must give the
// same findings as checking every version from scratch.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES, check, createCheckSession, createSharedMemos, type CheckResult } from '../../core/src/index';
import { MAX_ENTRIES, SharedMemos } from '../../core/src/shared-memos';
import { applyMutation, mutation, sampleDrafts } from './mutations';

const SCALE = Number(process.env.NIANBAO_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? Date.now() % 1_000_000);
const DRAFTS = sampleDrafts();

/** Everything a check reports, as comparable text. */
function outcome(r: CheckResult): string {
  return JSON.stringify({ profile: r.choice.profile.id, findings: r.findings, failures: r.ruleFailures, year: r.facts.year });
}

/** One keystroke: a character typed or deleted at an offset (the common edit in an editor). */
const keystroke = fc.record({ at: fc.nat(), text: fc.constantFrom('', '的', '1', '0', '|', '\n', '。', '共', '条', '一、', ' ') });
function applyKeystroke(text: string, k: { at: number; text: string }): string {
  const at = text.length ? k.at % text.length : 0;
  return k.text ? text.slice(0, at) + k.text + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

describe('a check session never changes findings', () => {
  test(`keystrokes and damaging edits on real-shaped drafts (${Math.round(60 * SCALE)} sequences)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRAFTS),
        fc.array(fc.oneof(keystroke.map((k) => ({ k })), mutation.map((m) => ({ m }))), { minLength: 1, maxLength: 12 }),
        (draft, edits) => {
          const session = createCheckSession();
          let text = draft.text;
          assert.equal(outcome(check(text, { session })), outcome(check(text)), `${draft.name}: first check`);
          edits.forEach((e, i) => {
            text = 'k' in e ? applyKeystroke(text, e.k) : applyMutation(text, e.m);
            assert.equal(outcome(check(text, { session })), outcome(check(text)), `${draft.name}: after edit ${i + 1}`);
          });
        },
      ),
      { numRuns: Math.round(60 * SCALE), seed: SEED, endOnFailure: true },
    );
  });

  test('going back to an earlier version, or to another document, gives that version\'s findings', () => {
    const session = createCheckSession();
    const texts = DRAFTS.slice(0, 6).map((d) => d.text);
    for (const t of [...texts, ...texts.reverse(), texts[0], texts[0]]) {
      assert.equal(outcome(check(t, { session })), outcome(check(t)));
    }
  });

  test('a keystroke in prose reuses the unchanged tables of the previous check', () => {
    const draft = DRAFTS.find((d) => d.text.includes('|') && /[。，]/.test(d.text))!;
    const session = createCheckSession();
    const before = check(draft.text, { session });
    assert.ok(before.doc.tables.length > 0, 'the draft has tables');
    const lines = draft.text.split('\n');
    const prose = lines.findIndex((l) => /[。，]/.test(l) && !l.includes('|'));
    lines[prose] = lines[prose] + '另';
    const after = check(lines.join('\n'), { session });
    assert.equal(after.doc.tables.length, before.doc.tables.length);
    // Same line count, so the tables keep their place: each is the very object read before.
    after.doc.tables.forEach((t, i) => assert.equal(t, before.doc.tables[i], `table ${i} re-read`));
    // Without a session every check reads its own tables.
    assert.notEqual(check(draft.text).doc.tables[0], before.doc.tables[0]);
  });
});

describe('a run\'s shared memos never change findings', () => {
  test('a folder checked with one store, in both orders, finds what each check finds alone', () => {
    const expected = DRAFTS.map((d) => outcome(check(d.text)));
    const shared = createSharedMemos();
    DRAFTS.forEach((d, i) => assert.equal(outcome(check(d.text, { shared })), expected[i], `${d.name}, forward`));
    for (let i = DRAFTS.length - 1; i >= 0; i--) assert.equal(outcome(check(DRAFTS[i].text, { shared })), expected[i], `${DRAFTS[i].name}, backward`);
  });

  test('with an editor session too, along edits', () => {
    const shared = createSharedMemos();
    const session = createCheckSession();
    for (const d of DRAFTS.slice(0, 8)) {
      const edited = d.text.replace('一、', '一、总体情况补充 ');
      for (const t of [d.text, edited]) assert.equal(outcome(check(t, { session, shared })), outcome(check(t)), d.name);
    }
  });

  test('memory stays bounded: object keys are weak, other keys capped', () => {
    const store = new SharedMemos();
    const memo = store.memo<string, number>('owner');
    for (let i = 0; i < MAX_ENTRIES * 2 + 5; i++) memo.set(`label ${i}`, i);
    assert.equal(memo.get(`label ${MAX_ENTRIES * 2 + 4}`), MAX_ENTRIES * 2 + 4, 'the latest entry is kept');
    assert.equal(memo.get('label 0'), undefined, 'the oldest were let go');
    const byObject = store.memo<object, number>('objects');
    const key = {};
    byObject.set(key, 1);
    assert.equal(byObject.get(key), 1);
    assert.equal(store.memo('owner'), memo, 'one memo per owner');
  });
});

describe('check state is explicit', () => {
  test('a check run inside another (as completion does) changes nothing of the outer one', () => {
    const draft = DRAFTS[0];
    const session = createCheckSession();
    const plain = outcome(check(draft.text));
    // A rule that runs a whole nested check of another text, with and without a session of its own.
    const nesting = {
      meta: { ...ALL_RULES[0].meta, id: 'nesting-probe' },
      check: () => {
        check(DRAFTS[DRAFTS.length - 1].text);
        check(DRAFTS[DRAFTS.length - 1].text, { session: createCheckSession() });
      },
    };
    const rules = [nesting, ...ALL_RULES];
    const nested = check(draft.text, { session, rules });
    assert.equal(outcome(nested), plain);
    assert.equal(outcome(check(draft.text, { session, rules })), plain, 'the next check of the session');
  });
});
