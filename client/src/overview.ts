// 年报概览: a tree view of the active report — its key figures, each national table with ✓ or its
// problems, the parts it lacks — every line leading to its place in the text. The server computes
// the overview (nianbao/overview, from the core); this file only words and shows it. It follows the
// report being edited and is asked again, debounced, whenever that report's diagnostics change (and,
// later, after an edit: a clean report's diagnostics do not change, but its positions move).

import * as vscode from 'vscode';
import { OverviewRequest, type OverviewFigure, type OverviewResult, type OverviewTable } from '../../server/src/protocol';
import type { ServerHandle } from './lsp';
import { tableName } from './profileInfo';

export const OVERVIEW_VIEW = 'nianbao.overview';
const REVEAL_COMMAND = 'nianbao.overview.reveal';
const REFRESH_MS = 150;
/** After an edit that changed no diagnostic (a clean report), positions still move: asked later, once typing pauses. */
const EDIT_REFRESH_MS = 600;

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };

interface Node {
  /** The group (figures, tables, missing) or the entry's id (figure, table or part id), for tests. */
  id: string;
  item: vscode.TreeItem;
  children?: Node[];
  /** Where the line leads (for tests: nianbao.overviewState). */
  range?: LspRange;
}

export interface OverviewState {
  uri?: string;
  items: { group: string; id: string; label: string; description: string; range?: LspRange; command?: { command: string; arguments: unknown[] } }[];
}

const chineseUi = () => vscode.env.language.toLowerCase().startsWith('zh');

