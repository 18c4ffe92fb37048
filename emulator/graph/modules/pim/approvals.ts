import type { ModuleContext } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { PimApproval, ScheduleRequest } from './model';
import { APPROVAL_TIMEOUT_DAYS } from './model';
import type { PimState } from './state';
import type { PimAudit } from './audit';
import { durationMs } from '../governance/time';

/**
 * Role activation approvals (beta `roleAssignmentApprovals`): one step, any approver decides. A granted
 * request is provisioned one processing delay later (Graph answers `Granted`, then creates the schedule).
 */
export class PimApprovals {
  constructor(
    private readonly state: PimState,
    private readonly ctx: ModuleContext,
    private readonly audit: PimAudit,
  ) {}

  /**
   * The request is granted at `at`: its activation is provisioned one processing delay later
   * (rbacapplication-post-roleassignmentschedulerequests.md answers a selfActivate `Granted`, with the
   * schedule's id in targetScheduleId; the request reads `Provisioned` once the schedule exists).
   */
  grant(request: ScheduleRequest, at: Date): void {
    request.status = 'Granted';
    request.targetScheduleId ??= request.id;
    request.dueAt = new Date(at.getTime() + (this.ctx.processingDelayMs?.() ?? 0)).toISOString();
  }

  /** Provisions granted requests whose time has come (or fails them when the eligibility is gone). */
  provisionDue(now: Date): void {
    for (const r of this.state.requests.values()) {
      if (r.status !== 'Granted' || !r.dueAt || new Date(r.dueAt) > now) continue;
      const at = new Date(r.dueAt);
      r.dueAt = null;
      const eligibility = this.state.eligibilityAt(r.principalId, r.roleDefinitionId, at);
      if (eligibility) this.provision(r, eligibility.id, at);
      else Object.assign(r, { status: 'Failed', completedDateTime: at.toISOString() });
    }
  }

  open(request: ScheduleRequest, approverIds: string[], now: Date): PimApproval {
    const approval: PimApproval = {
      id: this.ctx.newId(),
      requestId: request.id,
      steps: [
        {
          id: this.ctx.newId(),
          status: 'InProgress',
          startedDateTime: now.toISOString(),
          approverIds,
          reviewResult: 'NotReviewed',
          justification: null,
          reviewedBy: null,
          reviewedDateTime: null,
        },
      ],
    };
    this.state.approvals.set(approval.id, approval);
    return approval;
  }

  /** Creates the active assignment the request asked for, from its start (or now, if later). */
  provision(request: ScheduleRequest, eligibilityId: string, now: Date): void {
    const start = new Date(Math.max(now.getTime(), new Date(request.scheduleInfo.startDateTime).getTime()));
    const exp = request.scheduleInfo.expiration;
    const length = exp.duration
      ? durationMs(exp.duration)
      : new Date(exp.endDateTime!).getTime() - new Date(request.scheduleInfo.startDateTime).getTime();
    // The schedule's id is the request's targetScheduleId, as Graph answers it (the create doc's example).
    const id = request.targetScheduleId ?? this.ctx.newId();
    const activation = {
      id,
      principalId: request.principalId,
      roleDefinitionId: request.roleDefinitionId,
      eligibilityId,
      startDateTime: start.toISOString(),
      endDateTime: new Date(start.getTime() + length).toISOString(),
    };
    this.state.activations.set(id, activation);
    Object.assign(request, {
      status: 'Provisioned',
      completedDateTime: now.toISOString(),
      targetScheduleId: id,
    });
    this.audit.activated(request, activation);
  }

  /** Denies requests whose approval step was not decided within the stage timeout. */
  expireDue(now: Date): void {
    for (const approval of this.state.approvals.values()) {
      const step = approval.steps[0]!;
      const deadline = new Date(
        new Date(step.startedDateTime).getTime() + APPROVAL_TIMEOUT_DAYS * 86_400_000,
      );
      if (step.status !== 'InProgress' || deadline > now) continue;
      step.status = 'Expired'; // (u)
      const request = this.state.requests.get(approval.requestId);
      if (request?.status === 'PendingApproval')
        Object.assign(request, { status: 'Denied', completedDateTime: deadline.toISOString() });
    }
  }

  /** Marks the approval of a canceled request as finished. */
  close(request: ScheduleRequest): void {
    const approval = request.approvalId ? this.state.approvals.get(request.approvalId) : undefined;
    approval?.steps.forEach((s) => (s.status = 'Completed'));
  }

  get(id: string): PimApproval {
    const a = this.state.approvals.get(id);
    if (!a) throw new GraphHttpError(404, 'ResourceNotFound', `Approval '${id}' was not found.`);
    return a;
  }

  /** Ids of users who may decide the approval now. */
  currentApprovers(approval: PimApproval): string[] {
    return approval.steps.find((s) => s.status === 'InProgress')?.approverIds ?? [];
  }

  decide(
    approvalId: string,
    stepId: string,
    callerId: string,
    result: 'Approve' | 'Deny',
    justification: string | null,
    now: Date,
  ): void {
    const approval = this.get(approvalId);
    const step = approval.steps.find((s) => s.id === stepId);
    if (!step) throw new GraphHttpError(404, 'ResourceNotFound', `Approval step '${stepId}' was not found.`);
    const request = this.state.requests.get(approval.requestId)!;
    if (callerId === request.principalId)
      throw new GraphHttpError(
        403,
        'SelfApprovalNotAllowed',
        'The requestor cannot approve their own request.',
      ); // (u)
    if (!step.approverIds.includes(callerId))
      throw new GraphHttpError(403, 'Forbidden', 'The caller is not an approver of this step.');
    if (step.status !== 'InProgress')
      throw new GraphHttpError(409, 'Conflict', 'This approval step has already been completed.');
    if (!justification?.trim())
      throw new GraphHttpError(
        400,
        'ApproverJustificationRequired',
        'A justification is required to review this request.',
      ); // (u)
    const reviewer = this.ctx.directory.userById(callerId);
    Object.assign(step, {
      status: 'Completed',
      reviewResult: result,
      justification,
      reviewedBy: { id: callerId, displayName: reviewer?.displayName ?? '' },
      reviewedDateTime: now.toISOString(),
    });
    if (result === 'Deny') {
      Object.assign(request, { status: 'Denied', completedDateTime: now.toISOString() });
      return;
    }
    this.grant(request, now);
  }
}
