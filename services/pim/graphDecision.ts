import { decidedElsewherePatch, type SeenApproval } from '../approvals/decidedElsewhere';
import type { FullPatch } from '../approvals/applyDecision';
import type { Decision } from '../approvals/model';
import { requestMachine } from '../approvals/states';
import type { RoleRequestInfo } from '../ports/pim';
import type { WorkflowItem } from '../ports/workflowStore';
import { activatedPatch, requesterStatusEffects } from './graphOutcome';
import { PimNotification, type PimActivationData } from './model';

type Item = WorkflowItem<PimActivationData>;

/**
 * Graph's statuses of a role request whose approval is over, as the approval's outcome
 * (unifiedRoleScheduleRequest status). `Failed` after an approval: Graph could not provision it.
 */
const OUTCOMES: Partial<Record<string, Decision['result']>> = {
  Granted: 'approved',
  PendingProvisioning: 'approved',
  PendingScheduleCreation: 'approved',
  ScheduleCreated: 'approved',
  Provisioned: 'approved',
  Failed: 'approved',
  Denied: 'denied',
  Canceled: 'canceled',
};

/**
 * Graph's own deadline falls at most this long before the stage's `decideBy` here: Graph's approval
 * step starts when the activation is posted, the stage here once Graph has answered.
 */
const DEADLINE_SKEW_MS = 5 * 60_000;

/**
 * What Graph's request says of the approval. The request does not say who decided: the approval's
 * steps would, but Graph serves them to approvers only (beta roleAssignmentApprovals, no application
 * permission), and this read is app-only. A denial at the deadline is Entra's own (approvers have
 * 24 hours, approvalStageTimeOutInDays 1; Graph then answers `Denied`): the request expired.
 */
export function seenInGraph(item: Item, info: RoleRequestInfo): SeenApproval | undefined {
  let result = OUTCOMES[info.status];
  if (!result) return undefined;
  const decideBy = item.data.approval.stages[item.data.approval.current]?.decideBy;
  const done = info.completedDateTime ? Date.parse(info.completedDateTime) : NaN;
  if (result === 'denied' && decideBy && done >= Date.parse(decideBy) - DEADLINE_SKEW_MS) result = 'expired';
  return { stages: [], outcome: { result, at: info.completedDateTime } };
}

/**
 * The approval of an activation as Graph ended it outside Teams (the Entra admin center, a cancel, its
 * deadline), through the approval engine's decided-elsewhere patch: every approver's card and the
 * requester's update. Approved, the role is active (Graph grants it at once) or, when Graph could not
 * provision it, not activated. Undefined when Graph still waits or the item has moved on.
 */
export function graphDecisionPatch(
  fresh: Item,
  info: RoleRequestInfo,
  now: Date,
): FullPatch<PimActivationData> | undefined {
  const seen = seenInGraph(fresh, info);
  if (!seen) return undefined;
  // The requester hears it on their own activation card ("Active until …", "Denied by …"), which says
  // what it means for the role; nobody in Teams clicked, so no approval card of theirs tells it better.
  const a = fresh.data.approval;
  const notices = { ...a.outcomeNotices, approved: PimNotification.status, denied: PimNotification.status };
  const told = { ...fresh, data: { ...fresh.data, approval: { ...a, outcomeNotices: notices } } };
  const patch = decidedElsewherePatch(told, seen, now, { graphRequestId: info.id }, 'adminCenter');
  if (!patch) return undefined;
  const graph = { requestId: info.id, status: info.status, approvalId: fresh.data.graph?.approvalId };
  const decided = { ...fresh, state: patch.state, subjects: patch.subjects, data: { ...patch.data, graph } };
  if (patch.state !== 'delivering') return { ...patch, data: decided.data };
  if (info.status === 'Failed') {
    const failure = { code: 'failed', message: 'Microsoft Entra ID answered Failed' };
    return {
      ...patch,
      state: requestMachine.apply('delivering', 'failed'),
      data: { ...decided.data, failure },
      effects: [...patch.effects, ...requesterStatusEffects(decided, 'failed', now)],
    };
  }
  const from = info.completedDateTime ? new Date(info.completedDateTime) : now;
  const active = activatedPatch(decided, from.getTime() <= now.getTime() ? from : now, now);
  return {
    state: requestMachine.apply('delivering', 'delivered'),
    subjects: patch.subjects,
    data: active.data ?? decided.data,
    effects: [...patch.effects, ...(active.effects ?? [])],
  };
}
