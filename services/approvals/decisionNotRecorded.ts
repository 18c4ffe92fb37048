import type { OutboxEntry, WorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import type { ItemPatch } from '../workflow/mutate';
import { refreshEffect } from '../workflow/notifyEffects';
import { approvalKeys } from './keys';
import { requestMachine, type RequestState } from './states';

/**
 * When Graph never took an approver's decision (any kind of request): the request fails with the
 * reason, every approver's card and the requester's status say so, and the audit log records it.
 */
export function decisionNotRecordedPatch<T extends object>(
  fresh: WorkflowItem<T>,
  err: unknown,
  now: Date,
  opts: { auditId: string; requesterEffects: OutboxEntry[] },
): ItemPatch<T> | undefined {
  if (!requestMachine.can(fresh.state as RequestState, 'failed')) return undefined;
  const message = err instanceof Error ? err.message : String(err);
  return {
    state: requestMachine.apply(fresh.state as RequestState, 'failed'),
    data: { ...fresh.data, failure: { code: 'decisionNotRecorded', message } },
    effects: [
      refreshEffect('decision-failed', approvalKeys.approverCards, now),
      ...opts.requesterEffects,
      auditEffect({
        id: opts.auditId,
        at: now,
        type: 'approval.recordFailed',
        itemId: fresh.id,
        summary: `Graph did not take the decision: ${message}`,
      }),
    ],
  };
}
