// The Nianbao language server (`nianbao-language-server --stdio`): a thin adapter between LSP and
// the core's editor-free language service. Diagnostics are pushed on open and (debounced) on
// change, only for the version they were computed for; everything else is answered on request.
// The LSP plumbing (lifecycle, document sync, messages to the editor) is in ./lsp/, written on
// vscode-jsonrpc to keep the bundle small; LSP types are imported as types only.

import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Connection } from './lsp/connection';
import { Documents } from './lsp/documents';
import type { CheckResult } from '../../core/src/engine';
import { createCheckSession, type CheckSession } from '../../core/src/session';
import type { ResolvedConfig } from '../../core/src/config/types';
import { createLanguageService, FIX_ALL_KIND, profileById, profileForYear, reportSkeleton } from '../../core/src/service/index';
import type { CodeActionRequest, Diagnostic } from '../../core/src/service/index';
import {
  ProfileInfoRequest,
  SkeletonRequest,
  TablesRequest,
  type ProfileInfoParams,
  type ProfileInfoResult,
  type SkeletonParams,
  type SkeletonResult,
  type TablesParams,
  type TablesResult,
} from './protocol';
import { FailureLog } from './failureLog';
import { ruleDocsUrl } from './ruleDocs';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './settings';
import { parseConfig } from '../../core/src/config/load';
import { ConfigProblemReporter, configForDocument, loadFolderConfig, type FolderConfig } from './workspaceConfig';

/** TextDocumentSyncKind.Incremental (a type-only import has no value to read it from). */
const INCREMENTAL: TextDocumentSyncKind = 2;

const connection = new Connection();
const documents = new Documents({
  opened: (doc) => schedule(doc.uri, 0),
  changed: (doc) => schedule(doc.uri, settings.debounceMs),
  closed: (doc) => {
    clearTimeout(timers.get(doc.uri)?.timer);
    timers.delete(doc.uri);
    cache.delete(doc.uri);
    sessions.delete(doc.uri);
    connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
  },
});
const service = createLanguageService();

let settings: Settings = DEFAULT_SETTINGS;
let folders: FolderConfig[] = [];
let folderUris: string[] = [];
let canPullConfiguration = false;
const failures = new FailureLog((message) => connection.console.error(message));
/** Config problems: one notification with the count, the full list in the output channel. */
const configProblems = new ConfigProblemReporter((m) => connection.showMessage(2 /* Warning */, m), (m) => connection.console.warn(m));
const cache = new Map<string, { version: number; result: CheckResult }>();
/** One check session per open document: a keystroke re-reads only what it changed (core/src/session.ts). */
const sessions = new Map<string, CheckSession>();
const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; due: number; immediate: boolean }>();

/** A warning the writer should see (a notification: nothing to wait for), also logged. */
function warn(message: string): void {
  connection.console.warn(message);
  connection.showMessage(2 /* Warning */, message);
}

// A failed notification (e.g. the editor went away) must not bring the server down.
process.on('unhandledRejection', (err) => connection.console.error(`未处理的异常：${String(err)}`));

function effectiveConfig(uri: string): ResolvedConfig {
  const file = configForDocument(uri, folders);
  return {
    ...file,
    profile: settings.profile !== 'auto' ? settings.profile : file.profile,
    rules: { ...file.rules, ...settings.rules },
  };
}

/** The check of the document's current version, computed at most once per version. */
function analyse(doc: TextDocument): CheckResult {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.result;
  let session = sessions.get(doc.uri);
  if (!session) sessions.set(doc.uri, (session = createCheckSession()));
  const result = service.analyse(doc.getText(), { config: effectiveConfig(doc.uri), session });
  cache.set(doc.uri, { version: doc.version, result });
  return result;
}

