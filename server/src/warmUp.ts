// A check of a sample report soon after start-up, when no document is open yet: the first real
// check then runs on compiled code (~200 ms cold on these machines, ~20 ms warm). Skipped when a
// document arrives first, which is then the warm-up itself.

import { check } from '../../core/src/engine';
import { profileById, reportSkeleton } from '../../core/src/service/skeleton';

/** After `delayMs`, checks the 2021 skeleton once unless `busy()` says documents are open. */
export function scheduleWarmUp(busy: () => boolean, delayMs = 300): void {
  const timer = setTimeout(() => {
    if (busy()) return;
    try {
      check(reportSkeleton(profileById('gov-2021'), { body: '某县某局', year: 2023 }));
    } catch {
      // A warm-up that fails changes nothing; the real check reports its own failures.
    }
  }, delayMs);
  timer.unref();
}
