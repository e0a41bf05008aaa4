// Numbers as writers write them, and fixes that rewrite them: any integer in any grouping style
// (commas, a space, U+2009, U+202F, full-width) reads as its value; a separator out of place reads
// as an ambiguous figure, never as part of one; Chinese numerals up to 亿亿 read right; and every
// fix of every rule replaces a whole number, never part of one — on generated statements and on
// the fixture drafts with their figures regrouped and flipped.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES, check, type Finding, type TextEdit } from '../../core/src/index';
import { parseChineseNumeral, readValueCell, scanNumbers } from '../../core/src/parse/numbers';
import { fixAllEdits } from '../../core/src/service/index';
import { applyAndCompare, lspLines, offsetOf } from './invariants';
import { applyMutation, sampleDrafts } from './mutations';

const SCALE = Number(process.env.NIANBAO_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? Date.now() % 1_000_000);
const params = (numRuns: number) => ({ numRuns: Math.round(numRuns * SCALE), seed: SEED, endOnFailure: true, includeErrorInReport: true });
console.log(`# numbers fuzz seed ${SEED} (NIANBAO_FUZZ_SEED replays)`);

const SPACES = [' ', '\u00a0', '\u2009', '\u202f'];
const toFullWidth = (s: string) => s.replace(/[0-9,]/g, (c) => (c === ',' ? '，' : String.fromCharCode(0xff10 + Number(c))));

/** `n` grouped in threes with `sep` between the groups. */
function grouped(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

type Style = 'plain' | 'comma' | 'space' | 'nbsp' | 'thin' | 'narrow' | 'full-width';
const STYLES: Style[] = ['plain', 'comma', 'space', 'nbsp', 'thin', 'narrow', 'full-width'];

function styled(n: number, style: Style): string {
  switch (style) {
    case 'plain':
      return String(n);
    case 'comma':
      return grouped(n, ',');
    case 'full-width':
      return toFullWidth(grouped(n, ','));
    default:
      return grouped(n, SPACES[STYLES.indexOf(style) - 2]);
  }
}

describe('numbers read as written', () => {
  test('the figures of issue 13', () => {
    const read = (t: string) => scanNumbers(t).map((n) => [n.kind, n.value, n.raw]);
    for (const sep of SPACES) assert.deepEqual(read(`共1${sep}268条`), [['exact', 1268, `1${sep}268`]]);
    assert.deepEqual(read('1,2000条'), [['ambiguous', null, '1,2000']]);
    assert.equal(parseChineseNumeral('一万亿'), 1e12);
    assert.deepEqual(read('一万亿元'), [['exact', 1e12, '一万亿']]);
    assert.deepEqual(read('1万亿'), [['exact', 1e12, '1万亿']]);
    assert.deepEqual(read('120 345 0'), [['exact', 120, '120'], ['exact', 345, '345'], ['exact', 0, '0']], 'figures in a row are not one grouped number');
    assert.deepEqual(readValueCell('1 268')?.value, 1268);
    assert.equal(readValueCell('1,2000')?.kind, 'ambiguous');
  });

  test('the 1,2000 fix of issue 13 is gone, and 1 268 is fixed whole', () => {
    const text = (total: string, part: string) => `<!-- nianbao-profile: generic -->\n全年公开信息共${total}条，其中门户网站${part}条、政务微博656条。\n`;
    const amb = check(text('2001', '1,2000'));
    assert.ok(!amb.findings.some((f) => f.fix), 'no fix rewrites an ambiguous figure');
    assert.ok(amb.findings.some((f) => f.ruleId === 'number-format'), 'the writer is told the figure is ambiguous');
    const spaced = check(text('1 269', '612'));
    const f = spaced.findings.find((x) => x.ruleId === 'prose-sum')!;
    assert.ok(f, 'the wrong total is found');
    const after = applyAndCompare(spaced.doc.text, f.fix!.edits, 'prose-sum');
    assert.match(after, /共1268条/);
  });

  test(`any integer in any grouping style reads as its value (${Math.round(600 * SCALE)} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom(...STYLES), fc.constantFrom('共', '其中', '、A ', '（', ''), fc.constantFrom('条', '件', '万元', '', '，', '。'), (n, style, before, after) => {
        const written = styled(n, style);
        const toks = scanNumbers(`${before}${written}${after}`);
        assert.equal(toks.length, 1, `${JSON.stringify(before + written + after)}: ${JSON.stringify(toks)}`);
        assert.equal(toks[0].value, n);
        assert.equal(toks[0].raw, written);
      }),
      params(600),
    );
  });

  test(`a separator out of place is one ambiguous figure, never part of one (${Math.round(400 * SCALE)} runs)`, () => {
    const badGroups = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }))
      .filter(([, lens]) => lens.some((l) => l !== 3))
      .map(([lead, lens]) => [String(lead), ...lens.map((l) => '7'.repeat(l))].join(','));
    fc.assert(
      fc.property(badGroups, fc.constantFrom('条', '件', ''), (written, unit) => {
        const toks = scanNumbers(`共${written}${unit}`);
        assert.equal(toks.length, 1, `${written}: ${JSON.stringify(toks)}`);
        assert.equal(toks[0].kind, 'ambiguous');
        assert.equal(toks[0].value, null);
        assert.equal(toks[0].raw, written);
      }),
      params(400),
    );
  });

  test(`Chinese numerals up to 10^16 read right (${Math.round(600 * SCALE)} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => n % 1e16), fc.boolean(), (n, shortTen) => {
        const written = chineseNumeral(n, shortTen);
        assert.equal(parseChineseNumeral(written), n, written);
      }),
      params(600),
    );
  });
});

