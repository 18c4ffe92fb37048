import type { Decision } from '../approvals/model';
import { requestMachine, type RequestState } from '../approvals/states';
import type { Notification } from '../ports/notifier';
import type { WorkflowItem } from '../ports/workflowStore';
import { AccessEffect, AccessNotification, type AccessRequestData, type RequestFailure } from './model';

/** The requester's view of one request: the status card, and a row of "my requests". Times are ISO. */
export interface RequestStatusView {
  itemId: string;
  requestType: 'add' | 'extend';
  package: { id: string; displayName: string };
  policy: string;
  state: RequestState;
  createdAt: string;
  justification?: string;
  /** The stage waiting for a decision, while pending. */
  stage?: { number: number; count: number; approvers: string[]; decideBy?: string; escalated: boolean };
  outcome?: Decision;
  failure?: RequestFailure;
  /** Graph could not be reached (or throttled us): the bot retries by itself at `nextAttemptAt`. */
  retrying?: { message: string; nextAttemptAt: string };
  canCancel: boolean;
  /** Graph has the request and is processing it (it answered `submitted`; approval starts after). */
  processing?: boolean;
  /** When the access ends, if known (policy duration or the chosen end date). */
  accessLasts?: { type: string; duration?: string; endDateTime?: string };
}

/** Builds the view from the stored item as it is now. */
export function requestStatusView(item: WorkflowItem<AccessRequestData>): RequestStatusView {
  const d = item.data;
  const state = requestMachine.isState(item.state) ? item.state : 'failed';
  const a = d.approval;
  const stage = a.stages[a.current];
  const submit = item.outbox.find((e) => e.type === AccessEffect.submit);
  const retrying =
    submit && !submit.doneAt && submit.lastError
      ? { message: submit.lastError, nextAttemptAt: submit.nextAttemptAt.toISOString() }
      : undefined;
  return {
    itemId: item.id,
    requestType: d.requestType,
    package: { id: d.package.id, displayName: d.package.displayName },
    policy: d.policy.displayName,
    state,
    createdAt: item.createdAt.toISOString(),
    justification: d.justification,
    stage:
      state === 'pendingApproval' && stage
        ? {
            number: stage.index + 1,
            count: a.stages.length,
            approvers: (stage.escalated
              ? [...stage.approvers, ...stage.escalationApprovers]
              : stage.approvers
            ).map((p) => p.displayName),
            decideBy: stage.decideBy,
            escalated: stage.escalated,
          }
        : undefined,
    outcome: a.outcome,
    failure: d.failure,
    retrying,
    canCancel: requestMachine.can(state, 'cancel'),
    processing: state === 'submitted' && d.graph?.state === 'submitted',
    accessLasts: d.schedule?.expiration ?? d.policy.expiration,
  };
}

/** Notification builder for 'access.requestStatus' (the requester's status card). */
export function requestStatusNotification(item: WorkflowItem<AccessRequestData>): Notification {
  return { kind: AccessNotification.requestStatus, data: { ...requestStatusView(item) } };
}
