import { requestMachine, type RequestEvent, type RequestState } from '../approvals/states';
import type { EntitlementGateway } from '../ports/entitlement';
import { auditEffect } from '../workflow/coreEffects';
import type { EffectHandler } from '../workflow/effects';
import type { OutboxEntry } from '../ports/workflowStore';
import { effect } from '../workflow/mutate';
import { fromSubmitted } from './followGraph';
import { AccessEffect, type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

const FIRST_WAIT_MS = 5_000;
const MAX_WAIT_MS = 3_600_000;

/** While Graph is still at it, look again later: 5 s, 10 s, … then hourly (a new effect each time). */
function again(entry: OutboxEntry, now: Date): OutboxEntry {
  const round = Number(entry.payload.round ?? 0) + 1;
  const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(round, 20));
  const base = entry.id.replace(/#\d+$/, '');
  return effect(`${base}#${round}`, AccessEffect.sync, { round }, new Date(now.getTime() + wait));
}

const EVENTS: Partial<Record<string, RequestEvent>> = {
  delivered: 'delivered',
  partiallyDelivered: 'delivered',
  denied: 'denied',
  canceled: 'cancel',
  deliveryFailed: 'failed',
};

/**
 * Follows a request in Graph (app-only) until it is delivered, denied or failed, and mirrors it;
 * a request Graph is still working on is looked at again later, without ever giving up. A request
 * still `submitted` here moves on as Graph processes it (see fromSubmitted): its approval starts then.
 */
export function syncEffect(deps: { entitlement: EntitlementGateway }): EffectHandler<AccessRequestData> {
  return {
    run: async ({ item, entry, now }) => {
      const requestId = item.data.graph?.requestId;
      if (!requestId || requestMachine.isFinal(item.state as RequestState)) return;
      const info = await deps.entitlement.requestState(requestId);
      if (item.state === 'submitted') {
        return (fresh) =>
          fresh.state === 'submitted'
            ? (fromSubmitted(fresh, info, now) ?? { effects: [again(entry, now)] })
            : undefined;
      }
      const event = EVENTS[info.state];
      if (!event) return () => ({ effects: [again(entry, now)] });
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
