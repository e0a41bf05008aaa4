// The real language server over JSON-RPC: start-up to first diagnostics, keystroke to fresh
// diagnostics on a 5,000-line draft (debounce set to 0) for an editor the server pushes to and one
// that pulls (textDocument/diagnostic, as VS Code does), completion and code actions, and RSS
// growth with 50 open reports.
//
// Debounce: the editor answers workspace/configuration (and initializationOptions) with
// nianbao.debounceMs = 0, so after a change the server's only wait is setTimeout(…, 0), which
// Node clamps to 1 ms; that 1 ms stays in the figure. Nothing is subtracted.

import { performance } from 'node:perf_hooks';
import { bigDraft, typicalReport } from './generate';
import { initialize, startServer, type PulledDiagnostics, type PublishedDiagnostics, type Session } from './lsp-session';
import type { Row } from './report';
import { check, createCheckSession } from '../core/src/index';
import { measure, summarizeRuns } from './stats';

const SETTINGS = { profile: 'auto', rules: {}, detect: { enabled: true }, debounceMs: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function started(serverPath: string, pull = false): Promise<Session> {
  const s = startServer({ serverPath, settings: SETTINGS });
  await initialize(s, SETTINGS, pull);
  return s;
}

/** Opens a document and waits until the server has settled (the open run plus the post-initialize recheck). */
async function openAndSettle(s: Session, uri: string, text: string): Promise<PublishedDiagnostics> {
  const first = s.diagnosticsFor(uri, 1);
  s.open(uri, text, 1);
  const d = await first;
  await sleep(300);
  return d.params;
}

/** Spawn → first diagnostics of a typical report opened right after initialized: pushed, or pulled right after didOpen. */
async function startup(serverPath: string, runs: number, pull: boolean): Promise<number[]> {
  const text = typicalReport({ seed: 3 });
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await started(serverPath, pull);
    const uri = `file:///bench/startup-${i}.md`;
    const d = s.diagnosticsFor(uri, 1);
    s.open(uri, text, 1);
    if (pull) {
      await s.pull(uri);
      out.push(performance.now() - s.spawnedAt);
    } else out.push((await d).at - s.spawnedAt);
    await s.close();
  }
  return out;
}

type Keystroke = 'char' | 'enter';

/** The change that types (even versions) or deletes (odd versions) a character or a line break at column 6 of `line`. */
function keystrokeChange(kind: Keystroke, version: number, line: number) {
  const col = 6;
  const insert = version % 2 === 0;
  if (kind === 'char') {
    return insert
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: '新' }
      : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
  }
  return insert
    ? { range: { start: { line, character: col }, end: { line, character: col } }, text: '\n' }
    : { range: { start: { line, character: col }, end: { line: line + 1, character: 0 } }, text: '' };
}

interface PullFigures {
  keystroke: number[][];
  unchanged: number;
  full: number;
  /** Mean CPU time of the server process per keystroke, per run (contention on the machine barely moves it). */
  cpuMs: number[];
}

/**
 * Keystroke → fresh diagnostics for an editor that pulls: didChange, then at once
 * textDocument/diagnostic naming the result id it holds, until the answer (full or unchanged)
 * arrives — what VS Code's client does on every change.
 */
async function pullTyping(serverPath: string, kind: Keystroke, runs: number, perRun: number): Promise<PullFigures> {
  const text = bigDraft({ seed: 11, lines: 5000 });
  const target = typingLine(text.split('\n'));
  const s = await started(serverPath, true);
  const uri = `file:///bench/draft-5000-pull-${kind}.md`;
  s.open(uri, text, 1);
  await sleep(300); // settings read, the post-initialize refresh done
  let held: PulledDiagnostics = await s.pull(uri);
  let resultId = held.resultId;
  const figures: PullFigures = { keystroke: [], unchanged: 0, full: 0, cpuMs: [] };
  let version = 1;
  for (let r = 0; r < runs; r++) {
    const ks: number[] = [];
    const cpu0 = s.cpuMs();
    for (let i = 0; i < perRun; i++) {
      version++;
      const t0 = performance.now();
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [keystrokeChange(kind, version, target)] });
      held = await s.pull(uri, resultId);
      ks.push(performance.now() - t0);
      if (held.kind === 'full') figures.full++;
      else figures.unchanged++;
      resultId = held.resultId;
    }
    figures.cpuMs.push((s.cpuMs() - cpu0) / perRun);
    figures.keystroke.push(ks);
  }
  await s.close();
  return figures;
}

