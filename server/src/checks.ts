// The check of each open document's current version, computed at most once, in the document's
// own check session (core/src/session.ts: a keystroke re-reads only what it changed). A change of
// settings or of a workspace config starts a new generation, after which every document is checked
// again; the generation is also part of the pull diagnostics' result ids.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../core/src/engine';
import type { ResolvedConfig } from '../../core/src/config/types';
import { createCheckSession, type CheckSession } from '../../core/src/session';
import { createSharedMemos } from '../../core/src/shared-memos';
import type { LanguageService } from '../../core/src/service/index';
import type { PreviousReport } from '../../core/src/crossyear/summary';

export class DocumentChecks {
  private readonly results = new Map<string, { version: number; generation: number; result: CheckResult }>();
  private readonly sessions = new Map<string, CheckSession>();
  /** Profile indexes and label keys, the same for every document (core/src/shared-memos.ts). */
  private readonly shared = createSharedMemos();
  private currentGeneration = 0;

  constructor(
    private readonly service: LanguageService,
    private readonly configFor: (uri: string) => ResolvedConfig,
    /** The previous year's report of a document, for the cross-year rules (./previousReports.ts). */
    private readonly previousFor: (uri: string, text: string, config: ResolvedConfig) => PreviousReport | undefined = () => undefined,
  ) {}

  get generation(): number {
    return this.currentGeneration;
  }

  analyse(doc: TextDocument): CheckResult {
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.currentGeneration) return hit.result;
    let session = this.sessions.get(doc.uri);
    if (!session) this.sessions.set(doc.uri, (session = createCheckSession()));
    // A plain-text report (an editor's plaintext document, a .txt file) gets plain text from fixes.
    const plainText = doc.languageId === 'plaintext' || /\.txt$/i.test(doc.uri);
    const text = doc.getText();
    const config = this.configFor(doc.uri);
    const result = this.service.analyse(text, { config, session, shared: this.shared, plainText, previous: this.previousFor(doc.uri, text, config) });
    this.results.set(doc.uri, { version: doc.version, generation: this.currentGeneration, result });
    return result;
  }

  /** Settings or a workspace config changed: every result is recomputed when next asked for. */
  invalidate(): void {
    this.currentGeneration++;
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.results.delete(uri);
    this.sessions.delete(uri);
  }
}
