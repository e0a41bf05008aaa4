// The registry of built-in profiles, plus lookup that also sees profiles a workspace config defined.

import { GENERIC } from './generic';
import { GOV2019 } from './gov2019';
import { GOV2021 } from './gov2021';
import { LEGACY } from './legacy';
import type { Profile } from './types';

export { GENERIC, GOV2019, GOV2021, LEGACY };

/** Newest first: the order automatic selection tries them in. */
export const BUILTIN_PROFILES: readonly Profile[] = [GOV2021, GOV2019, LEGACY, GENERIC];

export function isBuiltinProfileId(id: string): boolean {
  return BUILTIN_PROFILES.some((p) => p.id === id);
}

/** A built-in profile or one defined in the workspace config (`extra`), by id. */
export function getProfile(id: string, extra: readonly Profile[] = []): Profile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id) ?? extra.find((p) => p.id === id);
}

/** The built-in annual-report profile whose years include `year` (the newest format past the end). */
export function profileForYear(year: number): Profile {
  const annual = BUILTIN_PROFILES.filter((p) => p.annualReport);
  return annual.find((p) => (p.years?.from ?? -Infinity) <= year && year <= (p.years?.to ?? Infinity)) ?? annual[0];
}