export class OverviewView implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private document: vscode.Uri | undefined;
  private roots: Node[] = [];
  /** The document `roots` show (the view follows a new report a moment before its answer comes). */
  private shown: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per request: an answer for an earlier document or version is dropped. */
  private asked = 0;

  constructor(private readonly server: () => Promise<ServerHandle>) {
    this.view = vscode.window.createTreeView(OVERVIEW_VIEW, {
      treeDataProvider: { getTreeItem: (n: Node) => n.item, getChildren: (n?: Node) => (n ? (n.children ?? []) : this.roots), onDidChangeTreeData: this.changed.event },
    });
    this.view.message = vscode.l10n.t('Open an annual report to see its key figures, tables and missing parts.');
    this.subscriptions.push(
      this.view,
      this.changed,
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: LspRange) => reveal(uri, range)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.toString())) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.document && e.document.uri.toString() === this.document.toString()) this.schedule(EDIT_REFRESH_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.document && d.uri.toString() === this.document.toString()) this.show(undefined, undefined);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** Another report becomes the one shown; other editors (output, settings) leave the view as it is. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId !== 'nianbao') return;
    this.document = editor.document.uri;
    this.schedule();
  }

  private schedule(delay = REFRESH_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async refresh(): Promise<void> {
    const uri = this.document;
    if (!uri) return;
    const ticket = ++this.asked;
    let overview: OverviewResult | null;
    try {
      overview = await (await this.server()).sendRequest<OverviewResult | null>(OverviewRequest, { uri: uri.toString() });
    } catch {
      // The server restarts on its own (restart.ts); the next diagnostics bring the view back.
      return;
    }
    if (ticket !== this.asked || uri.toString() !== this.document?.toString()) return;
    this.show(uri, overview ?? undefined);
  }

  private show(uri: vscode.Uri | undefined, overview: OverviewResult | undefined): void {
    if (!uri || !overview) {
      if (!uri) this.document = undefined;
      this.roots = [];
      this.shown = undefined;
      this.view.description = undefined;
      this.view.message = vscode.l10n.t('Open an annual report to see its key figures, tables and missing parts.');
    } else {
      this.roots = overviewNodes(uri.toString(), overview);
      this.shown = uri;
      this.view.description = uri.path.split('/').pop();
      this.view.message = undefined;
    }
    this.changed.fire(undefined);
  }

  /** The lines the view shows, flattened, for tests (command nianbao.overviewState). */
  state(): OverviewState {
    const text = (l: vscode.TreeItem['label']) => (typeof l === 'string' ? l : (l?.label ?? ''));
    const entry = (group: string, c: Node) => ({
      group,
      id: c.id,
      label: text(c.item.label),
      description: String(c.item.description ?? ''),
      range: c.range,
      command: c.item.command && { command: c.item.command.command, arguments: c.item.command.arguments ?? [] },
    });
    // A root without children (the note on a text that is not a report) is listed under no group.
    const items = this.roots.flatMap((g) => (g.children ? g.children.map((c) => entry(g.id, c)) : [entry('', g)]));
    return { uri: this.shown?.toString(), items };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

function overviewNodes(uri: string, o: OverviewResult): Node[] {
  if (o.note) return [leaf('note', vscode.l10n.t('Not an annual report: only the general checks run.'), '', new vscode.ThemeIcon('info'), chineseUi() ? o.note : undefined)];
  const figures = o.figures.map((f) => figureNode(uri, f));
  const tables = o.tables.map((t) => tableNode(uri, t));
  const missing = o.missingParts.length
    ? o.missingParts.map((m) =>
        leaf(m.id, m.heading, vscode.l10n.t('missing'), new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground')), chineseUi() ? m.basis : undefined, uri, m.range),
      )
    : [leaf('none', vscode.l10n.t('None: every required part is there'), '', new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')))];
  const problemTables = o.tables.filter((t) => t.status !== 'ok').length;
  return [
    group('figures', vscode.l10n.t('Key figures'), '', figures),
    group('tables', vscode.l10n.t('Tables'), problemTables ? '' : '✓', tables),
    group('missing', vscode.l10n.t('Missing parts'), o.missingParts.length ? String(o.missingParts.length) : '✓', missing),
  ];
}

function group(id: string, label: string, description: string, children: Node[]): Node {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.description = description;
  return { id, item, children };
}

function leaf(id: string, label: string, description: string, icon: vscode.ThemeIcon, tooltip?: string, uri?: string, range?: LspRange): Node {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = description;
  item.iconPath = icon;
  item.tooltip = tooltip;
  if (uri && range) item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Go to it'), arguments: [uri, range] };
  return { id, item, range };
}

function figureNode(uri: string, f: OverviewFigure): Node {
  const icon = f.problems
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : new vscode.ThemeIcon(f.range ? 'symbol-number' : 'question');
  const from = f.from === undefined ? undefined : f.from === 'prose' ? vscode.l10n.t('From the text') : vscode.l10n.t('From the {0}', tableName(f.from.table, ''));
  // Under a Chinese UI the row and column the figure was read from, as the format prints them.
  const tooltip = chineseUi() ? f.source : from;
  let description = figureValue(f);
  if (f.problems) description += ' · ' + vscode.l10n.t('{0} problem(s)', f.problems);
  return leaf(f.id, figureName(f.id, f.label), description, icon, tooltip, uri, f.range);
}

function figureValue(f: OverviewFigure): string {
  if (f.none) return vscode.l10n.t('none collected');
  if (f.value !== undefined) {
    const n = f.value.toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: false });
    switch (f.unit) {
      case '件':
        return vscode.l10n.t('{0} case(s)', n);
      case '条':
        return vscode.l10n.t('{0} item(s)', n);
      case '元':
        return vscode.l10n.t('{0} yuan', n);
      case '万元':
        return vscode.l10n.t('{0} ten thousand yuan', n);
      default:
        return n;
    }
  }
  if (f.written !== undefined) return f.written || vscode.l10n.t('blank');
  return vscode.l10n.t('not given');
}

/** Built-in figures in the UI language; a figure of a workspace-defined format keeps its own name. */
function figureName(id: string, label: string): string {
  switch (id) {
    case 'proactive-total':
      return vscode.l10n.t('Information disclosed proactively');
    case 'proactive-regulations':
      return vscode.l10n.t('Regulations issued this year');
    case 'proactive-normative':
      return vscode.l10n.t('Normative documents issued this year');
    case 'requests-new':
      return vscode.l10n.t('Requests received this year');
    case 'requests-carried':
      return vscode.l10n.t('Requests carried over from last year');
    case 'requests-done':
      return vscode.l10n.t('Requests handled (total)');
    case 'requests-carry-over':
      return vscode.l10n.t('Requests carried over to next year');
    case 'requests-concluded':
      return vscode.l10n.t('Requests concluded');
    case 'review-total':
      return vscode.l10n.t('Administrative reviews');
    case 'litigation-total':
      return vscode.l10n.t('Administrative lawsuits');
    case 'fee':
      return vscode.l10n.t('Information processing fees');
    case 'request-fees':
      return vscode.l10n.t('Fees charged for requests');
    default:
      return label;
  }
}

function tableNode(uri: string, t: OverviewTable): Node {
  const name = tableName(t.id, t.title);
  switch (t.status) {
    case 'ok':
      return leaf(t.id, name, '✓', new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')), undefined, uri, t.range);
    case 'problems': {
      const counts = [t.errors ? vscode.l10n.t('{0} error(s)', t.errors) : '', t.warnings ? vscode.l10n.t('{0} warning(s)', t.warnings) : ''].filter(Boolean).join(' · ');
      const icon = t.errors ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      return leaf(t.id, name, counts, icon, undefined, uri, t.range);
    }
    case 'unreadable':
      return leaf(t.id, name, vscode.l10n.t('could not be read'), new vscode.ThemeIcon('question'), undefined, uri, t.range);
    default:
      return leaf(t.id, name, vscode.l10n.t('not in the report'), new vscode.ThemeIcon('circle-slash'), undefined, uri, t.range);
  }
}

async function reveal(uri: string, range: LspRange): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const doc = open?.document ?? (await vscode.workspace.openTextDocument(target));
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: open?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
