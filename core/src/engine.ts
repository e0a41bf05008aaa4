// Runs every rule over one document. A rule that throws is recorded and the others still run;
// directives and the config decide which findings are kept and at which severity. What one rule
// may cost is bounded: a time budget per document (past it the rule is stopped and recorded as a
// failure, and in an editor session skipped on the next checks), at most MAX_PER_BLOCK findings per
// paragraph (then one finding saying how many more), and at most MAX_RELATED related entries per
// finding — so no draft, however crafted, freezes the editor or exhausts memory.

import { mergeSameWords } from './same-words';
import { findTextTables } from './facts/text-tables';
import type { ReportDocument } from './model';
import { deriveFacts } from './facts/derive';
import type { ReportFacts } from './facts/types';
import type { ProfileChoice } from './profiles/types';
import { ALL_RULES } from './rules/index';
import type { Finding, FindingInput, Rule, Severity } from './rules/types';
import { EMPTY_CONFIG, type ResolvedConfig } from './config/types';
import { suppressionFor } from './directives';
import { CheckCache, RuleDeadline } from './check-cache';
import type { CheckSession } from './session';
import type { SharedMemos } from './shared-memos';
import { mapFindings, readDocument, unreadableInView } from './recover/read';
import type { TextView } from './recover/text-view';
import type { PreviousReport } from './crossyear/summary';
import { previousFor } from './crossyear/pairing';

export interface CheckOptions {
  /** Profile id forced by the caller (CLI --profile); beats the config, loses to a directive. */
  profile?: string;
  config?: ResolvedConfig;
  /** The rules to run (tests pass a subset or a throwing rule). */
  rules?: readonly Rule[];
  /**
   * The editor's session for this document (session.ts): the work on tables and paragraphs that a
   * keystroke left unchanged is not redone. Results are the same with or without it; only the time
   * differs.
   */
  session?: CheckSession;
  /**
   * What a run of many checks shares (shared-memos.ts): the indexes of the profiles and the keys
   * of the labels, built once for a folder rather than once per report. Results are the same.
   */
  shared?: SharedMemos;
  /**
   * The draft is a plain-text file (.txt, an editor's plaintext document), not the Markdown-based
   * markup: text a fix inserts is plain too (no pipes, no comments).
   */
  plainText?: boolean;
  /**
   * The same agency's report for the year before (crossyear/summary.ts): the cross-year rules
   * compare with it. Ignored when both reports name their year and the years are not consecutive.
   */
  previous?: PreviousReport;
  /** Time one rule may take on this document, in ms (default: ruleBudgetMs(text)). */
  ruleBudgetMs?: number;
  /** Told how long each stage took, in ms: 'read' (parse and profile), 'facts', then each rule by id (benchmarks, growth tests). */
  onTiming?: (stage: string, ms: number) => void;
  /** The clock onTiming reads, in ms (default performance.now; tests on a loaded machine pass CPU time). */
  timingClock?: () => number;
}

export interface RuleFailure {
  ruleId: string;
  message: string;
  /** 'budget': stopped after its time budget (the draft is huge or pathological); else it threw. */
  kind?: 'threw' | 'budget';
}

/** Findings one rule may report in one paragraph (or one line outside paragraphs). */
export const MAX_PER_BLOCK = 50;
/** Related entries one finding may carry (the parts of a sum, the cells of a formula). */
export const MAX_RELATED = 50;

/** The default budget: 1.5 s, plus 150 ms per MB of text (a 10 MB draft gets 3 s a rule). */
export function ruleBudgetMs(text: string): number {
  return 1500 + Math.round((text.length / (1024 * 1024)) * 150);
}

