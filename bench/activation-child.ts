// Run in a fresh Node process by bench/activation.ts: loads dist/client.js against a stub of the
// `vscode` module and times require + activate(). Prints one JSON line.
//
// The stub stands in for the extension host API only as far as activation touches it: no
// documents are open (so the language client and its server are never started), events never
// fire, getConfiguration returns the defaults, registerCommand only records. Any other member
// is an inert function (a Proxy), so the stub has no real cost of its own; the real host's IPC,
// extension scanning and module loader overhead are not included.

import Module from 'node:module';
import { performance } from 'node:perf_hooks';

const disposable = { dispose() {} };
const event = () => disposable;
function inert(name: string): unknown {
  const f = function () {
    return disposable;
  };
  return new Proxy(f, {
    get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => name : inert(`${name}.${String(p)}`)),
    construct: () => inert(`new ${name}`) as object,
  });
}
const commands: string[] = [];
const stub: Record<string, unknown> = {
  workspace: {
    textDocuments: [],
    onDidOpenTextDocument: event,
    onDidChangeTextDocument: event,
    onDidCloseTextDocument: event,
    onDidChangeConfiguration: event,
    getConfiguration: () => ({ get: (_k: string, d: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
  },
  commands: { registerCommand: (id: string) => (commands.push(id), disposable), executeCommand: async () => undefined },
  languages: { setTextDocumentLanguage: async (d: unknown) => d, registerDocumentPasteEditProvider: () => disposable, onDidChangeDiagnostics: event },
  DocumentDropOrPasteEditKind: { Empty: { append: (...parts: string[]) => ({ value: parts.join('.') }) } },
  window: { activeTextEditor: undefined, onDidChangeActiveTextEditor: event, createTreeView: () => inert('treeView') },
  l10n: { t: (s: string) => s },
  EndOfLine: { LF: 1, CRLF: 2 },
  EventEmitter: class {
    event = event;
    fire() {}
    dispose() {}
  },
};
const vscodeStub = new Proxy(stub, { get: (t, p: string) => (p in t ? t[p] : inert(`vscode.${p}`)) });

const STUB_ID = '/nianbao-bench/vscode-stub.js';
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  return req === 'vscode' ? STUB_ID : original.call(this, req, ...rest);
};
const fake = new Module(STUB_ID);
fake.exports = vscodeStub;
(fake as unknown as { loaded: boolean }).loaded = true;
require.cache[STUB_ID] = fake;

const [clientPath, lspPath] = process.argv.slice(2);
const context = { subscriptions: [] as unknown[], extensionPath: '', extensionUri: inert('uri'), globalState: inert('state'), workspaceState: inert('state') };

let t = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the measured quantity is the time require() takes
const ext = require(clientPath) as { activate(c: unknown): unknown };
const requireMs = performance.now() - t;
t = performance.now();
ext.activate(context);
const activateMs = performance.now() - t;

let lspRequireMs: number | null = null;
let lspError: string | undefined;
t = performance.now();
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the measured quantity is the time require() takes
  require(lspPath);
  lspRequireMs = performance.now() - t;
} catch (e) {
  lspError = e instanceof Error ? e.message : String(e);
}
console.log(JSON.stringify({ requireMs, activateMs, commands, subscriptions: context.subscriptions.length, lspRequireMs, lspError }));
