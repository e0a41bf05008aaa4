// A page that lost its line breaks is checked in a recovered view (core/src/recover): the model's
// positions are the view's, the editor's are the source's. The providers that answer with or ask
// about positions of the model are wrapped here, once, so none of them has to know about views.

import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { CheckResult } from '../engine';
import type { Position } from '../model';
import type { MarkdownHover } from './hover';

/** The outline with every range in the source's positions. */
export function symbolsInSource(result: CheckResult, symbols: DocumentSymbol[]): DocumentSymbol[] {
  const view = result.view;
  if (!view) return symbols;
  const map = (s: DocumentSymbol): DocumentSymbol => ({
    ...s,
    range: view.toSourceRange(s.range),
    selectionRange: view.toSourceRange(s.selectionRange),
    children: s.children?.map(map),
  });
  return symbols.map(map);
}

/** Folding ranges in source lines; those that fall on one source line (all of a one-line page) fold nothing. */
export function foldingInSource(result: CheckResult, ranges: FoldingRange[]): FoldingRange[] {
  const view = result.view;
  if (!view) return ranges;
  const out: FoldingRange[] = [];
  for (const r of ranges) {
    const startLine = view.toSourcePosition({ line: r.startLine, character: 0 }).line;
    const endLine = view.toSourcePosition({ line: r.endLine, character: 0 }).line;
    if (endLine > startLine) out.push({ ...r, startLine, endLine });
  }
  return out;
}

/** A hover asked at a source position, answered with a source range. */
export function hoverInSource(result: CheckResult, pos: Position, hover: (r: CheckResult, p: Position) => MarkdownHover | undefined): MarkdownHover | undefined {
  const view = result.view;
  if (!view) return hover(result, pos);
  const answer = hover(result, view.toViewPosition(pos));
  return answer?.range ? { ...answer, range: view.toSourceRange(answer.range) } : answer;
}