export interface CheckResult {
  /** The source text checked. */
  text: string;
  /**
   * The model. For a report that lost its line breaks it is the model of the recovered view, and
   * its positions are positions in `view`; findings are always in positions of the source.
   */
  doc: ReportDocument;
  view?: TextView;
  choice: ProfileChoice;
  facts: ReportFacts;
  findings: Finding[];
  ruleFailures: RuleFailure[];
  /** The previous year's report the cross-year rules compared with (absent: none given, or not the year before). */
  previous?: PreviousReport;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function check(text: string, options: CheckOptions = {}): CheckResult {
  options.session?.advance();
  const cache = new CheckCache(options.session, options.shared);
  const config = options.config ?? EMPTY_CONFIG;
  const timing = options.onTiming;
  const clock = options.timingClock ?? (() => performance.now());
  let mark = timing ? clock() : 0;
  const lap = (stage: string) => {
    const now = clock();
    timing!(stage, now - mark);
    mark = now;
  };
  const read = readDocument(text, { override: options.profile, config }, cache);
  const { doc, choice, view } = read;
  if (timing) lap('read');
  const facts = deriveFacts(doc, choice.profile, cache);
  facts.unreadableTables = unreadableInView(read);
  facts.unreadableTables.push(...findTextTables(doc, choice.profile, facts.nationalTables, facts.unreadableTables));
  if (timing) lap('facts');
  const rules = options.rules ?? ALL_RULES;
  const suppressed = suppressionFor(doc);
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const budget = options.ruleBudgetMs ?? ruleBudgetMs(text);
  const overran = options.session?.memo<string, number>(OVERRAN);
  const blocks = new BlockIndex(doc);
  const previous = previousFor(options.previous, doc, facts);

  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting === 'off' || suppressed.file.has(rule.meta.id)) continue;
    const overranAt = overran?.get(rule.meta.id);
    if (overranAt !== undefined && text.length >= overranAt / 2) {
      // Stopped on an earlier version of this document, which was not much smaller: skipped, and
      // still said, so the writer knows the check is incomplete. Once the text is halved (the paste
      // undone) the rule runs again.
      overran!.set(rule.meta.id, overranAt);
      ruleFailures.push(budgetFailure(rule.meta.id, budget, true));
      continue;
    }
    const collected = new Collector(rule, setting, blocks);
    if (timing) mark = clock();
    const deadline = performance.now() + budget;
    try {
      cache.deadline = deadline;
      rule.check({
        doc,
        profile: choice.profile,
        choice,
        facts,
        cache,
        plainText: options.plainText === true,
        previous,
        recovered: view !== undefined,
        // The rule's own object is completed rather than copied (a spread per finding showed in
        // profiles of drafts with hundreds of findings); rules report a fresh object each time.
        report: (f) => {
          if (performance.now() > deadline) throw new RuleDeadline();
          collected.add(f);
        },
      });
    } catch (err) {
      if (err instanceof RuleDeadline) {
        overran?.set(rule.meta.id, text.length);
        ruleFailures.push(budgetFailure(rule.meta.id, budget, false));
      } else {
        ruleFailures.push({ ruleId: rule.meta.id, message: describeThrown(err), kind: 'threw' });
      }
      continue; // a half-finished rule's findings are not trustworthy
    } finally {
      cache.deadline = Infinity;
      if (timing) lap(rule.meta.id);
    }
    for (const f of collected.finish()) if (!suppressed.isSuppressed(f.ruleId, f.range.start.line)) findings.push(f);
  }

  mapFindings(findings, view);
  // Rule ids in localeCompare order, ranked once: the comparator runs n·log n times and
  // localeCompare is dear; the few distinct ids are compared with it only to rank them.
  const ruleRank = new Map<string, number>();
  for (const f of findings) ruleRank.set(f.ruleId, 0);
  [...ruleRank.keys()].sort((a, b) => a.localeCompare(b)).forEach((id, i) => ruleRank.set(id, i));
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      ruleRank.get(a.ruleId)! - ruleRank.get(b.ruleId)!,
  );
  return { text, doc, view, choice, facts, findings: mergeSameWords(findings), ruleFailures, ...(previous && { previous }) };
}

/** Session memo: the rules stopped by their budget on this document, and its length then. */
const OVERRAN = {};

