import { Duration } from 'luxon';
import type { OutboxEntry } from '../ports/workflowStore';
import { auditEffect, scheduleTimersEffect } from '../workflow/coreEffects';
import { sendEffect } from '../workflow/notifyEffects';
import type { ApprovalState } from './model';
import { ApprovalJob, ApprovalNotification, approvalKeys } from './keys';
import { stageMachine } from './states';

const DAY = 86_400_000;

function plus(at: Date, iso: string): Date {
  const d = Duration.fromISO(iso);
  if (!d.isValid) throw new Error(`Not an ISO 8601 duration: ${iso}`);
  return new Date(at.getTime() + d.as('milliseconds'));
}

/**
 * Starts stage `index`: its timers (automatic denial, escalation, a reminder one day before the
 * deadline or halfway when the stage is shorter) and a card to each approver, all as outbox effects.
 * `ownReminders`: the item's kind reminds approvers with timers of its own (PIM's configured hours).
 * `expireJob`: the job type of the stage's deadline, when the item's kind asks Graph before expiring it
 * (PIM); its id stays under the stage's timer prefix, so a decision cancels it as it cancels the others.
 */
export function startStage(
  itemId: string,
  approval: ApprovalState,
  index: number,
  now: Date,
  opts: { ownReminders?: boolean; expireJob?: string } = {},
): { approval: ApprovalState; effects: OutboxEntry[] } {
  const stage = approval.stages[index];
  if (!stage) throw new Error(`Item ${itemId} has no approval stage ${index}`);
  const decideBy = plus(now, stage.decideWithin);
  const span = decideBy.getTime() - now.getTime();
  const remindAt = opts.ownReminders ? undefined : new Date(decideBy.getTime() - Math.min(DAY, span / 2));
  const escalateAt = stage.escalateAfter ? plus(now, stage.escalateAfter) : undefined;
  const started = {
    ...stage,
    state: stageMachine.apply(stage.state, 'start'),
    startedAt: now.toISOString(),
    decideBy: decideBy.toISOString(),
    ...(remindAt && { remindAt: remindAt.toISOString() }),
    escalateAt: escalateAt?.toISOString(),
  };
  const job = (type: string, runAt: Date) => ({
    id: `${approvalKeys.timersOfStage(itemId, index)}${type}`,
    type,
    runAt,
    payload: { itemId, stage: index },
  });
  const jobs = [job(opts.expireJob ?? ApprovalJob.expire, decideBy)];
  if (remindAt) jobs.push(job(ApprovalJob.remind, remindAt));
  if (escalateAt && escalateAt < decideBy && stage.escalationApprovers.length > 0) {
    jobs.push(job(ApprovalJob.escalate, escalateAt));
  }
  const effects = [
    scheduleTimersEffect(`timers:${index}`, jobs, now),
    ...started.approvers.map((a) =>
      sendEffect(approvalKeys.approverCard(index, a.id), a.id, ApprovalNotification.request, now),
    ),
    auditEffect({
      id: `stage-started:${itemId}:${index}`,
      at: now,
      type: 'approval.stageStarted',
      itemId,
      summary: `Stage ${index + 1} of ${approval.stages.length} asks ${started.approvers.map((a) => a.displayName).join(', ') || 'nobody'}`,
      details: {
        stage: index,
        approverIds: started.approvers.map((a) => a.id),
        usedFallback: stage.usedFallback,
      },
    }),
  ];
  const stages = approval.stages.map((s, i) => (i === index ? started : s));
  return { approval: { ...approval, stages, current: index }, effects };
}
