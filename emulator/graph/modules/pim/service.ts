import type { Caller, ModuleContext } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { ScheduleRequest } from './model';
import { inForce, type PimState } from './state';
import { seedPim } from './seed';
import { checkActivationRules, pimErrors } from './rules';
import { PimApprovals } from './approvals';
import { readActivation, type RequestBody } from './requestBody';
import { PimAudit } from './audit';

/** Graph echoes expiration types in lower camel case whatever case the caller used. */
const EXPIRATION_TYPES: Record<string, string> = {
  afterduration: 'afterDuration',
  afterdatetime: 'afterDateTime',
  noexpiration: 'noExpiration',
};

/**
 * PIM for Entra roles: self-activation and deactivation under each role's policy, approval, cancel.
 * Activations end by their schedule; state is read against the clock, so nothing needs a timer.
 */
export class PimService {
  readonly state: PimState;
  readonly approvals: PimApprovals;
  private readonly audit: PimAudit;

  constructor(private readonly ctx: ModuleContext) {
    this.state = seedPim(ctx);
    this.audit = new PimAudit(this.state, ctx.directory, ctx.auditLog);
    this.approvals = new PimApprovals(this.state, ctx, this.audit);
    // An activated role is held like an assigned one: admin APIs let its holder through.
    ctx.roles.addSource((principalId, now) => {
      this.approvals.provisionDue(now);
      return [...this.state.activations.values()]
        .filter((a) => a.principalId === principalId && inForce(a.startDateTime, a.endDateTime, now))
        .map((a) => a.roleDefinitionId);
    });
  }

  /** Applies approval timeouts and provisioning due by now, and returns now. */
  refresh(): Date {
    const now = this.ctx.clock.now();
    this.approvals.expireDue(now);
    this.approvals.provisionDue(now);
    return now;
  }

  submit(caller: Caller, body: RequestBody): ScheduleRequest {
    const now = this.refresh();
    const action = String(body.action ?? '');
    if (action !== 'selfActivate' && action !== 'selfDeactivate') {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `The action '${action}' is not supported by this emulator.`,
      ); // (u)
    }
    if (caller.kind !== 'user' || !caller.userId) throw pimErrors.appOnly();
    if (body.principalId !== caller.userId) throw pimErrors.notSelf();
    const roleId = String(body.roleDefinitionId ?? '');
    if (!this.state.roles.has(roleId))
      throw new GraphHttpError(404, 'ResourceNotFound', `Role definition '${roleId}' was not found.`);
    return action === 'selfActivate'
      ? this.activate(caller, roleId, body, now)
      : this.deactivate(caller.userId, roleId, body, now);
  }

  /** Cancels the caller's own pending request (204). */
  cancel(caller: Caller, requestId: string): void {
    const now = this.refresh();
    const r = this.request(requestId);
    if (caller.kind === 'user' && caller.userId !== r.createdById)
      throw new GraphHttpError(403, 'Forbidden', 'Only the requestor may cancel this request.'); // (u)
    if (r.status !== 'PendingApproval') throw pimErrors.notCancelable();
    r.status = 'Canceled';
    r.completedDateTime = now.toISOString();
    this.approvals.close(r);
  }

  request(id: string): ScheduleRequest {
    const r = this.state.requests.get(id);
    if (!r) throw new GraphHttpError(404, 'ResourceNotFound', `Request '${id}' was not found.`);
    return r;
  }

  private activate(caller: Caller, roleId: string, body: RequestBody, now: Date): ScheduleRequest {
    const me = caller.userId!;
    const eligibility = this.state.eligibilityAt(me, roleId, now);
    if (!eligibility) throw pimErrors.notEligible();
    const policy = this.state.policyFor(roleId)!;
    const input = readActivation(body, now);
    // An activation that starts when the current one ends (an extension asked ahead) does not
    // overlap it; one that would overlap is RoleAssignmentExists (u: Graph documents no overlap rule).
    const end = new Date(input.startDateTime.getTime() + (input.lengthMs ?? 0));
    if (this.state.activationOverlapping(me, roleId, input.startDateTime, end)) throw pimErrors.exists();
    const pending = [...this.state.requests.values()].some(
      (r) =>
        r.principalId === me &&
        r.roleDefinitionId === roleId &&
        (r.status === 'PendingApproval' || (r.status === 'Granted' && r.dueAt !== null)),
    );
    if (pending) throw pimErrors.pending();
    checkActivationRules(policy, input, caller);
    const request = this.newRequest(me, roleId, body, input.startDateTime, now);
    request.isValidationOnly = body.isValidationOnly === true;
    const approvers = policy.approverIds.filter((id) => id !== me);
    if (policy.approverIds.length) {
      request.status = 'PendingApproval';
      if (request.isValidationOnly) return request;
      request.approvalId = this.approvals.open(request, approvers, now).id;
    } else {
      if (request.isValidationOnly) return { ...request, status: 'Granted' };
      // Answered `Granted` (the create doc's selfActivate example); the schedule is created afterwards.
      this.approvals.grant(request, now);
    }
    this.state.requests.set(request.id, request);
    return request;
  }

  private deactivate(me: string, roleId: string, body: RequestBody, now: Date): ScheduleRequest {
    const active = this.state.activationAt(me, roleId, now);
    if (!active) throw pimErrors.notActive();
    if (now.getTime() - new Date(active.startDateTime).getTime() < 5 * 60_000) throw pimErrors.tooSoon();
    const request = this.newRequest(me, roleId, body, now, now);
    if (body.isValidationOnly === true) return { ...request, isValidationOnly: true, status: 'Revoked' };
    active.endDateTime = now.toISOString();
    Object.assign(request, {
      status: 'Revoked',
      completedDateTime: now.toISOString(),
      targetScheduleId: active.id,
    });
    this.audit.deactivated(request, active);
    this.state.requests.set(request.id, request);
    return request;
  }

  private newRequest(me: string, roleId: string, body: RequestBody, start: Date, now: Date): ScheduleRequest {
    const exp = body.scheduleInfo?.expiration;
    return {
      id: this.ctx.newId(),
      action: String(body.action),
      principalId: me,
      roleDefinitionId: roleId,
      directoryScopeId: body.directoryScopeId ?? '/',
      justification: body.justification ?? null,
      ticketInfo: {
        ticketNumber: body.ticketInfo?.ticketNumber ?? null,
        ticketSystem: body.ticketInfo?.ticketSystem ?? null,
      },
      scheduleInfo: {
        startDateTime: start.toISOString(),
        expiration: {
          type:
            EXPIRATION_TYPES[(exp?.type ?? 'afterDuration').toLowerCase()] ?? exp?.type ?? 'afterDuration',
          duration: exp?.duration ?? null,
          endDateTime: exp?.endDateTime ?? null,
        },
      },
      status: 'Granted',
      createdDateTime: now.toISOString(),
      completedDateTime: null,
      approvalId: null,
      targetScheduleId: null,
      isValidationOnly: false,
      createdById: me,
      dueAt: null,
    };
  }
}
