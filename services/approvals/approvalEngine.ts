import type { Clock } from '../clock';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { auditEffect, cancelTimersEffect } from '../workflow/coreEffects';
import { effect, type ItemPatch, mutateItem } from '../workflow/mutate';
import { refreshEffect } from '../workflow/notifyEffects';
import { subjectsWithApprovers } from './approvalCards';
import { concludeEffects } from './conclude';
import { checkDecision } from './decisionRules';
import { approvalKeys } from './keys';
import type { ApprovalItemData, Decision, Person } from './model';
import { startStage } from './stageStart';
import { requestMachine, stageMachine, type RequestState } from './states';

/** An approver's decision, as it arrives from a card; `actor` comes from the authenticated activity. */
export interface DecideInput {
  actor: { id: string; displayName?: string };
  itemId: string;
  decision: 'approve' | 'deny';
  reason?: string;
  /** The stage the card was about; an older stage's card gets AlreadyDecided, not a new decision. */
  stage?: number;
  /** Where the click came from (card, activity id), for the audit trail. */
  source?: Record<string, string>;
}

type Item = WorkflowItem<ApprovalItemData>;

/**
 * Decides approval stages for any kind of request (access packages now, PIM later). Each decision is
 * one version-conditional update that also records its effects (Graph call as the approver, card
 * updates, next stage, timers), so two approvers racing get one winner and one AlreadyDecidedError.
 */
export class ApprovalEngine {
  constructor(private readonly deps: { store: WorkflowStore; clock: Clock }) {}

  /** Records the actor's decision on the current stage. Throws the typed errors of ./errors. */
  async decide(input: DecideInput): Promise<{ item: Item; decision: Decision }> {
    const now = this.deps.clock.now();
    let decision!: Decision;
    const { item } = await mutateItem<ApprovalItemData>(
      this.deps.store,
      input.itemId,
      () => now,
      (fresh) => {
        const { stage, by } = checkDecision(fresh, input);
        decision = {
          result: input.decision === 'approve' ? 'approved' : 'denied',
          by,
          at: now.toISOString(),
        };
        if (input.reason?.trim()) decision.reason = input.reason.trim();
        return this.applyDecision(fresh, stage, decision, input, now);
      },
    );
    return { item, decision };
  }

  private applyDecision(
    fresh: Item,
    stageIndex: number,
    decision: Decision,
    input: DecideInput,
    now: Date,
  ): ItemPatch<ApprovalItemData> {
    const a = fresh.data.approval;
    const event = input.decision === 'approve' ? 'approve' : 'deny';
    let approval = {
      ...a,
      stages: a.stages.map((s, i) =>
        i === stageIndex ? { ...s, state: stageMachine.apply(s.state, event), decision } : s,
      ),
    };
    const by = decision.by as Person;
    const effects = [
      effect(
        `record-decision:${stageIndex}`,
        approvalKeys.recordDecisionEffect(fresh.kind),
        {
          stage: stageIndex,
          approverId: by.id,
          decision: input.decision,
          reason: decision.reason ?? '',
        },
        now,
      ),
      cancelTimersEffect(
        `cancel-timers:stage:${stageIndex}`,
        approvalKeys.timersOfStage(fresh.id, stageIndex),
        now,
      ),
      auditEffect({
        id: `decision:${fresh.id}:${stageIndex}`,
        at: now,
        type: 'approval.decided',
        actorId: by.id,
        itemId: fresh.id,
        summary: `${by.displayName} ${decision.result} stage ${stageIndex + 1} of ${a.subject.title} for ${a.requester.displayName}`,
        source: input.source,
        details: { stage: stageIndex, result: decision.result, reason: decision.reason },
      }),
    ];
    let state = fresh.state as RequestState;
    const next = stageIndex + 1;
    if (event === 'approve' && next < a.stages.length) {
      const started = startStage(fresh.id, approval, next, now);
      approval = started.approval;
      effects.push(
        ...started.effects,
        refreshEffect(`stage-approved:${stageIndex}`, approvalKeys.approverCards, now),
      );
      effects.push(refreshEffect(`requester-stage:${stageIndex}`, approvalKeys.requesterStatus, now));
    } else {
      approval = { ...approval, outcome: decision };
      state = requestMachine.apply(state, event === 'approve' ? 'approved' : 'denied');
      effects.push(...concludeEffects(fresh.id, approval, decision, now));
    }
    const data = { ...fresh.data, approval };
    return { state, data, subjects: subjectsWithApprovers(fresh.subjects, data), effects };
  }
}
