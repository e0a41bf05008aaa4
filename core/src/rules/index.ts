// The registry of rules. Each rule lives in its own file; add it here to enable it.

import type { Rule } from './types';
import { rule as inputQuality } from './input-quality';
import { rule as profileNotice } from './profile-notice';
import { rule as partMissing } from './part-missing';
import { rule as partOrder } from './part-order';
import { rule as partDuplicate } from './part-duplicate';
import { rule as partTitle } from './part-title';
import { rule as headingNumbering } from './heading-numbering';
import { rule as feeStatement } from './fee-statement';

export const ALL_RULES: readonly Rule[] = [
  inputQuality,
  profileNotice,
  partMissing,
  partOrder,
  partDuplicate,
  partTitle,
  headingNumbering,
  feeStatement,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
