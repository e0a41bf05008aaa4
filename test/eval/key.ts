// The key of a finding in verdicts.json: rule@line:column, 1-based as an editor shows them.

import type { Finding } from '../../core/src/index';

export function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
}
