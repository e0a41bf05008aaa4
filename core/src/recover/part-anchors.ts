// Part headings inside a line that lost its breaks: 「…联系。一、总体情况2021年，我区……」. Only an
// enumerator (一、) followed by the title of one of the profile's parts counts, and only a chain of
// them numbered 一、二、三… in order and naming parts in the profile's order: the row labels of the
// application table (一、本年新收…) and lists in the prose (一是…) name no part, or break the chain.

import type { PartSpec, Profile } from '../profiles/types';
import { titleKey } from '../facts/parts';
import { parseChineseNumeral } from '../parse/numbers';
import { editDistance } from '../text/distance';
import { keyStream } from './key-stream';

export interface PartAnchor {
  spec: PartSpec;
  specIndex: number;
  ordinal: number;
  /** Source offsets: the enumerator, the title, and the end of the title. */
  start: number;
  titleStart: number;
  titleEnd: number;
}

const ENUMERATOR = /([一二三四五六七八九十]{1,3})[ \t\u3000\u00a0]*[、，,．.][ \t\u3000\u00a0]*/g;
/** A CJK ideograph right before the numeral: 第二、 十二、 is not an enumerator (an e-mail address may be). */
const JOINED = /[\u4e00-\u9fff\u3400-\u4dbf]/;
/** Longest title looked at after an enumerator. */
const TITLE_WINDOW = 40;
/** Words part titles end with, for titles known only by their keywords. */
const TITLE_END = /情况|措施|事项|概述|统计表|统计报表|附表|问题|工作/g;
const STRONG_END = new Set(['情况', '措施', '事项', '概述', '统计表', '统计报表', '附表']);

/** The title keys a part may be written with, longest first. */
function titleKeys(spec: PartSpec): string[] {
  return [...new Set([spec.title, ...spec.aliases].map(titleKey).filter(Boolean))].sort((a, b) => b.length - a.length);
}

interface TitleHit {
  /** Stream characters the title covers. */
  length: number;
  /** 0 exact, 1 close (a typo), 2 by keywords. */
  quality: number;
}

/** The stream at `pos` starts with one of the titles exactly. */
function exactTitle(keys: string, pos: number, titles: string[]): TitleHit | undefined {
  for (const k of titles) if (keys.startsWith(k, pos)) return { length: k.length, quality: 0 };
  return undefined;
}

/**
 * A typo (行政法复议): one wrong, missing or extra character in a title of six or more (two in a long
 * one); of the lengths within reach, the closest reading, then the one nearest the title's. A typo
 * in both of the first two characters is not looked for (it spares the distance of every label).
 */
function typoTitle(keys: string, pos: number, titles: string[]): TitleHit | undefined {
  let typo: { length: number; d: number } | undefined;
  for (const k of titles) {
    if (k.length < 6 || (keys[pos] !== k[0] && keys[pos + 1] !== k[1])) continue;
    const max = k.length >= 14 ? 2 : 1;
    for (let len = k.length - max; len <= k.length + max; len++) {
      if (len <= 0 || pos + len > keys.length) continue;
      const d = editDistance(keys.slice(pos, pos + len), k, max);
      if (d > max) continue;
      const better = !typo || d < typo.d || (d === typo.d && Math.abs(len - k.length) < Math.abs(typo.length - k.length));
      if (better) typo = { length: len, d };
    }
  }
  return typo ? { length: typo.length, quality: 1 } : undefined;
}

/**
 * Known only by its keywords: the title runs to the first word titles end with (情况, 措施…; a weaker
 * ending such as 问题 only when no strong one follows), within the words before the first figure,
 * punctuation mark or space.
 */
