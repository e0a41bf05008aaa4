// Code actions: each finding's fix as a quick fix bound to its diagnostic, "disable this rule for
// this line" and "… for this file", and a source.fixAll.nianbao action applying every
// non-overlapping preferred fix.
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
    const forFile: DocumentCodeAction[] = [];
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
        const forLine = disableForLine(result, target, f, d);
        if (forLine) disables.push(forLine);
      }
      if (!disabled.has(f.ruleId)) {
        disabled.add(f.ruleId);
        forFile.push(disableForFile(result, target, f, d));
      }
    }
    actions.push(...disables, ...forFile);
  }
  if (wants(req.only, FIX_ALL_KIND)) {
    const all = fixAll(result, target);
    if (all) actions.push(all);
  }
  return actions;
}

// Directives go where they change nothing a reader or a Markdown renderer sees: at the end of the
// finding's line (after a table row's last pipe, the comment is an excess cell that renderers drop,
// so the table stays whole), or as a file-level directive after the last line. No line moves, so
// no other finding moves, and a silenced finding is gone: the action is never offered again.

/** A table's delimiter row (|---|:--:|), tested without spaces so the pattern stays linear. */
function isDelimiterRow(text: string): boolean {
  const compact = text.replace(/[ \t]+/g, '');
  return compact.includes('-') && /^\|?:?-+:?(?:\|:?-+:?)*\|?$/.test(compact);
}

/** Lines an appended comment would change the meaning of: thematic breaks, setext underlines, fences, delimiter rows. */
function structuralLine(text: string): boolean {
  const indent = text.length - text.trimStart().length;
  const compact = text.replace(/[ \t]+/g, '');
  if (indent <= 3 && (/^(?:\*{3,}|_{3,}|=+|-+)$/.test(compact) || /^(?:`{3,}|~{3,})/.test(compact))) return true;
  return isDelimiterRow(text);
}

/**
 * Where on line `line` a comment can be added without changing the document, or -1 when nowhere.
 * At the end of the line, before trailing spaces and a trailing backslash (both are hard line
 * breaks). A table's header row must keep as many cells as its delimiter row: there the comment
 * goes inside the last cell, before the closing pipe.
 */
function directiveColumn(lines: readonly string[], line: number): number {
  const text = lines[line] ?? '';
  // A line that opens an HTML block (Word's <!--[if …]--> residue): Markdown renders it raw, and a
  // comment added to it changes the block; only the file-level directive is offered there.
  if (structuralLine(text) || /^ {0,3}</.test(text)) return -1;
  // An unclosed comment or code span would swallow what follows it.
  const lastOpen = text.lastIndexOf('<!--');
  if (lastOpen >= 0 && text.indexOf('-->', lastOpen) < 0) return -1;
  if ((text.match(/`/g)?.length ?? 0) % 2 === 1) return -1;
  let at = text.length;
  // Before every trailing blank (spaces, tabs, no-break and ideographic spaces): what ends a line
  // stays at its end.
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  if (at > 0 && text[at - 1] === '\\' && text[at - 2] !== '\\') at--;
  if (at > 0 && text[at - 1] === '|' && isDelimiterRow(lines[line + 1] ?? '')) {
    at--;
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  }
  return at;
}

function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

/** `<!-- nianbao-disable-line id -->` at the end of the finding's line, or `id` added to one there. */
function disableForLine(result: CheckResult, target: VersionedDocument, f: Finding, d: Diagnostic): DocumentCodeAction | undefined {
  // A report that lost its line breaks is checked through a recovered view whose lines are not the
  // source's: there a line directive would silence the wrong place; the file-level one remains.
  if (result.view) return undefined;
  const line = f.range.start.line;
  const text = result.doc.lines[line] ?? '';
  const existing = result.doc.directives.find((x) => x.kind === 'disable-line' && x.line === line && x.args.length > 0);
  let edit: TextEdit;
  if (existing) {
    edit = insertAt(line, existing.range.start.character + existing.raw.trimEnd().replace(/\s*-->$/, '').length, ` ${f.ruleId}`);
  } else {
    const at = directiveColumn(result.doc.lines, line);
    if (at < 0) return undefined;
    const space = at > 0 && !/\s/.test(text[at - 1]) ? ' ' : '';
    // Inside a header row's last cell, the closing pipe follows: keep a space before it.
    const after = text[at] === '|' ? ' ' : '';
    edit = insertAt(line, at, `${space}<!-- nianbao-disable-line ${f.ruleId} -->${after}`);
  }
  return { title: `在此行停用规则 ${f.ruleId}`, kind: QUICKFIX_KIND, diagnostics: [d], edit: workspaceEdit(target, [edit]) };
}

/** `<!-- nianbao-disable id -->` after the last line (set apart by a blank line), or `id` added to one. */
function disableForFile(result: CheckResult, target: VersionedDocument, f: Finding, d: Diagnostic): DocumentCodeAction {
  const { doc } = result;
  const existing = doc.directives.find((x) => x.kind === 'disable-file' && x.args.length > 0);
  let edit: TextEdit;
  if (existing) {
    edit = insertAt(existing.line, existing.range.start.character + existing.raw.trimEnd().replace(/\s*-->$/, '').length, ` ${f.ruleId}`);
  } else {
    const last = doc.lines.length - 1;
    const eol = doc.eols.find((e) => e) || '\n';
    const directive = `<!-- nianbao-disable ${f.ruleId} -->`;
    edit = doc.lines[last] === '' ? insertAt(last, 0, `${last > 0 && doc.lines[last - 1] !== '' ? eol : ''}${directive}${eol}`) : insertAt(last, doc.lines[last].length, `${eol}${eol}${directive}`);
  }
  return { title: `在本文件中停用规则 ${f.ruleId}`, kind: QUICKFIX_KIND, diagnostics: [d], edit: workspaceEdit(target, [edit]) };
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
