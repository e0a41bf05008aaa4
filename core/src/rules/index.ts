// The registry of rules. Each rule lives in its own file; add it here to enable it.

import type { Rule } from './types';
import { rule as inputQuality } from './input-quality';
import { rule as profileNotice } from './profile-notice';
import { rule as partMissing } from './part-missing';
import { rule as partOrder } from './part-order';
import { rule as partDuplicate } from './part-duplicate';
import { rule as partTitle } from './part-title';
import { rule as leadParts } from './lead-parts';
import { rule as headingNumbering } from './heading-numbering';
import { rule as feeStatement } from './fee-statement';
import { rule as partEmpty } from './part-empty';
import { rule as tableUnfilled } from './table-unfilled';
import { rule as tableBalance } from './table-balance';
import { rule as tableValues } from './table-values';
import { rule as tableShape } from './table-shape';
import { rule as tableUnreadable } from './table-unreadable';
import { rule as tableFormatYear } from './table-format-year';
import { rule as tableSum } from './table-sum';
import { rule as proseSum } from './prose-sum';
import { rule as prosePercent } from './prose-percent';
import { rule as yearConsistency } from './year-consistency';
import { rule as periodConsistency } from './period-consistency';
import { rule as placeholder } from './placeholder';
import { rule as mojibake } from './mojibake';
import { rule as placeName } from './place-name';
import { rule as textTableMismatch } from './text-table-mismatch';
import { rule as statuteName } from './statute-name';
import { rule as missingNumber } from './missing-number';
import { rule as markupResidue } from './markup-residue';
import { rule as concludedExceeds } from './concluded-exceeds';
import { rule as legacyTextTable } from './legacy-text-table';
import { rule as numberFormat } from './number-format';
import { rule as crossYearCarryover } from './cross-year-carryover';
import { rule as crossYearDocuments } from './cross-year-documents';
import { rule as crossYearCumulative } from './cross-year-cumulative';
import { rule as crossYearProse } from './cross-year-prose';

export const ALL_RULES: readonly Rule[] = [
  inputQuality,
  profileNotice,
  partMissing,
  partOrder,
  partDuplicate,
  partTitle,
  leadParts,
  headingNumbering,
  feeStatement,
  partEmpty,
  tableUnfilled,
  tableBalance,
  tableValues,
  tableShape,
  tableUnreadable,
  tableFormatYear,
  tableSum,
  proseSum,
  prosePercent,
  yearConsistency,
  periodConsistency,
  placeholder,
  mojibake,
  placeName,
  textTableMismatch,
  statuteName,
  missingNumber,
  markupResidue,
  concludedExceeds,
  legacyTextTable,
  numberFormat,
  crossYearCarryover,
  crossYearDocuments,
  crossYearCumulative,
  crossYearProse,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
