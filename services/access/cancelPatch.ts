import { concludeEffects } from '../approvals/conclude';
import type { Decision } from '../approvals/model';
import { requestMachine, type RequestState } from '../approvals/states';
import type { WorkflowItem } from '../ports/workflowStore';
import { effect, type ItemPatch } from '../workflow/mutate';
import { CannotCancelError, NotYoursError } from './errors';
import { ACCESS_REQUEST, AccessEffect, type AccessRequestData } from './model';

/**
 * The requester cancels their own open request: canceled here at once (approvers' cards say so, timers
 * go), then in Graph as the requester by the outbox.
 */
export function cancelPatch(
  fresh: WorkflowItem<AccessRequestData>,
  userId: string,
  now: Date,
): ItemPatch<AccessRequestData> {
  if (fresh.kind !== ACCESS_REQUEST || fresh.data.requesterId !== userId)
    throw new NotYoursError('Not your request');
  const from = fresh.state as RequestState;
  if (!requestMachine.can(from, 'cancel'))
    throw new CannotCancelError(`The request is ${from} and can no longer be canceled`);
  const outcome: Decision = {
    result: 'canceled',
    by: { id: userId, displayName: fresh.data.approval.requester.displayName },
    at: now.toISOString(),
  };
  const approval = { ...fresh.data.approval, outcome };
  return {
    state: requestMachine.apply(from, 'cancel'),
    data: { ...fresh.data, approval },
    effects: [
      effect('cancel', AccessEffect.cancel, {}, now),
      ...concludeEffects(fresh.id, approval, outcome, now),
    ],
  };
}
