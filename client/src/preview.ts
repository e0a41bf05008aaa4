// The report preview: a webview beside the editor showing the report laid out as it is published
// (tables with their merged header cells), each finding marked on its cell or paragraph, a click
// jumping to the source. Bundled on its own (dist/preview.js) and required only when a preview is
// opened. The page follows the colour theme (VS Code's CSS variables), runs only its own script
// (a CSP with a fresh nonce per page), loads nothing from anywhere, and escapes all document text.

import * as vscode from 'vscode';
import { renderPreviewBody, type PreviewFinding } from '../../core/src/convert/preview';

const VIEW_TYPE = 'nianbao.preview';
const REFRESH_MS = 20;

export class ReportPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last body posted, for tests (command nianbao.previewState). */
  lastBody = '';

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Like Markdown's preview: follow the report being edited.
        if (this.panel && editor?.document.languageId === 'nianbao' && editor.document !== this.document) {
          this.document = editor.document;
          this.panel.title = titleFor(editor.document);
          this.schedule();
        }
      }),
    );
  }

  show(document: vscode.TextDocument, toSide: boolean): void {
    this.document = document;
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.reveal(column, toSide);
    } else {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, titleFor(document), { viewColumn: column, preserveFocus: toSide }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      // A hidden webview is discarded (retainContextWhenHidden: false) and comes back from its html:
      // give it the current body, not the one it was opened with.
      // (Only on hidden → visible: this event also fires when the panel gains focus, and a reload
      // then would swallow the click that focused it.)
      let wasVisible = true;
      this.panel.onDidChangeViewState((e) => {
        const visible = e.webviewPanel.visible;
        if (visible && !wasVisible) e.webviewPanel.webview.html = pageHtml(e.webviewPanel.webview, this.render());
        wasVisible = visible;
      });
      this.panel.webview.onDidReceiveMessage((m: { type?: string; line?: number; character?: number }) => {
        if (m?.type === 'reveal' && typeof m.line === 'number') void this.reveal(m.line, m.character ?? 0);
      });
    }
    this.panel.title = titleFor(document);
    this.panel.webview.html = pageHtml(this.panel.webview, this.render());
  }

  private schedule(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const before = this.lastBody;
      const body = this.render();
      // The server republishes the same diagnostics (on save, on a settings change): replacing the
      // page with an identical one would drop a click that falls between its mousedown and mouseup.
      if (this.panel && body !== before) void this.panel.webview.postMessage({ type: 'update', body });
    }, REFRESH_MS);
  }

  private render(): string {
    const doc = this.document;
    if (!doc) return '';
    const findings: PreviewFinding[] = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === undefined || /nianbao|年报/i.test(d.source))
      .map((d) => ({
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
        severity: (['error', 'warning', 'info', 'hint'] as const)[d.severity] ?? 'info',
        message: d.message,
        ruleId: typeof d.code === 'object' ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined,
      }));
    this.lastBody = renderPreviewBody(doc.getText(), findings);
    return this.lastBody;
  }

  private async reveal(line: number, character: number): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const pos = new vscode.Position(Math.min(line, doc.lineCount - 1), character);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function titleFor(doc: vscode.TextDocument): string {
  const name = doc.uri.path.split('/').pop() ?? '';
  return vscode.l10n.t('Preview {0}', name);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

function pageHtml(webview: vscode.Webview, body: string): string {
  const n = nonce();
  const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src 'nonce-${n}'; script-src 'nonce-${n}';`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="report" class="report">${body}</main>
<script nonce="${n}">
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('report');
  document.addEventListener('click', function (e) {
    const el = e.target instanceof Element ? e.target.closest('[data-line]') : null;
    if (!el) return;
    vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')), character: Number(el.getAttribute('data-char') || 0) });
  });
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (m && m.type === 'update' && typeof m.body === 'string') root.innerHTML = m.body;
  });
})();
</script>
</body>
</html>`;
}

const PREVIEW_CSS = `
body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); margin: 0; padding: 16px 24px; }
.report { max-width: 900px; margin: 0 auto; font-family: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", var(--vscode-editor-font-family), serif; font-size: 16px; line-height: 1.75; }
.title { font-family: "方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun", serif; font-size: 24px; font-weight: normal; text-align: center; margin: 8px 0 20px; }
.para, .h { margin: 0 0 2px; text-indent: 2em; font-size: 16px; font-weight: normal; }
.h1 .ht { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; }
.h2 .ht { font-family: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", serif; }
.h3 .ht { font-weight: bold; }
[data-line] { cursor: pointer; }
[data-line]:hover { background: var(--vscode-editor-hoverHighlightBackground); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 8px 0 16px; font-size: 13px; line-height: 1.4; }
table.wide { font-size: 12px; }
td, th { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-editor-foreground)); padding: 2px 4px; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all; }
th { background: var(--vscode-editorWidget-background); }
td.label { text-align: left; }
.finding { position: relative; }
.finding.sev-error { outline: 2px solid var(--vscode-editorError-foreground); outline-offset: -2px; }
.finding.sev-warning { outline: 2px solid var(--vscode-editorWarning-foreground); outline-offset: -2px; }
.finding.sev-info, .finding.sev-hint { outline: 1px dashed var(--vscode-editorInfo-foreground); outline-offset: -1px; }
.badge { display: inline-block; min-width: 1.2em; margin-left: 4px; padding: 0 4px; border-radius: 8px; font-size: 11px; line-height: 1.5; text-indent: 0; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); vertical-align: top; }
.badge.sev-error { background: var(--vscode-editorError-foreground); color: var(--vscode-editor-background); }
.badge.sev-warning { background: var(--vscode-editorWarning-foreground); color: var(--vscode-editor-background); }
.rest ul { padding-left: 2em; }
`;
