// The registry of rules. Each rule lives in its own file; add it here to enable it.

import type { Rule } from './types';
import { rule as inputQuality } from './input-quality';

export const ALL_RULES: readonly Rule[] = [
  inputQuality,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
