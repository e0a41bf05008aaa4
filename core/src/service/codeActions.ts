// Code actions: each finding's fix as a quick fix bound to its diagnostic, "disable this rule for
// this line", and a source.fixAll.nianbao action applying every non-overlapping preferred fix.
// Edits are trimmed to what changes and tied to the document version they were computed for.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, VersionedTextDocumentIdentifier } from 'vscode-languageserver-types';
import type { CheckResult } from '../engine';
import type { Range, TextEdit } from '../model';
import type { Finding } from '../rules/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import { comparePositions, minimizeEdit, rangesOverlap } from './edits';

export const FIX_ALL_KIND = 'source.fixAll.nianbao';
export const QUICKFIX_KIND = 'quickfix';

/** The document a set of edits was computed for; editors refuse the edit if the version moved on. */
export type VersionedDocument = VersionedTextDocumentIdentifier;

/**
 * What every action here is: plain text edits to one document at one version (an LSP CodeAction
 * narrowed to that shape, so callers can apply the edits without checking for file operations).
 */
export interface DocumentCodeAction extends CodeAction {
  kind: string;
  edit: { documentChanges: [{ textDocument: VersionedDocument; edits: TextEdit[] }] };
}

export interface CodeActionRequest {
  /** The range the editor asks about (the cursor or selection). */
  range: Range;
  /** Diagnostics the editor shows there (as we published them). */
  diagnostics: Diagnostic[];
  /** Kinds the editor wants; undefined means quick fixes from the light bulb. */
  only?: string[];
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === QUICKFIX_KIND;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** The finding a diagnostic came from: by the index we stored, confirmed by rule, range and message. */
function findingOf(result: CheckResult, d: Diagnostic): Finding | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const same = (f: Finding | undefined) =>
    !!f &&
    f.ruleId === d.code &&
    f.message === d.message &&
    comparePositions(f.range.start, d.range.start) === 0 &&
    comparePositions(f.range.end, d.range.end) === 0;
  const index = (d.data as DiagnosticData | undefined)?.index;
  if (typeof index === 'number' && same(result.findings[index])) return result.findings[index];
  return result.findings.find(same);
}

function workspaceEdit(target: VersionedDocument, edits: TextEdit[]): DocumentCodeAction['edit'] {
  return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
}

/** The checked text as a TextDocument, to turn positions into offsets (line offsets computed once, on first use). */
function textOf(result: CheckResult): TextDocument {
  return TextDocument.create('', '', 0, result.text);
}

export function codeActions(result: CheckResult, target: VersionedDocument, req: CodeActionRequest): DocumentCodeAction[] {
  const actions: DocumentCodeAction[] = [];
  if (wants(req.only, QUICKFIX_KIND)) {
    // Real fixes first, "disable this rule" after them: the first item of the light bulb is what
    // Enter applies, and it must never be the one that silences a rule.
    const disables: DocumentCodeAction[] = [];
    const disabled = new Set<string>();
    const text = textOf(result);
    for (const d of req.diagnostics) {
      const f = findingOf(result, d);
      if (!f) continue;
      if (f.fix?.edits.length) {
        actions.push({
          title: f.fix.title,
          kind: QUICKFIX_KIND,
          diagnostics: [d],
          isPreferred: f.fix.preferred,
          edit: workspaceEdit(target, f.fix.edits.map((e) => minimizeEdit(text, e))),
        });
      }
      const key = `${f.ruleId}@${f.range.start.line}`;
      if (!disabled.has(key)) {
        disabled.add(key);
        disables.push(disableForLine(result, target, f, d));
      }
    }
    actions.push(...disables);
  }
  if (wants(req.only, FIX_ALL_KIND)) {
    const all = fixAll(result, target);
    if (all) actions.push(all);
  }
  return actions;
}

/** Inserts `<!-- nianbao-disable-next-line id -->` above the finding's line, with its indentation. */
function disableForLine(result: CheckResult, target: VersionedDocument, f: Finding, d: Diagnostic): DocumentCodeAction {
  const line = f.range.start.line;
  const text = result.doc.lines[line] ?? '';
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = result.doc.eols[line] || result.doc.eols.find((e) => e) || '\n';
  return {
    title: `在此行停用规则 ${f.ruleId}`,
    kind: QUICKFIX_KIND,
    diagnostics: [d],
    edit: workspaceEdit(target, [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- nianbao-disable-next-line ${f.ruleId} -->${eol}` },
    ]),
  };
}

/** Every preferred fix whose edits do not collide with an earlier one, in document order. */
export function fixAllEdits(result: CheckResult): TextEdit[] {
  const chosen: TextEdit[] = [];
  const text = textOf(result);
  for (const f of result.findings) {
    if (!f.fix?.preferred || !f.fix.edits.length) continue;
    const edits = f.fix.edits.map((e) => minimizeEdit(text, e));
    if (edits.some((e) => chosen.some((c) => rangesOverlap(c.range, e.range)))) continue;
    if (edits.some((e, i) => edits.some((o, j) => j > i && rangesOverlap(o.range, e.range)))) continue;
    chosen.push(...edits);
  }
  return chosen;
}

export function fixAll(result: CheckResult, target: VersionedDocument): DocumentCodeAction | undefined {
  const edits = fixAllEdits(result);
  if (!edits.length) return undefined;
  return { title: '修复所有可自动修复的年报问题', kind: FIX_ALL_KIND, edit: workspaceEdit(target, edits) };
}
