import type { Caller, DirectoryView } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { AssignmentPolicy, AssignmentRequest } from './model';
import { OPEN_STATES } from './model';
import type { EntitlementState } from './state';
import { ApprovalFlow } from './approvalFlow';
import type { Delivery } from './delivery';
import type { EntitlementAudit } from './audit';
import { mayRequest } from './eligibility';
import { requestErrors } from './errors';
import { checkRequestorInput, effectiveSchedule, type RequestInput } from './requestRules';

/** The body of POST assignmentRequests, as read at the edge. */
export interface NewRequest extends RequestInput {
  requestType: string;
  assignment: { targetId?: string; assignmentPolicyId?: string; accessPackageId?: string; id?: string };
}

const USER_TYPES = ['useradd', 'userextend', 'userremove'];
const ADMIN_TYPES = ['adminadd', 'adminremove'];

/** Creates and cancels access package assignment requests under the policies' rules. */
export class AssignmentRequests {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
    private readonly flow: ApprovalFlow,
    private readonly delivery: Delivery,
    private readonly newId: () => string,
    private readonly audit: EntitlementAudit,
  ) {}

  submit(caller: Caller, body: NewRequest, now: Date): AssignmentRequest {
    const type = body.requestType.toLowerCase();
    const delegated = caller.kind === 'user';
    if (!(delegated ? USER_TYPES : ADMIN_TYPES).includes(type)) {
      throw requestErrors.badRequestType(body.requestType, delegated ? 'delegated' : 'application');
    }
    if (type.endsWith('remove')) return this.remove(caller, body, now);
    const targetId = body.assignment.targetId ?? '';
    if (delegated && targetId !== caller.userId) throw requestErrors.targetNotCaller();
    const target = this.directory.userById(targetId);
    if (!target) throw new GraphHttpError(404, 'ResourceNotFound', `User '${targetId}' was not found.`);
    const pkgId = body.assignment.accessPackageId ?? '';
    if (!this.state.packages.has(pkgId))
      throw new GraphHttpError(404, 'ResourceNotFound', `Access package '${pkgId}' was not found.`);
    const policy = this.state.policies.get(body.assignment.assignmentPolicyId ?? '');
    if (!policy || policy.accessPackageId !== pkgId)
      throw requestErrors.policyNotOfPackage(body.assignment.assignmentPolicyId ?? '', pkgId);
    if (delegated && !mayRequest(policy, target, this.state, this.directory))
      throw requestErrors.notAllowed();
    const active = this.state.activeAssignment(pkgId, targetId);
    if (type === 'userextend') {
      if (!active) throw requestErrors.noAssignment();
      if (!policy.extension.enabled) throw requestErrors.extensionNotAllowed();
    } else if (active) throw requestErrors.activeAssignmentExists();
    if (this.openRequestExists(pkgId, targetId)) throw requestErrors.openRequestExists();
    if (delegated) checkRequestorInput(policy, body);
    const request = this.create(caller, body, policy, targetId, active?.id ?? this.newId(), now);
    const needsApproval = delegated && (type === 'useradd' || policy.extension.requiresApproval);
    request.stages = needsApproval ? policy.stages.map(() => ApprovalFlow.newStage(this.newId())) : [];
    this.state.requests.set(request.id, request);
    this.audit.requested(request, now);
    this.flow.startStage(request, 0, now);
    return request;
  }

  /** Cancels an open request; a delegated caller may cancel only their own. */
  cancel(caller: Caller, requestId: string, now: Date): void {
    const request = this.state.requests.get(requestId);
    if (!request) throw new GraphHttpError(404, 'ResourceNotFound', `Request '${requestId}' was not found.`);
    if (
      caller.kind === 'user' &&
      caller.userId !== request.targetId &&
      caller.userId !== request.createdBy.userId
    ) {
      throw new GraphHttpError(403, 'Forbidden', 'Only the requestor may cancel this request.'); // (u)
    }
    if (!OPEN_STATES.includes(request.state)) throw requestErrors.notCancelable(request.state);
    request.state = 'canceled';
    request.status = 'Canceled';
    request.completedDateTime = now.toISOString();
    for (const s of request.stages) if (s.status !== 'Completed') s.status = 'Completed';
  }

  private remove(caller: Caller, body: NewRequest, now: Date): AssignmentRequest {
    const assignment = this.state.assignments.get(body.assignment.id ?? '');
    if (!assignment || assignment.state !== 'delivered') throw requestErrors.noAssignment();
    if (caller.kind === 'user' && assignment.targetId !== caller.userId)
      throw requestErrors.targetNotCaller();
    const policy = this.state.policies.get(assignment.policyId)!;
    const request = this.create(caller, body, policy, assignment.targetId, assignment.id, now);
    this.state.requests.set(request.id, request);
    this.delivery.deliver(request, now);
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
    };
  }
}
