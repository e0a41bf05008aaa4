// The registry of rules. Each rule lives in its own file; add it here to enable it.

import type { Rule } from './types';

export const ALL_RULES: readonly Rule[] = [];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