const CN = '零一二三四五六七八九';

/** The standard Chinese numeral of n (< 10^16): 一万零五, 三亿五千万, 十二 (or 一十二). */
function chineseNumeral(n: number, shortTen: boolean): string {
  if (n === 0) return '零';
  const four = (x: number, leading: boolean): string => {
    const d = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
    let out = '';
    let zero = false;
    d.forEach((v, i) => {
      if (v === 0) {
        zero = out !== '';
        return;
      }
      if (zero) out += '零';
      zero = false;
      out += leading && shortTen && i === 2 && v === 1 && out === '' ? '' : CN[v];
      out += ['千', '百', '十', ''][i];
    });
    return out;
  };
  const eight = (x: number, leading: boolean): string => {
    const hi = Math.floor(x / 1e4);
    const lo = x % 1e4;
    if (!hi) return four(lo, leading);
    return four(hi, leading) + '万' + (lo && lo < 1000 ? '零' : '') + (lo ? four(lo, false) : '');
  };
  const hi = Math.floor(n / 1e8);
  const lo = n % 1e8;
  if (!hi) return eight(lo, true);
  return eight(hi, true) + '亿' + (lo && lo < 1e7 ? '零' : '') + (lo ? eight(lo, false) : '');
}

// ------------------------------------------------------------------------------------------------
// Every fix replaces a whole number

const isDigit = (c: string | undefined) => !!c && /[0-9０-９]/.test(c);
const isSeparator = (c: string | undefined) => !!c && /[,，.．\u0020\u00a0\u2009\u202f]/.test(c);
const threeDigitsFrom = (text: string, i: number) => isDigit(text[i]) && isDigit(text[i + 1]) && isDigit(text[i + 2]) && !isDigit(text[i + 3]);

/** True when offset `at` lies inside a written number: between two digits, or between a digit and a thousands group. */
function insideNumber(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (isDigit(before) && isDigit(after)) return true;
  // "1 |268", "1,|268": a group starts here; "1|,268", "1| 268": a group follows here.
  if (isSeparator(before) && isDigit(text[at - 2]) && threeDigitsFrom(text, at)) return true;
  if (isDigit(before) && isSeparator(after) && threeDigitsFrom(text, at + 1)) return true;
  // "12|.5" / "12.|5": the decimal part.
  if ((before === '.' || before === '．') && isDigit(text[at - 2]) && isDigit(after)) return true;
  if (isDigit(before) && (after === '.' || after === '．') && isDigit(text[at + 1])) return true;
  return false;
}

