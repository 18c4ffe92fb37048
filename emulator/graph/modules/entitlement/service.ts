import type { Caller, ModuleContext } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { AssignmentRequest } from './model';
import type { EntitlementState } from './state';
import { seedCatalog } from './seed';
import { Delivery } from './delivery';
import { ApprovalFlow, type Decision } from './approvalFlow';
import { AssignmentRequests, type NewRequest } from './requests';
import { RequestProcessing } from './processing';
import { seedHistory } from './seedHistory';
import { EntitlementAudit } from './audit';

/**
 * Entitlement management for one emulator: the state, seeded from the fixture, and every operation the
 * routes need. Time-based steps (processing after the answer, escalation, automatic denial, delivery,
 * expiry) are applied lazily on each call.
 */
export class EntitlementService {
  readonly state: EntitlementState;
  private readonly delivery: Delivery;
  private readonly flow: ApprovalFlow;
  private readonly processing: RequestProcessing;
  private readonly requestsOps: AssignmentRequests;

  constructor(private readonly ctx: ModuleContext) {
    this.state = seedCatalog(ctx);
    const delayMs = () => ctx.processingDelayMs?.() ?? 0;
    const audit = new EntitlementAudit(this.state, ctx.directory, ctx.auditLog);
    this.delivery = new Delivery(this.state, ctx.directory, audit, delayMs);
    this.flow = new ApprovalFlow(this.state, ctx.directory, this.delivery, audit);
    this.processing = new RequestProcessing(this.flow, this.delivery);
    this.requestsOps = new AssignmentRequests(this.state, ctx.directory, ctx.newId, audit, delayMs);
    seedHistory(ctx, this.state, this.delivery, this.flow);
  }

  /** Brings every request and assignment up to the clock's now; call before reading state. */
  refresh(): Date {
    const now = this.ctx.clock.now();
    for (const r of this.state.requests.values()) this.processing.advance(r, now);
    this.delivery.expireDue(now);
    return now;
  }

  /** `isAdmin`: a delegated caller holds an admin role (app-only callers always act as admins). */
  submit(caller: Caller, body: NewRequest, isAdmin = caller.kind === 'app'): AssignmentRequest {
    return this.requestsOps.submit({ caller, isAdmin }, body, this.refresh());
  }

  cancel(caller: Caller, requestId: string, isAdmin = caller.kind === 'app'): void {
    this.requestsOps.cancel({ caller, isAdmin }, requestId, this.refresh());
  }

  /** An approver's decision on one stage of a request's approval (approval id == request id). */
  decide(approvalId: string, stageId: string, callerId: string, decision: Decision): void {
    const now = this.refresh();
    this.flow.decide(this.request(approvalId), stageId, callerId, decision, now);
  }

  request(id: string): AssignmentRequest {
    const r = this.state.requests.get(id);
    if (!r) throw new GraphHttpError(404, 'ResourceNotFound', `The request '${id}' was not found.`);
    return r;
  }

  /** Ids of users who may decide the request's current stage now. */
  currentApprovers(request: AssignmentRequest): string[] {
    if (request.state !== 'pendingApproval') return [];
    return request.stages.find((s) => s.status === 'InProgress')?.approverIds ?? [];
  }

  /** Everyone asked to approve any stage of the request so far (who may read its approval). */
  approversOf(request: AssignmentRequest): string[] {
    return [...new Set(request.stages.flatMap((s) => s.approverIds))];
  }

  /** The approval exists once Graph has started it (not while the request is still `submitted`). */
  hasApproval(request: AssignmentRequest): boolean {
    return request.stages.some((s) => s.status !== 'NotStarted');
  }
}
