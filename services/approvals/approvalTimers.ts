import type { Clock } from '../clock';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { type ItemPatch, mutateItem } from '../workflow/mutate';
import { refreshEffect, sendEffect } from '../workflow/notifyEffects';
import { subjectsWithApprovers } from './approvalCards';
import { concludePatch } from './applyDecision';
import { ApprovalNotification, approvalKeys } from './keys';
import type { ApprovalItemData, StageRecord } from './model';
import { stageMachine } from './states';

type Item = WorkflowItem<ApprovalItemData>;

/**
 * What the approval timers do: automatic denial, escalation and reminders. Each acts only while the
 * stage it was set for is still open, so a timer that fires late or twice changes nothing more.
 */
export class ApprovalTimers {
  constructor(private readonly deps: { store: WorkflowStore; clock: Clock }) {}

  /** Timer: the stage's decide-within time passed. Graph denies on its own; we mirror it on the cards. */
  async expire(itemId: string, stageIndex: number): Promise<void> {
    await this.whileOpen(itemId, stageIndex, (fresh, _stage, now) =>
      concludePatch(fresh, { result: 'expired', at: now.toISOString() }, now),
    );
  }

  /** Timer: nobody decided within the escalation time; escalation approvers get cards too. */
  async escalate(itemId: string, stageIndex: number): Promise<void> {
    await this.whileOpen(itemId, stageIndex, (fresh, stage, now) => {
      if (stage.escalated || !stageMachine.can(stage.state, 'escalate')) return undefined;
      const a = fresh.data.approval;
      const stages = a.stages.map((s, i) => (i === stageIndex ? { ...s, escalated: true } : s));
      const data = { ...fresh.data, approval: { ...a, stages } };
      return {
        data,
        subjects: subjectsWithApprovers(fresh.subjects, data),
        effects: [
          ...stage.escalationApprovers.map((p) =>
            sendEffect(approvalKeys.approverCard(stageIndex, p.id), p.id, ApprovalNotification.request, now),
          ),
          refreshEffect(`escalated:${stageIndex}`, approvalKeys.approverCards, now),
          auditEffect({
            id: `approval-escalated:${itemId}:${stageIndex}`,
            at: now,
            type: 'approval.escalated',
            itemId,
            summary: `Stage ${stageIndex + 1} escalated to ${stage.escalationApprovers.map((p) => p.displayName).join(', ')}`,
          }),
        ],
      };
    });
  }

  /** Timer: remind the stage's approvers who still have to decide. */
  async remind(itemId: string, stageIndex: number): Promise<void> {
    await this.whileOpen(itemId, stageIndex, (_fresh, stage, now) => {
      const people = stage.escalated ? [...stage.approvers, ...stage.escalationApprovers] : stage.approvers;
      return {
        effects: [
          ...people.map((p) =>
            sendEffect(approvalKeys.reminderCard(stageIndex, p.id), p.id, ApprovalNotification.reminder, now),
          ),
          auditEffect({
            id: `approval-reminded:${itemId}:${stageIndex}`,
            at: now,
            type: 'approval.reminded',
            itemId,
            summary: `Reminded ${people.map((p) => p.displayName).join(', ')} of stage ${stageIndex + 1}`,
          }),
        ],
      };
    });
  }

  /** Applies the timer's patch only while the request waits on that very stage, still in progress. */
  private async whileOpen(
    itemId: string,
    stageIndex: number,
    patch: (fresh: Item, stage: StageRecord, now: Date) => ItemPatch<ApprovalItemData> | undefined,
  ): Promise<void> {
    const now = this.deps.clock.now();
    await mutateItem<ApprovalItemData>(
      this.deps.store,
      itemId,
      () => now,
      (fresh) => {
        const a = fresh.data.approval;
        const stage = a.stages[stageIndex];
        if (fresh.state !== 'pendingApproval' || a.current !== stageIndex || stage?.state !== 'InProgress')
          return undefined;
        return patch(fresh, stage, now);
      },
    );
  }
}