function assertWholeNumberEdits(text: string, f: Finding, edits: readonly TextEdit[], label: string): number {
  const starts = lineStarts(text);
  let numeric = 0;
  for (const e of edits) {
    const s = offsetOf(text, e.range.start, starts);
    const t = offsetOf(text, e.range.end, starts);
    const old = text.slice(s, t);
    if (!/[0-9０-９]/.test(old + e.newText)) continue;
    numeric++;
    const where = `${label}: ${f.ruleId} «${f.message.slice(0, 80)}» edit ${JSON.stringify(old)} → ${JSON.stringify(e.newText)} in line «${lspLines(text)[e.range.start.line].slice(0, 120)}»`;
    assert.ok(!insideNumber(text, s), `${where}: starts inside a number`);
    assert.ok(!insideNumber(text, t), `${where}: ends inside a number`);
  }
  return numeric;
}

function lineStarts(text: string): number[] {
  const out = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** Every fix of every finding, and the fix-all set, replace whole numbers; returns how many numeric edits were seen. */
function assertAllFixesWhole(text: string, label: string): number {
  const r = check(text, { rules: ALL_RULES });
  let n = 0;
  for (const f of r.findings) if (f.fix) n += assertWholeNumberEdits(text, f, f.fix.edits, label);
  const all = fixAllEdits(r);
  if (all.length) applyAndCompare(text, all, `${label}: fix all`);
  return n;
}

/** Every Arabic integer of 4+ digits in `text` rewritten in a style chosen per number. */
function regroup(text: string, choose: (i: number) => Style): string {
  let i = 0;
  return text.replace(/(?<![0-9０-９.,，])\d{4,12}(?![0-9０-９.,，])/g, (m) => styled(Number(m), choose(i++)));
}

describe('every fix replaces a whole number', () => {
  const statement = fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.constantFrom(...STYLES), { minLength: 7, maxLength: 7 }),
      fc.constantFrom('条', '件'),
      fc.boolean(),
    )
    .map(([total, parts, styles, unit, first]) => {
      const list = parts.map((n, k) => `栏目${'甲乙丙丁戊己'[k]}${styled(n, styles[k + 1])}${unit}`).join('、');
      return first ? `本年度共发布信息${styled(total, styles[0])}${unit}，其中${list}。` : `${list}，共计${styled(total, styles[0])}${unit}。`;
    });

  test(`generated totals in every grouping style (${Math.round(400 * SCALE)} runs)`, () => {
    let numeric = 0;
    fc.assert(
      fc.property(statement, (s) => {
        const text = ['# 青川市某局2023年政府信息公开工作年度报告', '', '一、总体情况', '', s, ''].join('\n');
        numeric += assertAllFixesWhole(text, 'statement');
      }),
      params(400),
    );
    console.log(`# numeric fix edits checked on generated statements: ${numeric}`);
    assert.ok(numeric > 0, 'no fix was produced: the property was not exercised');
  });

  test(`fixture drafts with figures regrouped and flipped (${Math.round(200 * SCALE)} runs)`, () => {
    const drafts = sampleDrafts().filter((d) => /\d{4}/.test(d.text));
    let numeric = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: drafts.length - 1 }),
        fc.array(fc.constantFrom(...STYLES), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ op: fc.constant('flip-digit' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }), { maxLength: 3 }),
        (i, styles, flips) => {
          const text = flips.reduce(applyMutation, regroup(drafts[i].text, (k) => styles[k % styles.length]));
          numeric += assertAllFixesWhole(text, drafts[i].name);
        },
      ),
      params(200),
    );
    console.log(`# numeric fix edits checked on regrouped drafts: ${numeric}`);
    assert.ok(numeric > 0);
  });
});
