import type { Caller, DirectoryView } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { AssignmentPolicy, AssignmentRequest } from './model';
import { OPEN_STATES } from './model';
import type { EntitlementState } from './state';
import { ApprovalFlow } from './approvalFlow';
import type { EntitlementAudit } from './audit';
import { mayRequest } from './eligibility';
import { requestErrors } from './errors';
import { checkRequestorInput, effectiveSchedule, type RequestInput } from './requestRules';
import { roleDenied } from '../governance/roles';

/** The body of POST assignmentRequests, as read at the edge. */
export interface NewRequest extends RequestInput {
  requestType: string;
  assignment: { targetId?: string; assignmentPolicyId?: string; accessPackageId?: string; id?: string };
}

/** Who submits: the caller, and whether they may act as an admin (app-only, or a user with the role). */
export interface Submitter {
  caller: Caller;
  isAdmin: boolean;
}

// End-user request types (no role needed: the policy decides); `UserExtend` is listed in v1.0.
const USER_TYPES = ['useradd', 'userextend', 'userupdate', 'userremove'];
const ADMIN_TYPES = ['adminadd', 'adminremove'];

/**
 * Creates and cancels access package assignment requests under the policies' rules. What can be checked
 * at once is (a 4xx); the rest happens after the answer (see RequestProcessing): Graph answers
 * `submitted` / `Accepted` and starts approval or delivery one processing delay later.
 */
export class AssignmentRequests {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
    private readonly newId: () => string,
    private readonly audit: EntitlementAudit,
    private readonly delayMs: () => number,
  ) {}

  submit({ caller, isAdmin }: Submitter, body: NewRequest, now: Date): AssignmentRequest {
    const type = body.requestType.toLowerCase();
    const selfService = USER_TYPES.includes(type);
    if (!selfService && !ADMIN_TYPES.includes(type)) throw requestErrors.badRequestType(body.requestType);
    if (caller.kind === 'app' && selfService) throw requestErrors.badRequestType(body.requestType);
    // Admin request types need an admin role in delegated calls (rbac include of the create doc).
    if (!selfService && !isAdmin) throw roleDenied.entitlement();
    if (type.endsWith('remove')) return this.remove(caller, body, selfService, now);
    const targetId = body.assignment.targetId ?? '';
    if (selfService && targetId !== caller.userId) throw requestErrors.targetNotCaller();
    const target = this.directory.userById(targetId);
    if (!target) throw new GraphHttpError(404, 'ResourceNotFound', `User '${targetId}' was not found.`);
    const pkgId = body.assignment.accessPackageId ?? '';
    if (!this.state.packages.has(pkgId))
      throw new GraphHttpError(404, 'ResourceNotFound', `Access package '${pkgId}' was not found.`);
    const policy = this.state.policies.get(body.assignment.assignmentPolicyId ?? '');
    if (!policy || policy.accessPackageId !== pkgId)
      throw requestErrors.policyNotOfPackage(body.assignment.assignmentPolicyId ?? '', pkgId);
    if (selfService && !mayRequest(policy, target, this.state, this.directory))
      throw requestErrors.notAllowed();
    const active = this.state.activeAssignment(pkgId, targetId);
    const extension = type === 'userextend' || type === 'userupdate';
    if (extension) {
      if (!active) throw requestErrors.noAssignment();
      if (!policy.extension.enabled) throw requestErrors.extensionNotAllowed();
    } else if (active) throw requestErrors.activeAssignmentExists();
    if (this.openRequestExists(pkgId, targetId)) throw requestErrors.openRequestExists();
    if (selfService) checkRequestorInput(policy, body);
    const request = this.create(caller, body, policy, targetId, active?.id ?? this.newId(), now);
    const needsApproval = selfService && (!extension || policy.extension.requiresApproval);
    request.stages = needsApproval ? policy.stages.map(() => ApprovalFlow.newStage(this.newId())) : [];
    this.state.requests.set(request.id, request);
    this.audit.requested(request, now);
    return request;
  }

  /** Cancels an open request: the requestor's own, or any as an admin. */
  cancel({ caller, isAdmin }: Submitter, requestId: string, now: Date): void {
    const request = this.state.requests.get(requestId);
    if (!request) throw new GraphHttpError(404, 'ResourceNotFound', `Request '${requestId}' was not found.`);
    const own = caller.userId === request.targetId || caller.userId === request.createdBy.userId;
    if (caller.kind === 'user' && !own && !isAdmin) throw roleDenied.entitlement();
    if (!OPEN_STATES.includes(request.state)) throw requestErrors.notCancelable(request.state);
    request.state = 'canceled';
    request.status = 'Canceled';
    request.completedDateTime = now.toISOString();
    request.dueAt = null;
    for (const s of request.stages) if (s.status === 'InProgress') s.status = 'Completed';
  }

  private remove(caller: Caller, body: NewRequest, selfService: boolean, now: Date): AssignmentRequest {
    const assignment = this.state.assignments.get(body.assignment.id ?? '');
    if (!assignment || assignment.state !== 'delivered') throw requestErrors.noAssignment();
    if (selfService && assignment.targetId !== caller.userId) throw requestErrors.targetNotCaller();
    const policy = this.state.policies.get(assignment.policyId)!;
    const request = this.create(caller, body, policy, assignment.targetId, assignment.id, now);
    this.state.requests.set(request.id, request);
    return request;
  }

  private openRequestExists(pkgId: string, targetId: string): boolean {
    return [...this.state.requests.values()].some(
      (r) => r.accessPackageId === pkgId && r.targetId === targetId && OPEN_STATES.includes(r.state),
    );
  }

  private create(
    caller: Caller,
    body: NewRequest,
    policy: AssignmentPolicy,
    targetId: string,
    assignmentId: string,
    now: Date,
  ): AssignmentRequest {
    const removal = body.requestType.toLowerCase().endsWith('remove');
    return {
      id: this.newId(),
      requestType: body.requestType,
      state: 'submitted',
      status: 'Accepted',
      createdDateTime: now.toISOString(),
      completedDateTime: null,
      justification: body.justification,
      accessPackageId: policy.accessPackageId,
      policyId: policy.id,
      targetId,
      createdBy: { userId: caller.userId, appId: caller.appId },
      assignmentId,
      schedule: removal
        ? { startDateTime: now.toISOString(), expiration: { ...policy.expiration } }
        : effectiveSchedule(policy, body, now),
      answers: body.answers,
      stages: [],
      dueAt: new Date(now.getTime() + this.delayMs()).toISOString(),
    };
  }
}
