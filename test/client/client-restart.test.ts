// When the server dies the client restarts it and tells the writer; after four restarts within
// three minutes it stops trying and says so. Runs restart.ts against a stand-in `vscode` module.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

const warnings: string[] = [];
const stubs: Record<string, unknown> = {
  window: { showWarningMessage: async (m: string) => void warnings.push(m) },
  l10n: { t: (s: string, ...args: unknown[]) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)])) },
};
// vscode-languageclient subclasses a few vscode classes when it loads; any other member is a dummy class.
const fakeVscode = new Proxy(stubs, { get: (t, k: string) => t[k] ?? class {} });

let restart: typeof import('../../client/src/restart');
let lc: typeof import('vscode-languageclient/node');

before(() => {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fakeVscode : original.call(this, request, ...rest);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the vscode stub is installed in the module cache
  lc = require('vscode-languageclient/node');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the vscode stub is installed in the module cache
  restart = require('../../client/src/restart');
});

test('restarts with a notice, then gives up after four restarts in three minutes', () => {
  let clock = 0;
  const handler = restart.restartingErrorHandler(() => clock);
  for (let i = 0; i < 4; i++) {
    const r = handler.closed() as { action: number };
    assert.equal(r.action, lc.CloseAction.Restart);
    clock += 10_000;
  }
  assert.equal(warnings.length, 4);
  assert.match(warnings[0], /restarted/);
  const last = handler.closed() as { action: number; message?: string };
  assert.equal(last.action, lc.CloseAction.DoNotRestart);
  assert.match(last.message ?? '', /5 times/);
  // Once the window has passed, restarting is allowed again.
  clock += 4 * 60_000;
  assert.equal((handler.closed() as { action: number }).action, lc.CloseAction.Restart);
  assert.equal((handler.error(new Error('x'), undefined, 1) as { action: number }).action, lc.ErrorAction.Continue);
});
