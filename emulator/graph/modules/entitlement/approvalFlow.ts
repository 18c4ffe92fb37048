import type { DirectoryView } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { ApprovalStage, AssignmentRequest, StageSettings } from './model';
import type { EntitlementState } from './state';
import type { Delivery } from './delivery';
import { resolveApprovers } from './approvers';
import { addDuration } from '../governance/time';
import type { EntitlementAudit } from './audit';

export interface Decision {
  reviewResult: 'Approve' | 'Deny';
  justification?: string | null;
}

/**
 * Runs a request's approval stages: starts each stage with its resolved approvers, escalates and
 * auto-denies as time passes (evaluated whenever state is read), and records approvers' decisions.
 */
export class ApprovalFlow {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
    private readonly delivery: Delivery,
    private readonly audit: EntitlementAudit,
  ) {}

  /** A stage record that has not started yet. */
  static newStage(id: string): ApprovalStage {
    return {
      id,
      status: 'NotStarted',
      startedDateTime: null,
      approverIds: [],
      escalated: false,
      reviewResult: 'NotReviewed',
      justification: null,
      reviewedBy: null,
      reviewedDateTime: null,
    };
  }

  /** Opens stage `index` at `at`, or starts delivery when there is none left. */
  startStage(request: AssignmentRequest, index: number, at: Date): void {
    const stage = request.stages[index];
    if (!stage) return this.delivery.begin(request, at);
    const settings = this.settings(request, index);
    const primary = resolveApprovers(settings.primaryApprovers, request.targetId, this.directory);
    stage.approverIds = primary.length
      ? primary
      : resolveApprovers(settings.fallbackPrimaryApprovers, request.targetId, this.directory);
    stage.status = 'InProgress';
    stage.startedDateTime = at.toISOString();
    request.state = 'pendingApproval';
    request.status = 'PendingApproval';
  }

  /** Applies escalation and automatic denial that became due by `now`. */
  advance(request: AssignmentRequest, now: Date): void {
    if (request.state !== 'pendingApproval') return;
    const index = request.stages.findIndex((s) => s.status === 'InProgress');
    const stage = request.stages[index];
    if (!stage?.startedDateTime) return;
    const settings = this.settings(request, index);
    if (settings.isEscalationEnabled && !stage.escalated) {
      const due = addDuration(stage.startedDateTime, settings.durationBeforeEscalation);
      if (due <= now) this.escalate(request, stage, settings);
    }
    const deadline = addDuration(stage.startedDateTime, settings.durationBeforeAutomaticDenial);
    if (deadline <= now) {
      stage.status = 'Expired'; // (u) Graph's approvalStage.status for a stage nobody decided in time
      request.state = 'denied';
      request.status = 'Expired'; // (u) status text Graph shows for a request that timed out
      request.completedDateTime = deadline.toISOString();
    }
  }

  /** Records `callerId`'s decision on a stage, then denies, moves on or delivers. */
  decide(request: AssignmentRequest, stageId: string, callerId: string, decision: Decision, now: Date): void {
    const index = request.stages.findIndex((s) => s.id === stageId);
    const stage = request.stages[index];
    if (!stage)
      throw new GraphHttpError(404, 'ResourceNotFound', `Approval stage '${stageId}' was not found.`);
    if (callerId === request.targetId || callerId === request.createdBy.userId) {
      // (u) code: Graph refuses self-approval; the exact code is not documented
      throw new GraphHttpError(
        403,
        'SelfApprovalNotAllowed',
        'The requestor cannot approve their own request.',
      );
    }
    if (!stage.approverIds.includes(callerId)) {
      throw new GraphHttpError(403, 'Forbidden', 'The caller is not an approver of this approval stage.');
    }
    if (stage.status !== 'InProgress' || request.state !== 'pendingApproval') {
      throw new GraphHttpError(409, 'Conflict', 'This approval stage has already been completed.');
    }
    const justification = decision.justification?.trim() || null;
    if (this.settings(request, index).isApproverJustificationRequired && !justification) {
      // (u) code: the policy requires approvers to justify
      throw new GraphHttpError(
        400,
        'ApproverJustificationRequired',
        'A justification is required to review this request.',
      );
    }
    const reviewer = this.directory.userById(callerId);
    Object.assign(stage, {
      status: 'Completed',
      reviewResult: decision.reviewResult,
      justification,
      reviewedBy: { id: callerId, displayName: reviewer?.displayName ?? '' },
      reviewedDateTime: now.toISOString(),
    } satisfies Partial<ApprovalStage>);
    this.audit.decided(request, callerId, decision.reviewResult, now, justification);
    if (decision.reviewResult === 'Deny') {
      request.state = 'denied';
      request.status = 'Denied';
      request.completedDateTime = now.toISOString();
    } else {
      this.startStage(request, index + 1, now);
    }
  }

  private escalate(request: AssignmentRequest, stage: ApprovalStage, settings: StageSettings): void {
    const extra = resolveApprovers(settings.escalationApprovers, request.targetId, this.directory);
    const added = extra.length
      ? extra
      : resolveApprovers(settings.fallbackEscalationApprovers, request.targetId, this.directory);
    stage.approverIds = [...new Set([...stage.approverIds, ...added])];
    stage.escalated = true;
  }

  private settings(request: AssignmentRequest, index: number): StageSettings {
    const settings = this.state.policies.get(request.policyId)?.stages[index];
    if (!settings)
      throw new GraphHttpError(500, 'InternalServerError', 'The request policy has no such stage.');
    return settings;
  }
}
