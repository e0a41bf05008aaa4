// The Nianbao language server (`nianbao-language-server --stdio`): a thin adapter on
// vscode-languageserver between LSP and the core's editor-free language service.
//
// Diagnostics are pulled (textDocument/diagnostic, ./pullDiagnostics.ts) by editors that advertise
// textDocument.diagnostic, and pushed (./pushDiagnostics.ts) to the others; workspace/diagnostic
// (./workspaceDiagnostics.ts) covers the report files of the workspace that are not open. Everything
// else is answered on request, from the check of the document's current version (./checks.ts).
// The connection, its transports and the strict lifecycle are in ./connection.ts.

import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../core/src/engine';
import type { ResolvedConfig } from '../../core/src/config/types';
import { parseConfig } from '../../core/src/config/load';
import { createLanguageService, FIX_ALL_KIND, profileById, profileForYear, reportSkeleton } from '../../core/src/service/index';
import { DocumentChecks } from './checks';
import { createLspConnection } from './connection';
import { FailureLog } from './failureLog';
import { ChangeClock, DocumentResults } from './pullDiagnostics';
import { PushScheduler } from './pushDiagnostics';
import { OverviewRequestType, ProfileInfoRequestType, SkeletonRequestType, TableInsertionRequestType, TablesRequestType } from './requests';
import type { TableInsertionResult } from './protocol';
import { tableInsertion } from '../../core/src/service/tableInsert';
import { createFormattingHandlers, FORMATTING_CAPABILITIES } from './formatting';
import { scheduleWarmUp } from './warmUp';
import { ruleDocsUrl } from './ruleDocs';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './settings';
import { ConfigProblemReporter, configForDocument, loadFolderConfig, type FolderConfig } from './workspaceConfig';
import { appliedConfigMessage } from '../../host/src/config-file';
import { nianbaoVersion } from '../../host/src/version';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { PreviousReports } from './previousReports';
import { OPEN_LOCATION_COMMAND, openPreviousActions, shownName } from './openPrevious';

/** The pull diagnostics' identifier; VS Code names the diagnostic collection it keeps them in after it. */
const DIAGNOSTIC_IDENTIFIER = 'nianbao';

