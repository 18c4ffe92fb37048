import { subjectsWithApprovers } from '../approvals/approvalCards';
import { startStage } from '../approvals/stageStart';
import { requestMachine, type RequestEvent } from '../approvals/states';
import type { AssignmentRequestInfo } from '../ports/entitlement';
import type { WorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { effect, type ItemPatch } from '../workflow/mutate';
import { AccessEffect, type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

type Item = WorkflowItem<AccessRequestData>;

/** What a Graph request state means for a request still `submitted` here. */
const EVENT_FROM_SUBMITTED: Partial<Record<AssignmentRequestInfo['state'], RequestEvent>> = {
  pendingApproval: 'accepted',
  delivering: 'approved',
  scheduled: 'approved',
  delivered: 'delivered',
  partiallyDelivered: 'delivered',
  denied: 'denied',
  canceled: 'cancel',
  deliveryFailed: 'failed',
};

/** Graph's request as the item records it. */
export function graphOf(info: AssignmentRequestInfo): NonNullable<AccessRequestData['graph']> {
  return { requestId: info.id, state: info.state, status: info.status };
}

/**
 * Moves a request that is still `submitted` here as far as Graph has taken it. Graph answers a new
 * request `submitted` and processes it afterwards, so nothing else happens before Graph says so: the
 * approvers' cards go out (stage 1 starts) only once Graph shows `pendingApproval`, when its approval
 * exists. Undefined while Graph is still processing (or the item has moved on already).
 */
export function fromSubmitted(
  fresh: Item,
  info: AssignmentRequestInfo,
  now: Date,
): ItemPatch<AccessRequestData> | undefined {
  if (fresh.state !== 'submitted') return undefined;
  const event = EVENT_FROM_SUBMITTED[info.state];
  if (!event) return undefined;
  const state = requestMachine.apply('submitted', event);
  const data = { ...fresh.data, graph: graphOf(info) };
  const effects = [
    ...statusEffects(fresh.data.requesterId, state, now),
    auditEffect({
      id: `access.graph-${state}:${fresh.id}`,
      at: now,
      type: `access.${state}`,
      itemId: fresh.id,
      actorId: fresh.data.requesterId,
      summary: `${fresh.data.package.displayName}: Graph request ${info.id} is ${info.state}`,
    }),
  ];
  if (event === 'accepted' && data.approval.stages.length > 0) {
    const started = startStage(fresh.id, data.approval, 0, now);
    const next = { ...data, approval: started.approval };
    return {
      state,
      data: next,
      subjects: subjectsWithApprovers(fresh.subjects, next),
      effects: [...effects, ...started.effects],
    };
  }
  // Delivery (or an approval the bot cannot follow by cards) is followed in Graph until it ends.
  if (state === 'delivering' || state === 'pendingApproval')
    effects.push(effect(`sync:${state}`, AccessEffect.sync, {}, now));
  return { state, data, effects };
}
