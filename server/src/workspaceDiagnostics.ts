// workspace/diagnostic: the findings in the report files of the workspace folders that are not open
// in the editor (open documents are answered by the document pull). Files are found and read by
// ./workspaceScan.ts. A file's result id is its modification time and size under the current
// settings generation, so a file that did not change since the editor's previous request is
// answered `unchanged` without being read; VS Code asks again a few seconds after every answer.
// A file reported before that is no report file any more (deleted, renamed, excluded, its title
// changed) is answered once with no diagnostics, so the editor drops what it showed for it.

import { fileURLToPath } from 'node:url';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceDiagnosticParams,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Settings } from './settings';
import { readReportFile, WorkspaceScanner } from './workspaceScan';

export interface WorkspaceContext {
  /** The workspace folders' URIs. */
  folders(): readonly string[];
  /** URIs of the documents open in the editor. */
  openDocuments(): readonly string[];
  settings(): Settings;
  /** The checks' generation (./checks.ts): changes with the settings and workspace configs. */
  generation(): number;
  diagnose(uri: string, text: string): Diagnostic[];
  /**
   * What else a file's diagnostics depend on (its previous year's report and that file's version):
   * part of the result id, so a file is diagnosed again when that changes. '' for nothing.
   */
  dependencyKey?(path: string, uri: string): string;
  log(message: string): void;
}

/** The file system path of a file: URI (compared instead of URIs, which editors encode differently). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceDiagnostics {
  private readonly scanner = new WorkspaceScanner();
  /** Paths already named in the log (too large, unreadable), so each is said once. */
  private readonly logged = new Set<string>();
  private readonly gone: string;

  constructor(
    private readonly nonce: string,
    private readonly context: WorkspaceContext,
  ) {
    this.gone = `${nonce}:gone`;
  }

  async report(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const { workspaceDiagnostics: options, detectEnabled } = this.context.settings();
    const generation = this.context.generation();
    const previous = new Map<string, { uri: string; value: string }>();
    for (const p of params.previousResultIds) {
      const path = pathOf(p.uri);
      if (path) previous.set(path, p);
    }
    const open = new Set(this.context.openDocuments().map(pathOf));
    const folders = this.context.folders().map(pathOf).filter((p): p is string => !!p);
    const cancelled = () => token.isCancellationRequested;
    const scan = options.enabled ? await this.scanner.scan(folders, { include: options.include, detect: detectEnabled }, cancelled) : { files: [], skipped: [], truncated: false };
    if (cancelled()) throw this.cancelledError();
    if (scan.truncated) this.logOnce('(truncated)', '工作区文件过多或层级过深，工作区诊断只检查了前一部分文件。');
    for (const s of scan.skipped) this.logOnce(s.path, `工作区诊断跳过 ${s.path}：${s.reason}`);

    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const file of scan.files) {
      if (open.has(file.path)) continue;
      reported.add(file.path);
      const dependency = this.context.dependencyKey?.(file.path, file.uri) ?? '';
      const resultId = `${this.nonce}:${generation}:${file.mtimeMs}:${file.size}${dependency ? `:${dependency}` : ''}`;
      const before = previous.get(file.path);
      if (before?.value === resultId) {
        items.push({ kind: 'unchanged', uri: before.uri, version: null, resultId });
        continue;
      }
      const read = await readReportFile(file);
      if (cancelled()) throw this.cancelledError();
      if ('skipped' in read) {
        this.logOnce(file.path, `工作区诊断跳过 ${file.path}：${read.skipped}`);
        continue;
      }
      const uri = before?.uri ?? file.uri;
      items.push({ kind: 'full', uri, version: null, resultId, items: this.context.diagnose(uri, read.text) });
    }
    for (const [path, p] of previous) {
      if (reported.has(path) || open.has(path) || !p.value.startsWith(this.nonce) || p.value === this.gone) continue;
      items.push({ kind: 'full', uri: p.uri, version: null, resultId: this.gone, items: [] });
    }
    return { items };
  }

  /** Cancelled by the editor (it asks again): ServerCancelled with retriggerRequest, which VS Code does not count as a failure. */
  private cancelledError(): ResponseError<{ retriggerRequest: boolean }> {
    return new ResponseError(LSPErrorCodes.ServerCancelled, '工作区诊断已取消（cancelled）', { retriggerRequest: true });
  }

  private logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.context.log(message);
  }
}
