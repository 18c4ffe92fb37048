import type { NewJob } from '../ports/jobStore';
import { PimJob } from './model';

/** How often activations waiting for approval are compared with Graph, unless tuned. */
export const PIM_RECONCILE_EVERY_MS = 5 * 60_000;

/**
 * The reconcile round after `now`, at the next multiple of the interval: replicas, and activations that
 * start waiting at once, agree on its id, so one round runs per interval.
 */
export function reconcileRound(now: Date, everyMs = PIM_RECONCILE_EVERY_MS): NewJob {
  const next = new Date(Math.floor(now.getTime() / everyMs) * everyMs + everyMs);
  return {
    id: `${PimJob.reconcile}:${next.toISOString()}`,
    type: PimJob.reconcile,
    runAt: next,
    payload: {},
  };
}
