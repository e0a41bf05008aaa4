// One language per locale: every string the client passes to vscode.l10n.t (found in the source of
// every client file that calls it, by the TypeScript parser) has a zh-cn translation and an entry
// in the English bundle, and nothing stale is left in them; the manifest's %keys% exist in both
// package.nls files, which have the same keys. English text holds no Chinese, Chinese text is
// Chinese.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO } from '../protocol/lspClient';

const HAN = /[\u3400-\u9fff]/;
const json = (p: string) => JSON.parse(readFileSync(join(REPO, p), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The first argument of every `l10n.t(…)` call; a call whose message is not a literal fails. */
function l10nCalls(file: string): { message: string; line: number }[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: { message: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't') {
      const target = node.expression.expression;
      if (ts.isPropertyAccessExpression(target) ? target.name.text === 'l10n' : ts.isIdentifier(target) && target.text === 'l10n') {
        const arg = node.arguments[0];
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        assert.ok(arg && ts.isStringLiteralLike(arg), `${file}:${line}: l10n.t needs a literal message to be translated`);
        out.push({ message: arg.text, line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('localisation', () => {
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  const en = json('l10n/bundle.l10n.json');
  const calls = sourceFiles('client/src').flatMap((f) => l10nCalls(f).map((c) => ({ ...c, file: f })));

  test('every l10n.t message has a Chinese translation and an English entry', () => {
    assert.ok(calls.length > 20, `${calls.length} calls found`);
    const files = new Set(calls.map((c) => c.file));
    assert.ok(files.size >= 4, `files calling l10n.t: ${[...files]}`);
    for (const c of calls) {
      assert.ok(c.message in zh, `${c.file}:${c.line}: no zh-cn translation of ${JSON.stringify(c.message)}`);
      assert.ok(c.message in en, `${c.file}:${c.line}: ${JSON.stringify(c.message)} missing from l10n/bundle.l10n.json`);
    }
  });

  test('the bundles hold no message the code no longer uses, and the same keys', () => {
    const used = new Set(calls.map((c) => c.message));
    assert.deepEqual(Object.keys(zh).filter((k) => !used.has(k)), [], 'stale zh-cn entries');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  });

  test('translations keep their placeholders; English has no Chinese, Chinese is Chinese', () => {
    const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    for (const [k, v] of Object.entries(zh)) {
      assert.equal(holes(v), holes(k), `placeholders of ${k}`);
      assert.match(v, HAN, `zh-cn of ${JSON.stringify(k)} is not Chinese`);
      assert.doesNotMatch(k, HAN, `English message ${JSON.stringify(k)} holds Chinese`);
      assert.doesNotMatch(en[k], HAN, `English bundle entry ${JSON.stringify(k)} holds Chinese`);
    }
  });

  test('package.nls.json and package.nls.zh-cn.json have the same keys, and every %key% of the manifest', () => {
    const nls = json('package.nls.json');
    const nlsZh = json('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsZh).sort());
    const manifest = readFileSync(join(REPO, 'package.json'), 'utf8');
    const refs = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(refs.length > 10);
    for (const r of refs) assert.ok(r in nls && r in nlsZh, `%${r}% is in both package.nls files`);
    for (const [k, v] of Object.entries(nls)) assert.doesNotMatch(v, HAN, `package.nls.json ${k} holds Chinese`);
    for (const [k, v] of Object.entries(nlsZh)) assert.match(v, HAN, `package.nls.zh-cn.json ${k} is not Chinese`);
  });

  test('command titles and settings are localised, not written into the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    // A command hidden from the palette (a test hook) is never shown: its title may stay as it is.
    const hidden = new Set(
      ((manifest.contributes.menus?.commandPalette ?? []) as { command: string; when?: string }[]).filter((m) => m.when === 'false').map((m) => m.command),
    );
    for (const c of manifest.contributes.commands) {
      if (hidden.has(c.command)) continue;
      for (const k of ['title', 'category']) assert.match(c[k], /^%.+%$/, `${c.command} ${k}`);
    }
    for (const [id, p] of Object.entries<Record<string, unknown>>(manifest.contributes.configuration.properties)) {
      assert.match(String(p.markdownDescription ?? p.description), /^%.+%$/, `${id} description`);
      for (const d of (p.enumDescriptions as string[] | undefined) ?? []) assert.match(d, /^%.+%$/, `${id} enumDescriptions`);
    }
  });
});
