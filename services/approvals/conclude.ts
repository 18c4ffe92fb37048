import type { OutboxEntry } from '../ports/workflowStore';
import { auditEffect, cancelTimersEffect } from '../workflow/coreEffects';
import { refreshEffect, sendEffect } from '../workflow/notifyEffects';
import { ApprovalNotification, approvalKeys } from './keys';
import type { ApprovalState, Decision } from './model';

/**
 * Effects once a request's approval is over (approved, denied, expired, canceled): every approver's
 * card and the requester's status card re-render, the requester is told, and pending timers go.
 */
export function concludeEffects(
  itemId: string,
  approval: ApprovalState,
  outcome: Decision,
  now: Date,
): OutboxEntry[] {
  const tag = `${outcome.result}:${approval.current}`;
  const effects = [
    cancelTimersEffect(`cancel-timers:${tag}`, approvalKeys.timersOf(itemId), now),
    refreshEffect(`approvers:${tag}`, approvalKeys.approverCards, now),
    refreshEffect(`requester:${tag}`, approvalKeys.requesterStatus, now),
    auditEffect({
      id: `approval-${outcome.result}:${itemId}`,
      at: now,
      type: `approval.${outcome.result}`,
      actorId: outcome.by?.id,
      itemId,
      summary: `${approval.subject.title} for ${approval.requester.displayName}: ${outcome.result}${outcome.by ? ` by ${outcome.by.displayName}` : ''}`,
      details: { stage: approval.current, reason: outcome.reason },
    }),
  ];
  // The requester canceled themselves: no need to tell them.
  if (outcome.result !== 'canceled') {
    effects.push(
      sendEffect(
        approvalKeys.requesterOutcome,
        approval.requester.id,
        approval.outcomeNotices?.[outcome.result] ?? ApprovalNotification.outcome,
        now,
      ),
    );
  }
  return effects;
}
