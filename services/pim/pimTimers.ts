import { approvalKeys } from '../approvals/keys';
import { requestMachine } from '../approvals/states';
import type { Clock } from '../clock';
import type { Job } from '../ports/jobStore';
import type { WorkflowStore } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { mutateItem, WorkflowNotFoundError } from '../workflow/mutate';
import { sendEffect } from '../workflow/notifyEffects';
import type { JobHandler } from '../workflow/scheduler';
import { requesterStatusEffects } from './graphOutcome';
import { PimJob, PimNotification, type PimActivationData } from './model';

/**
 * PIM's timers: a held activation whose MFA sign-in never came expires (the requester is told), and an
 * activation about to end offers Extend. Jobs run at least once: each checks the item first.
 */
export function pimJobHandlers(deps: { store: WorkflowStore; clock: Clock }): Record<string, JobHandler> {
  const change = async (job: Job, fn: Parameters<typeof mutateItem<PimActivationData>>[3]) => {
    const itemId = String(job.payload.itemId);
    try {
      await mutateItem<PimActivationData>(deps.store, itemId, () => deps.clock.now(), fn);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  };
  return {
    [PimJob.stepUpExpire]: (job) =>
      change(job, (fresh) => {
        const now = deps.clock.now();
        const hold = fresh.data.stepUp;
        if (fresh.state !== 'submitted' || !hold || new Date(hold.expiresAt) > now) return undefined;
        const failure = {
          code: 'stepUpExpired',
          message: 'The sign-in with multi-factor authentication was not completed in time',
        };
        return {
          state: requestMachine.apply('submitted', 'failed'),
          data: { ...fresh.data, stepUp: undefined, failure },
          effects: [
            ...requesterStatusEffects(fresh, 'stepUpExpired', now),
            sendEffect(approvalKeys.requesterOutcome, fresh.data.requesterId, PimNotification.status, now),
            auditEffect({
              id: `pim-stepup-expired:${fresh.id}`,
              at: now,
              type: 'pim.stepUpExpired',
              itemId: fresh.id,
              actorId: fresh.data.requesterId,
              summary: `${fresh.data.role.displayName}: the MFA sign-in never came; the activation expired`,
            }),
          ],
        };
      }),
    [PimJob.ending]: (job) =>
      change(job, (fresh) => {
        const now = deps.clock.now();
        const until = fresh.data.activeUntil;
        if (fresh.state !== 'delivered' || fresh.data.deactivatedAt || !until || new Date(until) <= now)
          return undefined;
        return { effects: [sendEffect('ending', fresh.data.requesterId, PimNotification.ending, now)] };
      }),
  };
}
