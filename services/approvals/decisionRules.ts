import type { WorkflowItem } from '../ports/workflowStore';
import {
  AlreadyDecidedError,
  NotAnApproverError,
  NotPendingError,
  ReasonRequiredError,
  SelfApprovalError,
} from './errors';
import type { ApprovalItemData, Person } from './model';

/**
 * Who may decide what, checked on the stored item from the acting user's id (never from card data):
 * not the requester, only an approver of the stage (escalation approvers once escalated), a reason
 * where the stage asks one, and only while the stage is open.
 */
export function checkDecision(
  item: WorkflowItem<ApprovalItemData>,
  input: { actor: { id: string; displayName?: string }; reason?: string; stage?: number },
): { stage: number; by: Person } {
  const a = item.data.approval;
  const index = input.stage ?? a.current;
  const stage = a.stages[index];
  if (input.actor.id === a.requester.id) throw new SelfApprovalError('You cannot approve your own request');
  if (stage?.decision) throw new AlreadyDecidedError(stage.decision);
  if (a.outcome) throw new AlreadyDecidedError(a.outcome);
  if (item.state !== 'pendingApproval' || !stage || index !== a.current || stage.state !== 'InProgress') {
    throw new NotPendingError(`Request ${item.id} is not waiting for this decision (state ${item.state})`);
  }
  const allowed = stage.escalated ? [...stage.approvers, ...stage.escalationApprovers] : stage.approvers;
  const me = allowed.find((p) => p.id === input.actor.id);
  if (!me) throw new NotAnApproverError(`User ${input.actor.id} is not an approver of stage ${index + 1}`);
  if (stage.reasonRequired && !input.reason?.trim()) {
    throw new ReasonRequiredError('This approval needs a reason');
  }
  return { stage: index, by: { id: me.id, displayName: me.displayName } };
}