function budgetFailure(ruleId: string, budget: number, earlier: boolean): RuleFailure {
  const when = earlier ? '在这份文档的较早版本上' : '在这份文档上';
  return {
    ruleId,
    kind: 'budget',
    message: `${when}运行超过 ${budget} 毫秒，已停止并跳过（文档过大或结构异常）；这项检查的结果不完整`,
  };
}

/**
 * Which paragraph a line belongs to (lines outside paragraphs are their own block), built only
 * when some rule reports more than MAX_PER_BLOCK findings in one check.
 */
class BlockIndex {
  private byLine: Int32Array | undefined;
  constructor(private readonly doc: ReportDocument) {}

  blockOf(line: number): number {
    if (!this.byLine) {
      const byLine = new Int32Array(this.doc.lines.length).fill(-1);
      this.doc.paragraphs.forEach((p, i) => {
        for (const l of p.lines) if (l >= 0 && l < byLine.length) byLine[l] = i;
      });
      this.byLine = byLine;
    }
    const p = this.byLine[line] ?? -1;
    return p >= 0 ? p : -1 - line; // negative keys: one block per line outside paragraphs
  }
}

/** One rule's findings of one check, completed, capped per block and in their related entries. */
class Collector {
  private readonly kept: Finding[] = [];
  /** Findings per block, counted only once a rule has reported MAX_PER_BLOCK in all. */
  private perBlock: Map<number, { count: number; first: Finding }> | undefined;

  constructor(
    private readonly rule: Rule,
    private readonly setting: Severity | 'off' | undefined,
    private readonly blocks: BlockIndex,
  ) {}

  add(f: FindingInput): void {
    // The rule's own object is completed rather than copied (a spread per finding showed in
    // profiles of drafts with hundreds of findings); rules report a fresh object each time.
    const finding = f as Finding;
    finding.ruleId = this.rule.meta.id;
    finding.severity = (this.setting as Severity | undefined) ?? f.severity ?? this.rule.meta.defaultSeverity;
    if (finding.related && finding.related.length > MAX_RELATED) capRelated(finding);
    if (this.kept.length >= MAX_PER_BLOCK) {
      if (!this.perBlock) {
        this.perBlock = new Map();
        for (const k of this.kept) this.count(k);
      }
      if (this.count(finding) > MAX_PER_BLOCK) return;
    }
    this.kept.push(finding);
  }

  private count(f: Finding): number {
    const key = this.blocks.blockOf(f.range.start.line);
    const seen = this.perBlock!.get(key);
    if (seen) return ++seen.count;
    this.perBlock!.set(key, { count: 1, first: f });
    return 1;
  }

  /** The findings kept, plus one per block that had more than MAX_PER_BLOCK, saying how many. */
  finish(): Finding[] {
    if (!this.perBlock) return this.kept;
    for (const { count, first } of this.perBlock.values()) {
      if (count <= MAX_PER_BLOCK) continue;
      this.kept.push({
        ruleId: first.ruleId,
        severity: first.severity,
        range: first.range,
        message: `这一段还有 ${count - MAX_PER_BLOCK} 处同类问题（共 ${count} 处），只列出了前 ${MAX_PER_BLOCK} 处`,
        data: { capped: true, total: count, shown: MAX_PER_BLOCK },
      });
    }
    return this.kept;
  }
}

/** Keeps the first MAX_RELATED - 1 entries and one saying how many more there are. */
function capRelated(f: Finding): void {
  const related = f.related!;
  const rest = related.length - (MAX_RELATED - 1);
  f.related = related.slice(0, MAX_RELATED - 1);
  f.related.push({ range: related[MAX_RELATED - 1].range, message: `……另有 ${rest} 处，未逐一列出` });
}

/** What a rule threw, as text; even a value whose toString throws must not escape check(). */
function describeThrown(err: unknown): string {
  try {
    return err instanceof Error ? String(err.message) : String(err);
  } catch {
    return '(unprintable exception)';
  }
}
