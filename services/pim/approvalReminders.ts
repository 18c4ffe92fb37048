import { ApprovalNotification, approvalKeys } from '../approvals/keys';
import type { Clock } from '../clock';
import type { Job, NewJob } from '../ports/jobStore';
import type { PimGateway } from '../ports/pim';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { mutateItem, WorkflowNotFoundError } from '../workflow/mutate';
import { sendEffect } from '../workflow/notifyEffects';
import type { JobHandler } from '../workflow/scheduler';
import { PimJob, type PimActivationData } from './model';

type Item = WorkflowItem<PimActivationData>;
const HOUR = 3_600_000;

/** Graph's statuses of a role request still waiting for an approver (unifiedRoleAssignmentScheduleRequest). */
const WAITING = new Set(['PendingApproval', 'PendingAdminDecision']);

/**
 * The reminders of an activation's approval stage, one per configured hour after it started. Their ids
 * sit under the stage's timer prefix, so whatever ends the stage (a decision, the expiry, a cancel)
 * cancels them with the stage's own timers.
 */
export function reminderJobs(
  itemId: string,
  stage: number,
  startedAt: Date,
  hours: readonly number[],
): NewJob[] {
  return hours.map((h, i) => ({
    id: `${approvalKeys.timersOfStage(itemId, stage)}${PimJob.remind}:${i + 1}`,
    type: PimJob.remind,
    runAt: new Date(startedAt.getTime() + h * HOUR),
    payload: { itemId, stage, reminder: i + 1, hours: h },
  }));
}

const waiting = (i: Item, stage: number) =>
  i.state === 'pendingApproval' &&
  i.data.approval.current === stage &&
  i.data.approval.stages[stage]?.state === 'InProgress';

/**
 * Timer: reminds the approvers who have not decided. Entra mails approvers once and denies the request
 * after the stage's approvalStageTimeOutInDays, 1 for roles (Graph docs: approvalStage resource type);
 * the bot nudges in Teams before that. Graph is asked first, app-only: once an approver decided in the
 * Entra admin center, nobody is reminded of it.
 */
export function remindApprovers(deps: { store: WorkflowStore; pim: PimGateway; clock: Clock }): JobHandler {
  return async (job: Job) => {
    const itemId = String(job.payload.itemId);
    const stage = Number(job.payload.stage);
    const n = Number(job.payload.reminder);
    const item = await deps.store.get<PimActivationData>(itemId);
    if (!item || !waiting(item, stage)) return;
    const requestId = item.data.graph?.requestId;
    if (requestId && !WAITING.has((await deps.pim.requestState(requestId)).status)) return;
    const now = deps.clock.now();
    try {
      await mutateItem<PimActivationData>(
        deps.store,
        itemId,
        () => now,
        (fresh) => {
          if (!waiting(fresh, stage)) return undefined;
          const s = fresh.data.approval.stages[stage]!;
          const people = s.approvers.filter(
            (p) => p.id !== fresh.data.requesterId && p.id !== s.decision?.by?.id,
          );
          if (people.length === 0) return undefined;
          return {
            effects: [
              // A new message, not an update: Teams alerts people to new messages only.
              ...people.map((p) =>
                sendEffect(
                  `${approvalKeys.reminderCard(stage, p.id)}:${n}`,
                  p.id,
                  ApprovalNotification.reminder,
                  now,
                ),
              ),
              auditEffect({
                id: `pim-reminded:${itemId}:${stage}:${n}`,
                at: now,
                type: 'approval.reminded',
                itemId,
                summary: `Reminded ${people.map((p) => p.displayName).join(', ')} of ${fresh.data.role.displayName} for ${fresh.data.approval.requester.displayName} (${String(job.payload.hours)} h)`,
              }),
            ],
          };
        },
      );
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  };
}
