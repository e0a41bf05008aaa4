// The check of each open document's current version, computed at most once, in the document's
// own check session (core/src/session.ts: a keystroke re-reads only what it changed). A change of
// settings or of a workspace config starts a new generation, after which every document is checked
// again; the generation is also part of the pull diagnostics' result ids.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../core/src/engine';
import type { ResolvedConfig } from '../../core/src/config/types';
import { createCheckSession, type CheckSession } from '../../core/src/session';
import type { LanguageService } from '../../core/src/service/index';

export class DocumentChecks {
  private readonly results = new Map<string, { version: number; generation: number; result: CheckResult }>();
  private readonly sessions = new Map<string, CheckSession>();
  private currentGeneration = 0;

  constructor(
    private readonly service: LanguageService,
    private readonly configFor: (uri: string) => ResolvedConfig,
  ) {}

  get generation(): number {
    return this.currentGeneration;
  }

  analyse(doc: TextDocument): CheckResult {
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.currentGeneration) return hit.result;
    let session = this.sessions.get(doc.uri);
    if (!session) this.sessions.set(doc.uri, (session = createCheckSession()));
    const result = this.service.analyse(doc.getText(), { config: this.configFor(doc.uri), session });
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
