// A rule that throws is a bug in that rule, not in the draft: say so once per rule in the output
// channel (not on every keystroke), and keep showing the other rules' findings.

import type { RuleFailure } from '../../core/src/engine';

export class FailureLog {
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  report(failures: readonly RuleFailure[]): void {
    for (const f of failures) {
      if (this.reported.has(f.ruleId)) continue;
      this.reported.add(f.ruleId);
      this.log(`规则 ${f.ruleId} 运行出错，已跳过该规则（其余检查结果照常显示）：${f.message}`);
    }
  }
}