function keywordTitle(keys: string, pos: number, spec: PartSpec, stop: number): TitleHit | undefined {
  if (spec.keywords.length === 0 || stop <= pos) return undefined;
  const window = keys.slice(pos, Math.min(stop, pos + TITLE_WINDOW));
  const keywords = spec.keywords.map((g) => g.map(titleKey));
  const fits = (title: string) => keywords.every((g) => g.some((w) => title.includes(w)));
  let weak: number | undefined;
  TITLE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TITLE_END.exec(window))) {
    const length = m.index + m[0].length;
    if (!fits(window.slice(0, length))) continue;
    if (STRONG_END.has(m[0])) return { length, quality: 2 };
    weak ??= length;
  }
  return weak !== undefined ? { length: weak, quality: 2 } : undefined;
}

/**
 * The part headings of `profile` inside source[from, to): the longest chain numbered 一、二、三… in
 * order, naming parts in the profile's order. A chain of fewer than two is no evidence and is dropped.
 */
export function findPartAnchors(source: string, from: number, to: number, profile: Profile): PartAnchor[] {
  const found: PartAnchor[] = [];
  const titles = profile.parts.map(titleKeys);
  ENUMERATOR.lastIndex = from;
  const text = source.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = ENUMERATOR.exec(text))) {
    const start = m.index;
    if (start >= to) break;
    const before = start > from ? source[start - 1] : '';
    if (before && JOINED.test(before)) continue;
    const ordinal = parseChineseNumeral(m[1]);
    if (!ordinal || ordinal > profile.parts.length + 4) continue;
    const titleStart = start + m[0].length;
    const stream = keyStream(source, titleStart, Math.min(to, titleStart + TITLE_WINDOW * 2), true);
    const hard = source.slice(titleStart, titleStart + TITLE_WINDOW * 2).search(/[。，,；;：:！!？?（(\s0-9０-９]/);
    const stop = hard < 0 ? stream.keys.length : stream.offsets.findIndex((o) => o >= titleStart + hard);
    // The best reading: an exact title of any part first, then a typo, then keywords (longest first).
    const end = stop < 0 ? stream.keys.length : stop;
    const readings: ((i: number) => TitleHit | undefined)[] = [
      (i) => exactTitle(stream.keys, 0, titles[i]),
      (i) => typoTitle(stream.keys, 0, titles[i]),
      (i) => keywordTitle(stream.keys, 0, profile.parts[i], end),
    ];
    let best: { specIndex: number; hit: TitleHit } | undefined;
    for (const read of readings) {
      profile.parts.forEach((_, specIndex) => {
        const hit = read(specIndex);
        if (hit && (!best || hit.length > best.hit.length)) best = { specIndex, hit };
      });
      if (best) break;
    }
    if (!best) continue;
    const titleEnd = stream.offsets[best.hit.length - 1] + 1;
    found.push({ spec: profile.parts[best.specIndex], specIndex: best.specIndex, ordinal, start, titleStart, titleEnd });
  }
  return longestChain(found);
}

/** The longest run of anchors with ordinals 1, 2, 3… (each one more) and part indexes increasing. */
function longestChain(anchors: PartAnchor[]): PartAnchor[] {
  const best: number[] = anchors.map(() => 1);
  const prev: number[] = anchors.map(() => -1);
  for (let i = 0; i < anchors.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = anchors[j];
      const b = anchors[i];
      if (b.ordinal === a.ordinal + 1 && b.specIndex > a.specIndex && b.start >= a.titleEnd && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < anchors.length; i++) if (anchors[i].ordinal === chainStart(anchors, prev, i) && (end < 0 || best[i] > best[end])) end = i;
  if (end < 0 || best[end] < 2) return [];
  const chain: PartAnchor[] = [];
  for (let i = end; i >= 0; i = prev[i]) chain.unshift(anchors[i]);
  return chain;
}

/** The ordinal a chain ending at `i` starts from must be 一 (numbering starts at the first part). */
function chainStart(anchors: PartAnchor[], prev: number[], i: number): number {
  let k = i;
  while (prev[k] >= 0) k = prev[k];
  return anchors[k].ordinal === 1 ? anchors[i].ordinal : -1;
}
