import type { ApprovalDecision, ApprovalStage } from '../../ports/entitlement';
import { NotFoundError } from '../../ports/graphErrors';
import type {
  ActiveRole,
  EligibleRole,
  PimGateway,
  RoleActivation,
  RoleActivationPolicy,
  RoleRequestInfo,
} from '../../ports/pim';
import type { DelegatedIdentity } from '../../ports/userTokens';
import type { GraphClientFactory } from './clientFactory';
import { toStage, type Json } from './entitlementMappers';
import { literal, seg, withQuery } from './odata';
import { toActivationPolicy, toActive, toEligible, toRoleRequest } from './pimMappers';

const RM = '/roleManagement/directory';
const REQUESTS = `${RM}/roleAssignmentScheduleRequests`;
/** Approving Entra role activations exists only in beta. */
const APPROVALS_BETA = `${RM}/roleAssignmentApprovals`;

/** PIM for Entra roles over Microsoft Graph (v1.0, and beta for approvals). */
export class GraphPimGateway implements PimGateway {
  constructor(private readonly graph: GraphClientFactory) {}

  async myEligibleRoles(who: DelegatedIdentity): Promise<EligibleRole[]> {
    const path = withQuery(`${RM}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')`, {
      $expand: 'roleDefinition',
    });
    return (await this.graph.user(who).getAll<Json>('eligible roles', path)).map(toEligible);
  }

  async myActiveRoles(who: DelegatedIdentity): Promise<ActiveRole[]> {
    const path = withQuery(`${RM}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`, {
      $expand: 'roleDefinition',
    });
    return (await this.graph.user(who).getAll<Json>('active roles', path)).map(toActive);
  }

  async activationPolicy(roleDefinitionId: string): Promise<RoleActivationPolicy> {
    const filter = `scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq ${literal(roleDefinitionId)}`;
    const path = withQuery('/policies/roleManagementPolicyAssignments', {
      $filter: filter,
      $expand: 'policy($expand=rules)',
    });
    const [assignment] = await this.graph.app().getAll<Json>('role policy', path);
    if (!assignment?.policy) throw new NotFoundError(`No PIM policy for role ${roleDefinitionId}`);
    return toActivationPolicy(roleDefinitionId, assignment.policy as Json);
  }

  async activate(who: DelegatedIdentity, a: RoleActivation): Promise<RoleRequestInfo> {
    const body = {
      action: 'selfActivate',
      principalId: who.userId,
      roleDefinitionId: a.roleDefinitionId,
      directoryScopeId: a.directoryScopeId ?? '/',
      justification: a.justification,
      ticketInfo: a.ticket ? { ticketNumber: a.ticket.number, ticketSystem: a.ticket.system } : undefined,
      scheduleInfo: {
        startDateTime: a.startDateTime ?? new Date().toISOString(),
        expiration: { type: 'afterDuration', duration: a.duration },
      },
    };
    return this.submit(who, 'activate role', body);
  }

  async deactivate(
    who: DelegatedIdentity,
    roleDefinitionId: string,
    directoryScopeId = '/',
  ): Promise<RoleRequestInfo> {
    return this.submit(who, 'deactivate role', {
      action: 'selfDeactivate',
      principalId: who.userId,
      roleDefinitionId,
      directoryScopeId,
    });
  }

  async myRequests(who: DelegatedIdentity): Promise<RoleRequestInfo[]> {
    const path = withQuery(`${REQUESTS}/filterByCurrentUser(on='principal')`, { $expand: 'roleDefinition' });
    return (await this.graph.user(who).getAll<Json>('my role requests', path)).map(toRoleRequest);
  }

  async cancelRequest(who: DelegatedIdentity, requestId: string): Promise<void> {
    await this.graph.user(who).post('cancel role request', `${REQUESTS}/${seg(requestId)}/cancel`);
  }

  async requestsToApprove(who: DelegatedIdentity): Promise<RoleRequestInfo[]> {
    const path = withQuery(`${REQUESTS}/filterByCurrentUser(on='approver')`, {
      $filter: "status eq 'PendingApproval'",
      $expand: 'roleDefinition',
    });
    return (await this.graph.user(who).getAll<Json>('role requests to approve', path)).map(toRoleRequest);
  }

  async approvalSteps(who: DelegatedIdentity, approvalId: string): Promise<ApprovalStage[]> {
    const path = withQuery(`${APPROVALS_BETA}/${seg(approvalId)}`, { $expand: 'steps' });
    const approval = await this.graph.user(who).get<Json>('role approval', path, 'beta');
    return ((approval.steps ?? []) as Json[]).map(toStage);
  }

  async decideStep(
    who: DelegatedIdentity,
    approvalId: string,
    stepId: string,
    decision: ApprovalDecision,
    justification?: string,
  ): Promise<void> {
    const body = { reviewResult: decision, justification: justification ?? '' };
    const path = `${APPROVALS_BETA}/${seg(approvalId)}/steps/${seg(stepId)}`;
    await this.graph.user(who).patch('decide role approval', path, body, 'beta');
  }

  async requestState(requestId: string): Promise<RoleRequestInfo> {
    const path = withQuery(`${REQUESTS}/${seg(requestId)}`, { $expand: 'roleDefinition' });
    return toRoleRequest(await this.graph.app().get<Json>('role request', path));
  }

  async pendingApprovalRequests(): Promise<RoleRequestInfo[]> {
    const path = withQuery(REQUESTS, { $filter: "status eq 'PendingApproval'", $expand: 'roleDefinition' });
    return (await this.graph.app().getAll<Json>('pending role requests', path)).map(toRoleRequest);
  }

  async activationsSince(since: Date): Promise<RoleRequestInfo[]> {
    const path = withQuery(REQUESTS, { $filter: "action eq 'selfActivate'", $expand: 'roleDefinition' });
    const all = (await this.graph.app().getAll<Json>('role activations', path)).map(toRoleRequest);
    return all.filter(
      (r) => r.createdDateTime !== undefined && Date.parse(r.createdDateTime) >= since.getTime(),
    );
  }

  private async submit(
    who: DelegatedIdentity,
    what: string,
    body: Record<string, unknown>,
  ): Promise<RoleRequestInfo> {
    return toRoleRequest(await this.graph.user(who).post<Json>(what, REQUESTS, body));
  }
}