/** Keystroke → pushed diagnostics of that version, nothing else in between (editing() also asks for completion and code actions). */
async function pushTyping(serverPath: string, kind: Keystroke, runs: number, perRun: number): Promise<{ keystroke: number[][]; cpuMs: number[] }> {
  const text = bigDraft({ seed: 11, lines: 5000 });
  const target = typingLine(text.split('\n'));
  const s = await started(serverPath);
  const uri = `file:///bench/draft-5000-push-${kind}.md`;
  await openAndSettle(s, uri, text);
  const out = { keystroke: [] as number[][], cpuMs: [] as number[] };
  let version = 1;
  for (let r = 0; r < runs; r++) {
    const ks: number[] = [];
    const cpu0 = s.cpuMs();
    for (let i = 0; i < perRun; i++) {
      version++;
      const t0 = performance.now();
      const fresh = s.diagnosticsFor(uri, version);
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [keystrokeChange(kind, version, target)] });
      ks.push((await fresh).at - t0);
    }
    out.cpuMs.push((s.cpuMs() - cpu0) / perRun);
    out.keystroke.push(ks);
  }
  await s.close();
  return out;
}

interface EditorFigures {
  keystroke: number[][];
  completion: number[][];
  completionAfterEdit: number[][];
  codeAction: number[][];
  lines: number;
  bytes: number;
  diagnostics: number;
}

/** The prose line half-way down the 5,000-line draft where the keystrokes are typed. */
function typingLine(lines: string[]): number {
  return lines.findIndex((l, i) => i > 2500 && l.startsWith('围绕'));
}

async function editing(serverPath: string, runs: number, perRun: number): Promise<EditorFigures> {
  const text = bigDraft({ seed: 11, lines: 5000 });
  const lines = text.split('\n');
  const s = await started(serverPath);
  const uri = 'file:///bench/draft-5000.md';
  const published = await openAndSettle(s, uri, text);
  // Type into a prose line half-way down; every other keystroke deletes the character again.
  const target = typingLine(lines);
  const emptyLine = lines.findIndex((l, i) => i > 2500 && l === '');
  const tableLine = lines.findIndex((l, i) => i > 2500 && l.startsWith('| ') && l.includes('属于国家秘密'));
  const diag = published.diagnostics[0];
  let version = 1;
  const figures: EditorFigures = {
    keystroke: [],
    completion: [],
    completionAfterEdit: [],
    codeAction: [],
    lines: lines.length,
    bytes: Buffer.byteLength(text),
    diagnostics: published.diagnostics.length,
  };
  const td = { uri };
  for (let r = 0; r < runs; r++) {
    const ks: number[] = [];
    const cs: number[] = [];
    const ce: number[] = [];
    const ca: number[] = [];
    for (let i = 0; i < perRun; i++) {
      // Keystroke → diagnostics for exactly that version.
      version++;
      const change = keystrokeChange('char', version, target);
      const t0 = performance.now();
      const fresh = s.diagnosticsFor(uri, version);
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      ks.push((await fresh).at - t0);

      // Completion and code actions on the analysed version (what follows a pause in typing).
      const pos = i % 2 === 0 ? { line: emptyLine, character: 0 } : { line: tableLine, character: 2 };
      let t = performance.now();
      await s.conn.sendRequest('textDocument/completion', { textDocument: td, position: pos });
      cs.push(performance.now() - t);
      const range = diag ? diag.range : { start: { line: target, character: 0 }, end: { line: target, character: 0 } };
      t = performance.now();
      await s.conn.sendRequest('textDocument/codeAction', { textDocument: td, range, context: { diagnostics: diag ? [diag] : [] } });
      ca.push(performance.now() - t);
    }
    // Completion straight after a keystroke, before that version was analysed (the request pays for the check).
    for (let i = 0; i < Math.min(perRun, 10); i++) {
      version++;
      const change = keystrokeChange('char', version, target);
      const fresh = s.diagnosticsFor(uri, version);
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const t = performance.now();
      await s.conn.sendRequest('textDocument/completion', { textDocument: td, position: { line: emptyLine, character: 0 } });
      ce.push(performance.now() - t);
      await fresh;
    }
    figures.keystroke.push(ks);
    figures.completion.push(cs);
    figures.completionAfterEdit.push(ce);
    figures.codeAction.push(ca);
  }
  await s.close();
  return figures;
}

