import type {
  AccessPackageDetail,
  ApprovalStage,
  AssignmentInfo,
  AssignmentRequestInfo,
  EntitlementGateway,
  NewAssignmentRequest,
  PolicyRequirements,
} from '../../../../services/ports/entitlement';
import { ConflictError, NotFoundError, PolicyViolationError } from '../../../../services/ports/graphErrors';
import type { DelegatedIdentity } from '../../../../services/ports/userTokens';
import { catalogFixture } from './entitlementFixture';

/**
 * An in-process EntitlementGateway over a small catalog: who may request what, requests with stages
 * decided one by one, assignments. `fail` lets a test make the next calls of a method throw.
 */
export class FakeEntitlement implements EntitlementGateway {
  readonly packages: AccessPackageDetail[] = catalogFixture();
  /** Package id → user ids who may NOT request it. */
  readonly denied = new Map<string, string[]>([['finance', ['adele', 'megan', 'lee']]]);
  readonly requests: (AssignmentRequestInfo & {
    targetId: string;
    policyId: string;
    stages: ApprovalStage[];
    approvers: string[][];
  })[] = [];
  readonly assignments: AssignmentInfo[] = [];
  readonly calls: string[] = [];
  readonly fail: Partial<Record<keyof EntitlementGateway, Error[]>> = {};
  constructor(private readonly now: () => Date) {}

  private hit(name: keyof EntitlementGateway) {
    this.calls.push(name);
    const err = this.fail[name]?.shift();
    if (err) throw err;
  }
  async requestablePackages(who: DelegatedIdentity) {
    this.hit('requestablePackages');
    return this.summaries().filter((p) => !(this.denied.get(p.id) ?? []).includes(who.userId));
  }
  async listAccessPackages() {
    this.hit('listAccessPackages');
    return this.summaries();
  }
  private summaries() {
    return this.packages.map(({ policies: _p, resources: _r, ...s }) => s);
  }
  async applicablePolicies(who: DelegatedIdentity, ids: string[]) {
    this.hit('applicablePolicies');
    const out = new Map<string, PolicyRequirements[]>();
    for (const id of ids) {
      const p = this.packages.find((x) => x.id === id);
      const ok = p && !(this.denied.get(id) ?? []).includes(who.userId);
      out.set(
        id,
        ok
          ? p.policies.map((pol) => ({
              policyId: pol.id,
              policyDisplayName: pol.displayName,
              isApprovalRequiredForAdd: pol.isApprovalRequiredForAdd,
              isApprovalRequiredForUpdate: pol.isApprovalRequiredForUpdate,
              isRequestorJustificationRequired: pol.id !== 'p-sales',
              allowCustomAssignmentSchedule: pol.allowCustomAssignmentSchedule,
              questions: pol.questions,
            }))
          : [],
      );
    }
    return out;
  }
  async getAccessPackage(id: string) {
    this.hit('getAccessPackage');
    const p = this.packages.find((x) => x.id === id);
    if (!p) throw new NotFoundError(id);
    return structuredClone(p);
  }
  async createRequest(who: DelegatedIdentity, r: NewAssignmentRequest): Promise<AssignmentRequestInfo> {
    this.hit('createRequest');
    if (r.kind === 'remove') throw new Error('not in this fake');
    if (
      this.requests.some(
        (x) =>
          x.targetId === who.userId &&
          x.accessPackage?.id === r.accessPackageId &&
          x.state === 'pendingApproval',
      )
    ) {
      throw new PolicyViolationError('open request', 'ExistingOpenRequest', 'openRequestExists');
    }
    const pkg = this.packages.find((p) => p.id === r.accessPackageId)!;
    const pol = pkg.policies.find((p) => p.id === r.policyId)!;
    const needs = r.kind === 'add' ? pol.isApprovalRequiredForAdd : pol.isApprovalRequiredForUpdate;
    const stages = needs
      ? pol.stages.map((_, i) => ({
          id: `stage-${i}`,
          status: i === 0 ? 'InProgress' : 'NotStarted',
          assignedToMe: false,
          reviewResult: 'NotReviewed',
        }))
      : [];
    const req = {
      id: `graph-${this.requests.length + 1}`,
      requestType: r.kind === 'add' ? 'userAdd' : 'userExtend',
      state: needs ? ('pendingApproval' as const) : ('delivered' as const),
      createdDateTime: this.now().toISOString(),
      accessPackage: { id: pkg.id, displayName: pkg.displayName },
      targetId: who.userId,
      policyId: pol.id,
      stages,
      approvers: [],
    };
    this.requests.push(req);
    if (!needs) this.deliver(req);
    const { stages: _s, approvers: _a, targetId: _t, policyId: _p, ...info } = req;
    // As Graph: the answer says `submitted`; the next read shows what Graph has done with it since.
    return { ...info, state: 'submitted', status: 'Accepted' };
  }
  async myRequests(who: DelegatedIdentity) {
    this.hit('myRequests');
    return this.requests.filter((r) => r.targetId === who.userId);
  }
  async myAssignments(who: DelegatedIdentity) {
    this.hit('myAssignments');
    return this.assignments.filter((a) => a.target?.objectId === who.userId);
  }
  async cancelRequest(_who: DelegatedIdentity, id: string) {
    this.hit('cancelRequest');
    const r = this.requests.find((x) => x.id === id);
    if (r) r.state = 'canceled';
  }
  async approvalsAssignedToMe() {
    return [];
  }
  async requestsToApprove() {
    return [];
  }
  async approvalStages(_who: DelegatedIdentity, id: string) {
    this.hit('approvalStages');
    const r = this.requests.find((x) => x.id === id);
    if (!r) throw new NotFoundError(id);
    return r.stages.map((s) => ({ ...s, assignedToMe: s.status === 'InProgress' }));
  }
  async decideStage(
    who: DelegatedIdentity,
    id: string,
    stageId: string,
    decision: 'Approve' | 'Deny',
    justification?: string,
  ) {
    this.hit('decideStage');
    const r = this.requests.find((x) => x.id === id)!;
    const i = r.stages.findIndex((s) => s.id === stageId);
    const s = r.stages[i]!;
    if (s.status !== 'InProgress') throw new ConflictError('decided');
    Object.assign(s, {
      status: 'Completed',
      reviewResult: decision,
      justification,
      reviewedBy: { id: who.userId },
    });
    const next = r.stages[i + 1];
    if (decision === 'Deny') r.state = 'denied';
    else if (next) next.status = 'InProgress';
    else this.deliver(r);
  }
  async pendingRequests() {
    return this.requests.filter((r) => r.state === 'pendingApproval');
  }
  async assignmentsExpiringBefore(before: Date) {
    this.hit('assignmentsExpiringBefore');
    return this.assignments.filter((a) => a.endDateTime && new Date(a.endDateTime) < before);
  }
  async requestState(id: string): Promise<AssignmentRequestInfo> {
    this.hit('requestState');
    const r = this.requests.find((x) => x.id === id);
    if (!r) throw new NotFoundError(id);
    return r;
  }
  private deliver(r: FakeEntitlement['requests'][number]) {
    r.state = 'delivered';
    this.assignments.push({
      id: `asg-${r.id}`,
      state: 'delivered',
      accessPackage: r.accessPackage,
      target: { objectId: r.targetId },
      policyId: r.policyId,
    });
  }
}
