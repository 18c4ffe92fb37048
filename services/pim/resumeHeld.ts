import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import type { Clock } from '../clock';
import { auditEffect, cancelTimersEffect } from '../workflow/coreEffects';
import { effect, mutateItem } from '../workflow/mutate';
import type { OutboxRunner } from '../workflow/outbox';
import { activationStatus, type ActivationStatusView } from './activationStatus';
import { PimEffect, type PimActivationData } from './model';

/**
 * Sends each held activation to Graph once more, as the user's step-up token with the claims it was
 * asked for. The hold is lifted in the same write that records the retry (and takes the lease), so a
 * second sign-in code, a double delivery or another replica finds nothing left to retry.
 */
export async function resumeHeld(
  deps: { workflows: WorkflowStore; outbox: Pick<OutboxRunner, 'runItem' | 'leaseRequest'>; clock: Clock },
  who: DelegatedIdentity,
  held: WorkflowItem<PimActivationData>[],
): Promise<ActivationStatusView[]> {
  const now = deps.clock.now();
  const views: ActivationStatusView[] = [];
  for (const h of held) {
    const lease = deps.outbox.leaseRequest();
    const { item, changed } = await mutateItem<PimActivationData>(
      deps.workflows,
      h.id,
      () => now,
      (fresh) => {
        const hold = fresh.data.stepUp;
        if (fresh.state !== 'submitted' || !hold || new Date(hold.expiresAt) <= now) return undefined;
        return {
          data: { ...fresh.data, stepUp: undefined },
          effects: [
            cancelTimersEffect(`cancel-stepup:${hold.askedAt}`, `pim:${fresh.id}:stepUp`, now),
            effect(`submit:stepUp:${hold.askedAt}`, PimEffect.submit, { claims: hold.claims }, now),
            auditEffect({
              id: `pim-stepped-up:${fresh.id}:${hold.askedAt}`,
              at: now,
              type: 'pim.steppedUp',
              itemId: fresh.id,
              actorId: who.userId,
              summary: `${fresh.data.role.displayName}: signed in with MFA, activation sent again`,
            }),
          ],
        };
      },
      { item: h, lease },
    );
    if (changed) await deps.outbox.runItem(item, new Map([[who.userId, who.assertion]]), lease.owner);
    const after = await deps.workflows.get<PimActivationData>(h.id);
    if (after) views.push(activationStatus(after, deps.clock.now()));
  }
  return views;
}
