import { requestMachine, type RequestEvent, type RequestState } from '../approvals/states';
import type { EntitlementGateway } from '../ports/entitlement';
import { auditEffect } from '../workflow/coreEffects';
import type { EffectHandler } from '../workflow/effects';
import { type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

/** Graph has not finished yet; the outbox tries again later (with backoff). */
class StillInProgressError extends Error {
  constructor(state: string) {
    super(`Graph request still ${state}`);
    this.name = 'StillInProgressError';
  }
}

const EVENTS: Partial<Record<string, RequestEvent>> = {
  delivered: 'delivered',
  partiallyDelivered: 'delivered',
  denied: 'denied',
  canceled: 'cancel',
  deliveryFailed: 'failed',
};

/** Follows a request in Graph (app-only) until it is delivered, denied or failed, and mirrors it. */
export function syncEffect(deps: { entitlement: EntitlementGateway }): EffectHandler<AccessRequestData> {
  return {
    run: async ({ item, now }) => {
      const requestId = item.data.graph?.requestId;
      if (!requestId || requestMachine.isFinal(item.state as RequestState)) return;
      const info = await deps.entitlement.requestState(requestId);
      const event = EVENTS[info.state];
      if (!event) throw new StillInProgressError(info.state);
      return (fresh) => {
        const from = fresh.state as RequestState;
        if (!requestMachine.can(from, event)) return undefined;
        const state = requestMachine.apply(from, event);
        return {
          state,
          data: { ...fresh.data, graph: { requestId, state: info.state, status: info.status } },
          effects: [
            ...statusEffects(fresh.data.requesterId, state, now),
            auditEffect({
              id: `access.${state}:${fresh.id}`,
              at: now,
              type: `access.${state}`,
              itemId: fresh.id,
              summary: `${fresh.data.package.displayName} for ${fresh.data.approval.requester.displayName}: ${state}`,
            }),
          ],
        };
      };
    },
  };
}