async function memory(serverPath: string, runs: number): Promise<{ before: number; after: number }[]> {
  const out: { before: number; after: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const s = await started(serverPath);
    // Warm-up: one report opened and closed, so the first check's code and caches are not billed to the 50.
    await openAndSettle(s, 'file:///bench/warm.md', typicalReport({ seed: 999 }));
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///bench/warm.md' } });
    await sleep(300);
    const before = s.rssKb();
    for (let i = 0; i < 50; i++) {
      const uri = `file:///bench/report-${i}.md`;
      const d = s.diagnosticsFor(uri, 1);
      s.open(uri, typicalReport({ seed: 100 + i }), 1);
      await d;
    }
    await sleep(500);
    out.push({ before, after: s.rssKb() });
    await s.close();
  }
  return out;
}

export async function benchServer(serverPath: string, quick: boolean): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  for (const pull of [false, true]) {
    const up = await startup(serverPath, quick ? 3 : 7, pull);
    const upStats = summarizeRuns(up.map((x) => [x]));
    rows.push({
      id: pull ? 'server.startup.pull' : 'server.startup',
      label: pull ? 'server spawn → first pulled diagnostics (typical report)' : 'server spawn → first publishDiagnostics (typical report)',
      unit: 'ms',
      value: upStats.median,
      stats: upStats,
      target: { kind: 'max', value: 300 },
      note: `each run is a fresh process: spawn, initialize, initialized, didOpen, ${pull ? 'textDocument/diagnostic answered' : 'diagnostics pushed'}`,
    });
  }

  const ed = await editing(serverPath, quick ? 2 : 5, quick ? 20 : 40);
  const ks = summarizeRuns(ed.keystroke);
  // The same draft checked in-process: how much of a keystroke is the check itself.
  const draft = bigDraft({ seed: 11, lines: 5000 });
  const inProc = measure(() => check(draft), { warmup: 3, runs: quick ? 2 : 3, iterations: 5 });
  rows.push({
    id: 'server.keystroke.p50',
    label: `keystroke → diagnostics, ${ed.lines}-line draft, p50`,
    unit: 'ms',
    value: ks.median,
    stats: ks,
    target: { kind: 'max', value: 15 },
    note: `${(ed.bytes / 1024).toFixed(0)} KB, ${ed.diagnostics} diagnostics; debounce set to 0 (Node's 1 ms setTimeout clamp included, nothing subtracted)`,
  });
  rows.push({
    id: 'check.draft5000',
    label: 'check() in-process on the same 5,000-line draft, from scratch',
    unit: 'ms',
    value: inProc.median,
    stats: inProc,
    note: 'no session: what every keystroke cost before the server kept a check session per document',
  });
  // The core's part of a keystroke, as the server runs it: in the document's check session, a
  // character typed into the same prose line and deleted again; and Enter typed and deleted, which
  // moves every line below (the session then re-reads the tables below the edit).
  for (const [id, label, edit] of [
    ['check.session.char', 'check() in a session, a character typed/deleted (the core\u2019s part of a keystroke)', (l: string) => l.slice(0, 6) + '的' + l.slice(6)],
    ['check.session.enter', 'check() in a session, Enter typed/deleted (lines below move)', (l: string) => l.slice(0, 6) + '\n' + l.slice(6)],
  ] as const) {
    const lines = draft.split('\n');
    const target = typingLine(lines);
    const edited = lines.map((l, i) => (i === target ? edit(l) : l)).join('\n');
    const session = createCheckSession();
    let k = 0;
    const stats = measure(() => check(k++ % 2 ? edited : draft, { session }), { warmup: 6, runs: quick ? 2 : 3, iterations: 20 });
    rows.push({ id, label, unit: 'ms', value: stats.median, stats, note: 'in-process, same draft; p95 in the stats' });
  }
  rows.push({ id: 'server.keystroke.p95', label: 'keystroke → diagnostics, p95', unit: 'ms', value: ks.p95, stats: ks, target: { kind: 'max', value: 20 } });
  for (const kind of ['char', 'enter'] as const) {
    const pushed = await pushTyping(serverPath, kind, quick ? 2 : 5, kind === 'char' ? (quick ? 20 : 40) : quick ? 10 : 20);
    const what = kind === 'char' ? 'keystroke' : 'Enter';
    if (kind === 'enter') {
      const st = summarizeRuns(pushed.keystroke);
      rows.push({ id: 'server.keystroke.enter.p95', label: 'Enter → pushed diagnostics, p95 (every line below moves)', unit: 'ms', value: st.p95, stats: st });
    }
    const cpu = summarizeRuns(pushed.cpuMs.map((x) => [x]));
    rows.push({ id: `server.push.${kind}.cpu`, label: `${what} → pushed diagnostics: server CPU time per keystroke (mean per run)`, unit: 'ms', value: cpu.median, stats: cpu, note: 'user + system time of the server process over each run, divided by its keystrokes' });
  }
  for (const kind of ['char', 'enter'] as const) {
    const pulled = await pullTyping(serverPath, kind, quick ? 2 : 5, kind === 'char' ? (quick ? 20 : 40) : quick ? 10 : 20);
    const st = summarizeRuns(pulled.keystroke);
    const what = kind === 'char' ? 'keystroke' : 'Enter';
    const note = `didChange then textDocument/diagnostic with the held result id, to the answer: ${pulled.unchanged} unchanged, ${pulled.full} full`;
    rows.push({ id: `server.pull.${kind}.p50`, label: `${what} → pulled diagnostics, ${ed.lines}-line draft, p50`, unit: 'ms', value: st.median, stats: st, target: kind === 'char' ? { kind: 'max', value: 15 } : undefined, note });
    rows.push({ id: `server.pull.${kind}.p95`, label: `${what} → pulled diagnostics, p95`, unit: 'ms', value: st.p95, stats: st, target: kind === 'char' ? { kind: 'max', value: 20 } : undefined });
    const cpu = summarizeRuns(pulled.cpuMs.map((x) => [x]));
    rows.push({ id: `server.pull.${kind}.cpu`, label: `${what} → pulled diagnostics: server CPU time per keystroke (mean per run)`, unit: 'ms', value: cpu.median, stats: cpu, note: 'user + system time of the server process over each run, divided by its keystrokes' });
  }
  const cs = summarizeRuns(ed.completion);
  rows.push({ id: 'server.completion.p95', label: 'completion, p95 (version already analysed)', unit: 'ms', value: cs.p95, stats: cs, target: { kind: 'max', value: 10 } });
  const ca = summarizeRuns(ed.codeAction);
  rows.push({ id: 'server.codeAction.p95', label: 'code actions, p95 (version already analysed)', unit: 'ms', value: ca.p95, stats: ca, target: { kind: 'max', value: 10 } });
  const ce = summarizeRuns(ed.completionAfterEdit);
  rows.push({
    id: 'server.completionAfterEdit.p95',
    label: 'completion right after a keystroke, p95',
    unit: 'ms',
    value: ce.p95,
    stats: ce,
    note: 'the request arrives before the new version was checked, so it includes one full check',
  });

  const mem = await memory(serverPath, quick ? 1 : 3);
  const growth = mem.map((m) => (m.after - m.before) / 1024);
  const g = summarizeRuns(growth.map((x) => [x]));
  rows.push({
    id: 'server.rss50',
    label: 'server RSS growth, 50 open ~9 KB reports',
    unit: 'MB',
    value: g.median,
    stats: g,
    target: { kind: 'max', value: 50 },
    note: `VmRSS before→after per run: ${mem.map((m) => `${(m.before / 1024).toFixed(0)}→${(m.after / 1024).toFixed(0)} MB`).join(', ')}`,
  });
  return { rows, details: { editingDraft: { lines: ed.lines, bytes: ed.bytes, diagnostics: ed.diagnostics }, memoryKb: mem } };
}
