// The extension manifest is consistent: every %key% has an English and a Chinese text, the files
// it points to exist, activation is limited to the declared events, and the grammar is valid JSON
// with the scope name the manifest names.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { REPO } from '../protocol/lspClient';

const read = (p: string) => JSON.parse(readFileSync(join(REPO, p), 'utf8'));
const manifest = read('package.json');

function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(/^%([^%]+)%$/g)) out.add(m[1]);
  else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

describe('extension manifest', () => {
  test('every %key% is translated in English and Chinese', () => {
    const keys = [...nlsKeys(manifest)];
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = read(file);
      const missing = keys.filter((k) => typeof nls[k] !== 'string' || !nls[k]);
      assert.deepEqual(missing, [], `${file} lacks ${missing.join(', ')}`);
    }
    const zh = read('package.nls.zh-cn.json');
    assert.match(zh['command.newReport'], /[\u4e00-\u9fff]/);
  });

  test('the 年报概览 view is in the Explorer, named in both languages; its helper commands stay out of the palette', () => {
    const view = (manifest.contributes.views.explorer as { id: string; name: string }[]).find((v) => v.id === 'nianbao.overview');
    assert.ok(view, 'nianbao.overview contributed');
    const key = /^%(.+)%$/.exec(view.name)?.[1];
    assert.ok(key, 'the name is localised');
    assert.equal(read('package.nls.zh-cn.json')[key], '年报概览');
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter((m) => m.when === 'false').map((m) => m.command);
    for (const c of ['nianbao.overview.reveal', 'nianbao.overviewState']) assert.ok(hidden.includes(c), `${c} hidden`);
  });

  test('activation is cheap: only the language, detection languages, folders with report files and the commands', () => {
    const commands = (manifest.contributes.commands as { command: string }[]).map((c) => `onCommand:${c.command}`);
    const allowed = new Set(['onLanguage:nianbao', 'onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/*.nianbao.md', ...commands]);
    for (const e of manifest.activationEvents as string[]) assert.ok(allowed.has(e), `unexpected activation event ${e}`);
    assert.ok(!(manifest.activationEvents as string[]).includes('*'));
  });

  test('the language, grammar and configuration files exist and agree', () => {
    const lang = manifest.contributes.languages.find((l: { id: string }) => l.id === 'nianbao');
    assert.deepEqual(lang.extensions, ['.nianbao.md']);
    assert.ok(existsSync(join(REPO, lang.configuration)));
    read(lang.configuration);
    const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'nianbao');
    assert.equal(read(grammar.path).scopeName, grammar.scopeName);
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  test('settings the server validates are declared with defaults', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['nianbao.profile'].default, 'auto');
    assert.equal(props['nianbao.detect.enabled'].default, true);
    assert.equal(props['nianbao.debounceMs'].default, 150);
    assert.equal(props['nianbao.rules'].type, 'object');
    assert.equal(props['nianbao.workspaceDiagnostics.enabled'].default, DEFAULT_SETTINGS.workspaceDiagnostics.enabled);
    assert.equal(props['nianbao.workspaceDiagnostics.include'].default, DEFAULT_SETTINGS.workspaceDiagnostics.include);
  });

  test('the runtime l10n bundle translates every English string the client uses', () => {
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    const sources = ['client/src/commands.ts', 'client/src/lsp.ts'].map((f) => readFileSync(join(REPO, f), 'utf8')).join('\n');
    const used = [...sources.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]);
    assert.ok(used.length > 5);
    const missing = used.filter((s) => !zh[s]);
    assert.deepEqual(missing, []);
  });
});
