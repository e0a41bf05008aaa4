// Pull diagnostics (textDocument/diagnostic), for editors that advertise textDocument.diagnostic.
// Each answer carries a result id, which the next request names as previousResultId. The answer is
// `unchanged` (no diagnostics travel) when neither the document (its version) nor the settings (the
// checks' generation, ./checks.ts) changed since that id, and also when the document changed but
// its diagnostics came out exactly the same (a word typed into a sentence with no finding after it:
// most keystrokes in a long draft). The debounce holds a request that follows a change until
// `debounceMs` have passed since the last change; an editor that cancels the request (VS Code does
// when the next keystroke comes) ends the wait at once.

import { isDeepStrictEqual } from 'node:util';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver/node';

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

const sameRelated = (a: DiagnosticRelatedInformation, b: DiagnosticRelatedInformation) =>
  a.message === b.message && a.location.uri === b.location.uri && sameRange(a.location.range, b.location.range);

/**
 * Field by field over every property of LSP's Diagnostic: util.isDeepStrictEqual gives the same
 * answer but took 1.5 ms for the 529 diagnostics of the 5,000-line draft (6–9 ms on the busy
 * machine), this 0.13 ms. A MarkupContent message (we send strings) compares by identity, so it is
 * never wrongly "the same".
 */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.source === b.source &&
    a.codeDescription?.href === b.codeDescription?.href &&
    sameList(a.tags, b.tags, (x, y) => x === y) &&
    sameList(a.relatedInformation, b.relatedInformation, sameRelated) &&
    (a.data === b.data || isDeepStrictEqual(a.data, b.data))
  );
}

export const sameDiagnostics = (a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean => sameList(a, b, sameDiagnostic);

interface LastReport {
  resultId: string;
  version: number;
  generation: number;
  items: Diagnostic[];
}

export class DocumentResults {
  private readonly last = new Map<string, LastReport>();
  private counter = 0;

  /** `nonce` keeps result ids of an earlier server process (before a restart) from matching. */
  constructor(private readonly nonce: string) {}

  report(uri: string, version: number, generation: number, previousResultId: string | undefined, items: () => Diagnostic[]): DocumentDiagnosticReport {
    let last = this.last.get(uri);
    if (!last || last.generation !== generation) {
      last = this.remember(uri, version, generation, items());
    } else if (last.version !== version) {
      const next = items();
      if (sameDiagnostics(next, last.items)) last.version = version; // same report, same id
      else last = this.remember(uri, version, generation, next);
    }
    if (previousResultId === last.resultId) return { kind: 'unchanged', resultId: last.resultId };
    return { kind: 'full', resultId: last.resultId, items: last.items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  private remember(uri: string, version: number, generation: number, items: Diagnostic[]): LastReport {
    const report = { resultId: `${this.nonce}:${++this.counter}`, version, generation, items };
    this.last.set(uri, report);
    return report;
  }
}

/** When each open document was last edited, for the debounce of pulled diagnostics. */
export class ChangeClock {
  private readonly changedAt = new Map<string, number>();
  private readonly known = new Set<string>();

  /** Records new content of the document; true when it is an edit, false when it is the opening. */
  record(uri: string): boolean {
    if (!this.known.has(uri)) {
      this.known.add(uri);
      return false;
    }
    this.changedAt.set(uri, Date.now());
    return true;
  }

  /** The document was closed: its next content is an opening again. */
  forget(uri: string): void {
    this.changedAt.delete(uri);
    this.known.delete(uri);
  }

  /**
   * Resolves once `debounceMs()` have passed since the document's last change (at once if they
   * have); a change during the wait extends it, as it re-arms the push debounce. Rejects with
   * RequestCancelled when the editor cancels the request.
   */
  async settle(uri: string, debounceMs: () => number, token: CancellationToken): Promise<void> {
    for (;;) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消（request cancelled）');
      const wait = (this.changedAt.get(uri) ?? 0) + debounceMs() - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        const sub = token.onCancellationRequested(done);
        function done(): void {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
  }
}
