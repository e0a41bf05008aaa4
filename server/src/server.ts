// The Nianbao language server (`nianbao-language-server --stdio`): a thin adapter between LSP and
// the core's editor-free language service. Diagnostics are pushed on open and (debounced) on
// change, only for the version they were computed for; everything else is answered on request.

import {
  createConnection,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../core/src/engine';
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
import { configForDocument, CONFIG_FILE, loadFolderConfig, type FolderConfig } from './workspaceConfig';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const service = createLanguageService();

let settings: Settings = DEFAULT_SETTINGS;
let folders: FolderConfig[] = [];
let folderUris: string[] = [];
let canPullConfiguration = false;
const failures = new FailureLog((message) => connection.console.error(message));
const cache = new Map<string, { version: number; result: CheckResult }>();
const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; due: number; immediate: boolean }>();

/** A warning the writer should see (a notification: nothing to wait for), also logged. */
function warn(message: string): void {
  connection.console.warn(message);
  void connection.sendNotification('window/showMessage', { type: 2 /* Warning */, message });
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
  const result = service.analyse(doc.getText(), { config: effectiveConfig(doc.uri) });
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
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(result.findings, uri, RULE_DOCS) });
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
      raw = await connection.workspace.getConfiguration('nianbao');
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
  for (const f of folders) {
    for (const p of f.config.problems) warn(`${CONFIG_FILE}：${p.message}`);
  }
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
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '年报' },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: ['、', '|'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
    },
    serverInfo: { name: 'nianbao-language-server' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  reloadWorkspaceConfig();
  await refreshSettings();
  recheckAll();
});

connection.onDidChangeConfiguration(async (change) => {
  const pushed = (change.settings as { nianbao?: unknown } | undefined)?.nianbao;
  await refreshSettings(pushed);
  recheckAll();
});

connection.onDidChangeWatchedFiles(() => {
  reloadWorkspaceConfig();
  recheckAll();
});

documents.onDidOpen((e) => schedule(e.document.uri, 0));
// Opening also fires onDidChangeContent; the immediate run scheduled by the open covers it.
documents.onDidChangeContent((e) => schedule(e.document.uri, settings.debounceMs));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri)?.timer);
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

const withDoc = <T>(uri: string, fallback: T, f: (r: CheckResult, doc: TextDocument) => T): T => {
  const doc = documents.get(uri);
  return doc ? guarded('处理请求', fallback, () => f(analyse(doc), doc)) : fallback;
};

connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (r) => service.documentSymbols(r)));
connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (r) => service.foldingRanges(r)));
connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (r) => service.completions(r, p.position)));
connection.onHover((p) => withDoc(p.textDocument.uri, null, (r) => service.hover(r, p.position) ?? null));
connection.onCodeAction((p) =>
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

documents.listen(connection);
connection.listen();