export function serve(connection: Connection): void {
  const service = createLanguageService();
  const documents = new TextDocuments(TextDocument);
  const ruleDocs = ruleDocsUrl();
  /** Result ids of an earlier server process (before a restart) never match ours. */
  const nonce = randomUUID().slice(0, 8);

  let settings: Settings = DEFAULT_SETTINGS;
  let folders: FolderConfig[] = [];
  let folderUris: string[] = [];
  let canPullConfiguration = false;
  /** The editor pulls diagnostics (textDocument.diagnostic); then nothing is pushed. */
  let pull = false;
  let canRefresh = false;

  const failures = new FailureLog((message) => connection.console.error(message));
  /** Config problems: one notification with the count, the full list in the output channel. */
  const configProblems = new ConfigProblemReporter(
    (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    (message) => connection.console.warn(message),
  );
  const effectiveConfig = (uri: string): ResolvedConfig => {
    const file = configForDocument(uri, folders);
    return { ...file, profile: settings.profile !== 'auto' ? settings.profile : file.profile, rules: { ...file.rules, ...settings.rules } };
  };
  const previousReports = new PreviousReports({
    openDocument: (uri) => {
      const doc = documents.get(uri) ?? documents.all().find((d) => samePath(d.uri, uri));
      return doc && { text: doc.getText(), version: doc.version };
    },
    shownName: (uri) => shownName(uri, folderUris),
  });
  const checks = new DocumentChecks(service, effectiveConfig, (uri, text, config) => guarded('查找上年报告', undefined, () => previousReports.previousFor(uri, text, config)));
  const results = new DocumentResults(nonce);
  const changes = new ChangeClock();
  const push = new PushScheduler(publish);

  /** A warning the writer should see (window/showMessage, a notification: nothing to wait for), also logged. */
  function warn(message: string): void {
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
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

  let firstCheckLogged = false;
  function analyse(doc: TextDocument): CheckResult {
    const started = performance.now();
    const result = checks.analyse(doc);
    failures.report(result.ruleFailures);
    if (!firstCheckLogged) {
      // Once, for the start-up breakdown (test/ui): how long the first check took, and when.
      firstCheckLogged = true;
      connection.console.log(`nianbao server: first check ${Math.round(performance.now() - started)} ms, done ${Math.round(performance.now())} ms after the process started (${result.findings.length} findings)`);
    }
    return result;
  }

  function publish(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const result = guarded('检查文档', undefined, () => analyse(doc));
    // A change may have arrived while we worked; its own run will publish.
    if (!result || documents.get(uri)?.version !== doc.version) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(result.findings, uri, ruleDocs) });
  }

  /** Settings or a workspace config changed: everything is checked again. */
  function recheckAll(): void {
    checks.invalidate();
    if (!pull) for (const doc of documents.all()) push.schedule(doc.uri, 0);
    else if (canRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
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

  /** Looks for the report files of the workspace again; the open documents are checked again when they changed. */
  function refreshPreviousReports(): void {
    const folderPaths = folderUris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
    if (!folderPaths.length) return;
    const options = { include: settings.workspaceDiagnostics.include, detect: settings.detectEnabled };
    // Checked again only when an open document's previous report changed (which file, or its content):
    // a new generation would also answer every workspace file in full again.
    const keys = () => documents.all().map((d) => guarded('查找上年报告', '', () => previousReports.predecessorKey(d.uri, d.getText(), effectiveConfig(d.uri)))).join('\n');
    const before = keys();
    previousReports.refresh(folderPaths, options).then(
      (changed) => changed && keys() !== before && recheckAll(),
      (err) => connection.console.error(`查找上年报告失败：${String(err)}`),
    );
  }

  function reloadWorkspaceConfig(): void {
    folders = folderUris.map((uri) => loadFolderConfig(uri, parseConfig));
    // Which config applied, as the CLI says it: one in a parent folder can turn rules off unseen.
    for (const f of folders) if (f.file) connection.console.info(`nianbao: ${appliedConfigMessage(f.file, f.config)}`);
    configProblems.report(folders);
  }

  // A failed notification (e.g. the editor went away) must not bring the server down.
  process.on('unhandledRejection', (err) => connection.console.error(`未处理的异常：${String(err)}`));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    pull = !!caps.textDocument?.diagnostic;
    canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folderUris.length && params.rootUri) folderUris = [params.rootUri];
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) settings = validateSettings(init.settings).settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '年报' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: ['、', '|', '（'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        executeCommandProvider: { commands: [OPEN_LOCATION_COMMAND] },
        ...FORMATTING_CAPABILITIES,
        ...(pull && { diagnosticProvider: { identifier: DIAGNOSTIC_IDENTIFIER, interFileDependencies: false, workspaceDiagnostics: true } }),
      },
      serverInfo: { name: 'nianbao-language-server', version: nianbaoVersion() },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' }).catch(() => undefined);
    reloadWorkspaceConfig();
    await refreshSettings();
    recheckAll();
    refreshPreviousReports();
    scheduleWarmUp(() => documents.all().length > 0);
  });

  connection.onDidChangeConfiguration(async (change) => {
    await refreshSettings((change.settings as { nianbao?: unknown } | undefined)?.nianbao);
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    reloadWorkspaceConfig();
    recheckAll();
    refreshPreviousReports();
  });
  documents.onDidOpen(() => refreshPreviousReports());

  // Fired on open and on every change: an open is checked at once, a change after the debounce.
  documents.onDidChangeContent(({ document }) => {
    const edited = changes.record(document.uri);
    if (!pull) push.schedule(document.uri, edited ? settings.debounceMs : 0);
  });
  documents.onDidClose(({ document }) => {
    push.cancel(document.uri);
    changes.forget(document.uri);
    results.forget(document.uri);
    checks.forget(document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  documents.listen(connection);

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!documents.get(uri)) return { kind: 'full', items: [] };
    await changes.settle(uri, () => settings.debounceMs, token);
    const doc = documents.get(uri);
    if (!doc) return { kind: 'full', items: [] };
    return guarded('检查文档', { kind: 'full', items: [] }, () => {
      const result = analyse(doc);
      return results.report(uri, doc.version, checks.generation, params.previousResultId, () => service.diagnostics(result.findings, uri, ruleDocs));
    });
  });

  const workspace = new WorkspaceDiagnostics(nonce, {
    folders: () => folderUris,
    openDocuments: () => documents.keys(),
    settings: () => settings,
    generation: () => checks.generation,
    diagnose: (uri, text) =>
      guarded('检查工作区文件', [], () => {
        const config = effectiveConfig(uri);
        const previous = guarded('查找上年报告', undefined, () => previousReports.previousFor(uri, text, config));
        return service.diagnostics(service.analyse(text, { config, plainText: /\.txt$/i.test(uri), previous }).findings, uri, ruleDocs);
      }),
    dependencyKey: (path, uri) => guarded('查找上年报告', '', () => previousReports.predecessorKeyOfFile(path, effectiveConfig(uri))),
    log: (message) => connection.console.info(message),
  });
  connection.languages.diagnostics.onWorkspace((params, token) => {
    // Files appear and change on disk between the editor's requests: the index of reports follows.
    refreshPreviousReports();
    return workspace.report(params, token);
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
    withDoc(p.textDocument.uri, [], (r, doc) => [
      ...service.codeActions(r, { uri: doc.uri, version: doc.version }, { range: p.range, diagnostics: p.context.diagnostics, only: p.context.only }),
      ...openPreviousActions(r, p.context.diagnostics, p.context.only),
    ]),
  );
  connection.onExecuteCommand(async (p) => {
    if (p.command !== OPEN_LOCATION_COMMAND) return;
    const [uri, line] = (p.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || typeof line !== 'number') return;
    const at = { line, character: 0 };
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: at, end: at } }).catch(() => undefined);
  });

  connection.onRequest(SkeletonRequestType, (p) => {
    // Profiles a workspace config defines count too (the first folder's config).
    const config = folders[0]?.config;
    const profile = p.profile && p.profile !== 'auto' ? profileById(p.profile, config) : profileForYear(p.year);
    return { text: reportSkeleton(profile, { body: p.body, year: p.year }), profileId: profile.id, profileName: profile.name };
  });
  connection.onRequest(TablesRequestType, (p) =>
    withDoc(p.uri, null, (r) => ({
      profileId: r.choice.profile.id,
      profileName: r.choice.profile.name,
      tables: r.choice.profile.tables.map((t) => ({
        id: t.id,
        title: t.title,
        template: t.template,
        line: r.facts.nationalTables.find((nt) => nt.spec.id === t.id)?.range.start.line,
      })),
    })),
  );
  connection.onRequest(ProfileInfoRequestType, (p) =>
    withDoc(p.uri, null, (r) => ({
      id: r.choice.profile.id,
      name: r.choice.profile.name,
      basis: r.choice.profile.basis,
      source: r.choice.source,
      reason: r.choice.reason,
      year: r.facts.year?.year,
      directiveLine: r.doc.directives.find((d) => d.kind === 'profile')?.line,
      partsFound: new Set(r.facts.parts.map((m) => m.specIndex)).size,
    })),
  );
  connection.onRequest(TableInsertionRequestType, (p) =>
    withDoc<TableInsertionResult>(p.uri, { kind: 'unknown' }, (r) => tableInsertion(r, p.id, p.position, p.force)),
  );

  connection.onRequest(OverviewRequestType, (p) => withDoc(p.uri, null, (r) => service.overview(r)));

  const formatting = createFormattingHandlers((uri) => withDoc(uri, undefined, (r) => r.doc));
  connection.onDocumentFormatting(formatting.formatting);
  connection.onDocumentRangeFormatting(formatting.rangeFormatting);

  connection.listen();
}

/** Two file: URIs of one file (editors and pathToFileURL encode some characters differently). */
function samePath(a: string, b: string): boolean {
  try {
    return a.startsWith('file:') && b.startsWith('file:') && fileURLToPath(a) === fileURLToPath(b);
  } catch {
    return false;
  }
}

serve(createLspConnection());
