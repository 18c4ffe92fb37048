import type { Caller, ModuleContext } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { AssignmentRequest } from './model';
import type { EntitlementState } from './state';
import { seedCatalog } from './seed';
import { Delivery } from './delivery';
import { ApprovalFlow, type Decision } from './approvalFlow';
import { AssignmentRequests, type NewRequest } from './requests';
import { seedHistory } from './seedHistory';
import { EntitlementAudit } from './audit';

/**
 * Entitlement management for one emulator: the state, seeded from the fixture, and every operation the
 * routes need. Time-based rules (escalation, automatic denial, expiry) are applied lazily on each call.
 */
export class EntitlementService {
  readonly state: EntitlementState;
  private readonly delivery: Delivery;
  private readonly flow: ApprovalFlow;
  private readonly requestsOps: AssignmentRequests;

  constructor(private readonly ctx: ModuleContext) {
    this.state = seedCatalog(ctx);
    const audit = new EntitlementAudit(this.state, ctx.directory, ctx.auditLog);
    this.delivery = new Delivery(this.state, ctx.directory, audit);
    this.flow = new ApprovalFlow(this.state, ctx.directory, this.delivery, audit);
    this.requestsOps = new AssignmentRequests(
      this.state,
      ctx.directory,
      this.flow,
      this.delivery,
      ctx.newId,
      audit,
    );
    seedHistory(ctx, this.state, this.delivery, this.flow);
  }

  /** Brings every request and assignment up to the clock's now; call before reading state. */
  refresh(): Date {
    const now = this.ctx.clock.now();
    for (const r of this.state.requests.values()) this.flow.advance(r, now);
    this.delivery.expireDue(now);
    return now;
  }

  submit(caller: Caller, body: NewRequest): AssignmentRequest {
    return this.requestsOps.submit(caller, body, this.refresh());
  }

  cancel(caller: Caller, requestId: string): void {
    this.requestsOps.cancel(caller, requestId, this.refresh());
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
}
