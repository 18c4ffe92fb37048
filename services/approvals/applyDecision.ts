import type { OutboxEntry, WorkflowItem } from '../ports/workflowStore';
import { auditEffect, cancelTimersEffect } from '../workflow/coreEffects';
import { effect } from '../workflow/mutate';
import { refreshEffect, sendEffect } from '../workflow/notifyEffects';
import { subjectsWithApprovers } from './approvalCards';
import { concludeEffects } from './conclude';
import { ApprovalNotification, approvalKeys } from './keys';
import { DECIDED_IN, type ApprovalItemData, type Decision } from './model';
import { startStage } from './stageStart';
import { requestMachine, stageMachine, type RequestEvent, type RequestState } from './states';

/** A patch that always says where the item ends up, so several can be applied one after another. */
export interface FullPatch<T> {
  state: string;
  data: T;
  subjects: string[];
  effects: OutboxEntry[];
}

/** Where a stage decision comes from: a Teams card (to be recorded in Graph) or Graph itself. */
export interface DecisionOrigin {
  /** True for a decision made in Teams: the outbox records it in Graph as the approver. */
  recordInGraph: boolean;
  /** For the audit trail (card and activity id, or the Graph request). */
  source?: Record<string, string>;
}

/**
 * Applies an approve or deny to the open stage `stageIndex`: the stage's timers go, and either the
 * next stage starts (its approvers get cards, everyone's card re-renders) or the request concludes.
 */
export function decisionPatch<T extends ApprovalItemData>(
  fresh: WorkflowItem<T>,
  stageIndex: number,
  decision: Decision & { result: 'approved' | 'denied' },
  now: Date,
  origin: DecisionOrigin,
): FullPatch<T> {
  const a = fresh.data.approval;
  const event = decision.result === 'approved' ? 'approve' : 'deny';
  let approval = {
    ...a,
    stages: a.stages.map((s, i) =>
      i === stageIndex ? { ...s, state: stageMachine.apply(s.state, event), decision } : s,
    ),
  };
  const by = decision.by;
  const name = by?.displayName ?? 'An approver';
  const where = decision.via ? ` ${DECIDED_IN[decision.via]}` : '';
  const effects: OutboxEntry[] = [];
  if (origin.recordInGraph && by) {
    effects.push(
      effect(
        `record-decision:${stageIndex}`,
        approvalKeys.recordDecisionEffect(fresh.kind),
        { stage: stageIndex, approverId: by.id, decision: event, reason: decision.reason ?? '' },
        now,
      ),
    );
  }
  effects.push(
    cancelTimersEffect(
      `cancel-timers:stage:${stageIndex}`,
      approvalKeys.timersOfStage(fresh.id, stageIndex),
      now,
    ),
    auditEffect({
      id: `decision:${fresh.id}:${stageIndex}`,
      at: now,
      type: 'approval.decided',
      actorId: by?.id,
      itemId: fresh.id,
      summary: `${name} ${decision.result} stage ${stageIndex + 1} of ${a.subject.title} for ${a.requester.displayName}${where}`,
      source: origin.source,
      details: {
        stage: stageIndex,
        result: decision.result,
        reason: decision.reason,
        ...(decision.via ? { via: decision.via } : {}),
      },
    }),
  );
  const next = stageIndex + 1;
  if (event === 'approve' && next < a.stages.length) {
    const started = startStage(fresh.id, approval, next, now);
    approval = started.approval;
    effects.push(
      ...started.effects,
      refreshEffect(`stage-approved:${stageIndex}`, approvalKeys.approverCards, now),
      refreshEffect(`requester-stage:${stageIndex}`, approvalKeys.requesterStatus, now),
      // A status card changing in place is easy to miss: the requester hears a stage passed.
      sendEffect(
        approvalKeys.requesterStagePassed(stageIndex),
        a.requester.id,
        ApprovalNotification.stagePassed,
        now,
      ),
    );
    const data = { ...fresh.data, approval };
    return { state: fresh.state, data, subjects: subjectsWithApprovers(fresh.subjects, data), effects };
  }
  const concluded = concludePatch({ ...fresh, data: { ...fresh.data, approval } }, decision, now);
  return { ...concluded, effects: [...effects, ...concluded.effects] };
}

const EVENTS: Record<Decision['result'], RequestEvent> = {
  approved: 'approved',
  denied: 'denied',
  expired: 'expired',
  canceled: 'cancel',
};

/**
 * Ends the approval with `outcome` through the transition table: every approver's card and the
 * requester's re-render, the requester is told, timers go. An open stage that the outcome decides
 * (approved, denied, expired: not a cancel) records it, so its cards show who decided.
 */
export function concludePatch<T extends ApprovalItemData>(
  fresh: WorkflowItem<T>,
  outcome: Decision,
  now: Date,
): FullPatch<T> {
  const a = fresh.data.approval;
  const stageEvent = { approved: 'approve', denied: 'deny', expired: 'expire', canceled: undefined } as const;
  const event = stageEvent[outcome.result];
  const stages = a.stages.map((s, i) =>
    i === a.current && event && stageMachine.can(s.state, event)
      ? { ...s, state: stageMachine.apply(s.state, event), decision: outcome }
      : s,
  );
  const approval = { ...a, stages, outcome };
  const data = { ...fresh.data, approval };
  return {
    state: requestMachine.apply(fresh.state as RequestState, EVENTS[outcome.result]),
    data,
    subjects: subjectsWithApprovers(fresh.subjects, data),
    effects: concludeEffects(fresh.id, approval, outcome, now),
  };
}