/** A failure of the core itself (not of one rule) is logged; the server keeps serving. */
function guarded<T>(what: string, fallback: T, f: () => T): T {
  try {
    return f();
  } catch (err) {
    connection.console.error(`${what}失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}

const RULE_DOCS = ruleDocsUrl();

function publish(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const result = guarded('检查文档', undefined, () => analyse(doc));
  if (!result) return;
  // A change may have arrived while we worked; its own run will publish.
  if (documents.get(uri)?.version !== doc.version) return;
  failures.report(result.ruleFailures);
  connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(result.findings, uri, RULE_DOCS) });
}

/** Runs a check after `delay` ms; an already pending run that is due sooner stays and covers it. */
function schedule(uri: string, delay: number): void {
  const due = Date.now() + delay;
  const pending = timers.get(uri);
  if (pending && pending.due <= due && delay > 0 && pending.immediate) return;
  if (pending) clearTimeout(pending.timer);
  const timer = setTimeout(() => {
    timers.delete(uri);
    publish(uri);
  }, delay);
  timers.set(uri, { timer, due, immediate: delay === 0 });
}

function recheckAll(): void {
  cache.clear();
  for (const doc of documents.all()) schedule(doc.uri, 0);
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  let raw = pushed;
  if (canPullConfiguration) {
    try {
      raw = await connection.getConfiguration('nianbao');
    } catch {
      /* keep what was pushed */
    }
  }
  const { settings: next, problems } = validateSettings(raw);
  settings = next;
  for (const p of problems) warn(p);
}

function reloadWorkspaceConfig(): void {
  folders = folderUris.map((uri) => loadFolderConfig(uri, parseConfig));
  configProblems.report(folders);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (!folderUris.length && params.rootUri) folderUris = [params.rootUri];
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings !== undefined) {
    const { settings: s } = validateSettings(init.settings);
    settings = s;
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: INCREMENTAL },
      documentSymbolProvider: { label: '年报' },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: ['、', '|'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
    },
    serverInfo: { name: 'nianbao-language-server' },
  };
});

connection.onNotification('initialized', async () => {
  if (canPullConfiguration) void connection.register('workspace/didChangeConfiguration', { section: 'nianbao' });
  reloadWorkspaceConfig();
  await refreshSettings();
  recheckAll();
});

connection.onNotification('workspace/didChangeConfiguration', async (change: DidChangeConfigurationParams) => {
  const pushed = (change.settings as { nianbao?: unknown } | undefined)?.nianbao;
  await refreshSettings(pushed);
  recheckAll();
});

connection.onNotification('workspace/didChangeWatchedFiles', () => {
  reloadWorkspaceConfig();
  recheckAll();
});

connection.onNotification('textDocument/didOpen', (p: DidOpenTextDocumentParams) => documents.didOpen(p));
connection.onNotification('textDocument/didChange', (p: DidChangeTextDocumentParams) => documents.didChange(p));
connection.onNotification('textDocument/didClose', (p: DidCloseTextDocumentParams) => documents.didClose(p));

const withDoc = <T>(uri: string, fallback: T, f: (r: CheckResult, doc: TextDocument) => T): T => {
  const doc = documents.get(uri);
  return doc ? guarded('处理请求', fallback, () => f(analyse(doc), doc)) : fallback;
};

connection.onRequest('textDocument/documentSymbol', (p: DocumentSymbolParams): DocumentSymbol[] =>
  withDoc(p.textDocument.uri, [], (r) => service.documentSymbols(r)),
);
connection.onRequest('textDocument/foldingRange', (p: FoldingRangeParams): FoldingRange[] =>
  withDoc(p.textDocument.uri, [], (r) => service.foldingRanges(r)),
);
connection.onRequest('textDocument/completion', (p: CompletionParams): CompletionItem[] =>
  withDoc(p.textDocument.uri, [], (r) => service.completions(r, p.position)),
);
connection.onRequest('textDocument/hover', (p: HoverParams): Hover | null =>
  withDoc(p.textDocument.uri, null, (r) => service.hover(r, p.position) ?? null),
);
connection.onRequest('textDocument/codeAction', (p: CodeActionParams): CodeAction[] =>
  withDoc(p.textDocument.uri, [], (r, doc) => {
    const req: CodeActionRequest = {
      range: p.range,
      diagnostics: p.context.diagnostics as Diagnostic[],
      only: p.context.only,
    };
    return service.codeActions(r, { uri: doc.uri, version: doc.version }, req);
  }),
);

connection.onRequest(SkeletonRequest, (p: SkeletonParams): SkeletonResult => {
  // Profiles a workspace config defines count too (the first folder's config).
  const config = folders[0]?.config;
  const profile = p.profile && p.profile !== 'auto' ? profileById(p.profile, config) : profileForYear(p.year, config);
  return { text: reportSkeleton(profile, { body: p.body, year: p.year }), profileId: profile.id, profileName: profile.name };
});

connection.onRequest(TablesRequest, (p: TablesParams): TablesResult | null =>
  withDoc(p.uri, null, (r) => ({
    profileId: r.choice.profile.id,
    profileName: r.choice.profile.name,
    tables: r.choice.profile.tables.map((t) => ({ id: t.id, title: t.title, template: t.template })),
  })),
);

connection.onRequest(ProfileInfoRequest, (p: ProfileInfoParams): ProfileInfoResult | null =>
  withDoc(p.uri, null, (r) => ({
    id: r.choice.profile.id,
    name: r.choice.profile.name,
    basis: r.choice.profile.basis,
    source: r.choice.source,
    reason: r.choice.reason,
  })),
);

connection.listen();
