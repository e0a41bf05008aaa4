// Mutations of real-shaped drafts: the kind of damage copy-paste and hurried editing do (lines lost,
// duplicated or swapped, digits changed, tables cut, stray characters pasted in).

import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostileChar } from './generators';

export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; with: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'flip-digit'; at: number; digit: number }
  | { op: 'cut-table-row'; at: number; keep: number }
  | { op: 'drop-pipes'; at: number }
  | { op: 'join-lines'; at: number }
  | { op: 'eol'; eol: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileChar, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })) }),
  fc.record({ op: fc.constant('flip-digit' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ op: fc.constant('cut-table-row' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ op: fc.constant('drop-pipes' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('join-lines' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n', '\r', '\n') }),
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'delete-line':
      lines.splice(m.at % n, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(m.at % n, 0, lines[m.at % n]);
      return lines.join('\n');
    case 'swap-lines': {
      const a = m.at % n;
      const b = m.with % n;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'flip-digit': {
      const digits = [...text.matchAll(/\d/g)];
      if (!digits.length) return text;
      const d = digits[m.at % digits.length];
      return text.slice(0, d.index) + String(m.digit) + text.slice(d.index + 1);
    }
    case 'cut-table-row': {
      const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes('|'));
      if (!rows.length) return text;
      const [row, i] = rows[m.at % rows.length];
      lines[i] = row.slice(0, m.keep % (row.length + 1));
      return lines.join('\n');
    }
    case 'drop-pipes': {
      const i = m.at % n;
      lines[i] = lines[i].replace(/\|/g, ' ');
      return lines.join('\n');
    }
    case 'join-lines': {
      const i = m.at % n;
      if (i + 1 >= n) return text;
      lines.splice(i, 2, lines[i] + lines[i + 1]);
      return lines.join('\n');
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.eol);
  }
}

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
export const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');

/** Fixture drafts (without the test markers) and, when present, the real seeds and corpus. */
export function sampleDrafts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const add = (dir: string, label: string, filter: (f: string) => boolean) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).filter(filter).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/[ \t]*<!-- expect[^>]*-->/g, '');
      out.push({ name: `${label}/${f}`, text });
    }
  };
  for (const sub of ['correct', 'defects', 'seeds']) add(path.join(FIXTURES, sub), `fixtures/${sub}`, (f) => /\.(md|txt)$/.test(f));
  add(path.join(SHARED, 'seeds'), 'shared/seeds', (f) => f.endsWith('.txt'));
  add(path.join(SHARED, 'corpus'), 'shared/corpus', (f) => f.endsWith('.txt'));
  return out;
}
