import type {
  AccessPackageDetail,
  AccessPackageSummary,
  ApprovalDecision,
  ApprovalStage,
  AssignmentInfo,
  AssignmentRequestInfo,
  EntitlementGateway,
  NewAssignmentRequest,
  PolicyRequirements,
} from '../../ports/entitlement';
import type { DelegatedIdentity } from '../../ports/userTokens';
import { CatalogNames } from './catalogNames';
import type { GraphClientFactory } from './clientFactory';
import { requestBody } from './entitlementBodies';
import * as map from './entitlementMappers';
import { toPolicy, toRequirements } from './policyMappers';
import type { Json } from './entitlementMappers';
import { literal, seg, withQuery } from './odata';

const EM = '/identityGovernance/entitlementManagement';
const APPROVALS = `${EM}/accessPackageAssignmentApprovals`;
const REQUEST_EXPAND = { $expand: 'accessPackage,requestor' };
const ASSIGNMENT_EXPAND = { $expand: 'accessPackage,assignmentPolicy,target' };
const requestPath = (id: string) => withQuery(`${EM}/assignmentRequests/${seg(id)}`, REQUEST_EXPAND);

/** Entitlement management over Microsoft Graph v1.0. */
export class GraphEntitlementGateway implements EntitlementGateway {
  constructor(private readonly graph: GraphClientFactory) {}

  async requestablePackages(who: DelegatedIdentity): Promise<AccessPackageSummary[]> {
    // accesspackage-filterbycurrentuser.md: what the user may request, no admin role needed. Its doc
    // names no query options, so the catalog of each package is read app-only and joined here.
    const mine = (
      await this.graph
        .user(who)
        .getAll<Json>(
          'requestable packages',
          `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`,
        )
    ).map(map.toPackage);
    const catalogOf = await this.catalogs.of(mine.map((p) => p.id));
    return mine.map((p) => ({ ...p, catalog: p.catalog ?? catalogOf.get(p.id) }));
  }

  /** Every package's catalog, read app-only once for all users' catalogs rather than once per user. */
  private readonly catalogs = new CatalogNames(
    async () => new Map((await this.listAccessPackages()).map((p) => [p.id, p.catalog])),
  );

  async listAccessPackages(search?: string): Promise<AccessPackageSummary[]> {
    const term = search?.trim().toLowerCase();
    const $filter = term ? `contains(tolower(displayName),${literal(term)})` : undefined;
    const path = withQuery(`${EM}/accessPackages`, { $expand: 'catalog', $filter });
    return (await this.graph.app().getAll<Json>('list access packages', path)).map(map.toPackage);
  }

  async applicablePolicies(
    who: DelegatedIdentity,
    packageIds: string[],
  ): Promise<Map<string, PolicyRequirements[]>> {
    return this.graph.user(who).batchEach(
      'applicable policies',
      packageIds,
      (id) => ({ method: 'POST', url: `${EM}/accessPackages/${seg(id)}/getApplicablePolicyRequirements` }),
      (body) => ((body as Json).value as Json[]).map(toRequirements),
    );
  }

  async getAccessPackage(packageId: string): Promise<AccessPackageDetail> {
    const session = this.graph.app();
    const $expand = 'catalog,resourceRoleScopes($expand=role,scope)';
    const p = await session.get<Json>(
      'get access package',
      withQuery(`${EM}/accessPackages/${seg(packageId)}`, { $expand }),
    );
    const $filter = `accessPackage/id eq ${literal(packageId)}`;
    // Questions are a relationship of the policy: returned only when expanded.
    const policies = await session.getAll<Json>(
      'list policies',
      withQuery(`${EM}/assignmentPolicies`, { $filter, $expand: 'questions' }),
    );
    const scopes = Array.isArray(p.resourceRoleScopes) ? (p.resourceRoleScopes as Json[]) : [];
    return {
      ...map.toPackage(p),
      policies: policies.map(toPolicy),
      resources: scopes.map((s) => ({
        displayName: String(s.scope?.displayName ?? ''),
        type: s.scope?.originSystem,
        role: s.role?.displayName,
      })),
    };
  }

  async createRequest(who: DelegatedIdentity, request: NewAssignmentRequest): Promise<AssignmentRequestInfo> {
    // Not repeated after a gateway timeout (see retryPolicy): the caller reconciles with myRequests.
    const created = await this.graph
      .user(who)
      .post<Json>('create request', `${EM}/assignmentRequests`, requestBody(who.userId, request));
    return map.toRequest(created);
  }

  async myRequests(who: DelegatedIdentity): Promise<AssignmentRequestInfo[]> {
    const path = withQuery(`${EM}/assignmentRequests/filterByCurrentUser(on='target')`, REQUEST_EXPAND);
    return (await this.graph.user(who).getAll<Json>('my requests', path)).map(map.toRequest);
  }

  async myAssignments(who: DelegatedIdentity): Promise<AssignmentInfo[]> {
    const path = withQuery(`${EM}/assignments/filterByCurrentUser(on='target')`, ASSIGNMENT_EXPAND);
    return (await this.graph.user(who).getAll<Json>('my assignments', path)).map(map.toAssignment);
  }

  async cancelRequest(who: DelegatedIdentity, requestId: string): Promise<void> {
    await this.graph.user(who).post('cancel request', `${EM}/assignmentRequests/${seg(requestId)}/cancel`);
  }

  async approvalsAssignedToMe(who: DelegatedIdentity): Promise<string[]> {
    const items = await this.graph
      .user(who)
      .getAll<Json>('my approvals', `${APPROVALS}/filterByCurrentUser(on='approver')`);
    return items.map((a) => String(a.id));
  }

  async requestsToApprove(who: DelegatedIdentity): Promise<AssignmentRequestInfo[]> {
    const path = withQuery(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')`, REQUEST_EXPAND);
    return (await this.graph.user(who).getAll<Json>('requests to approve', path)).map(map.toRequest);
  }

  async approvalStages(who: DelegatedIdentity, requestId: string): Promise<ApprovalStage[]> {
    const items = await this.graph
      .user(who)
      .getAll<Json>('approval stages', `${APPROVALS}/${seg(requestId)}/stages`);
    return items.map(map.toStage);
  }

  async decideStage(
    who: DelegatedIdentity,
    requestId: string,
    stageId: string,
    decision: ApprovalDecision,
    justification?: string,
  ): Promise<void> {
    const path = `${APPROVALS}/${seg(requestId)}/stages/${seg(stageId)}`;
    await this.graph
      .user(who)
      .patch('decide stage', path, { reviewResult: decision, justification: justification ?? '' });
  }

  async pendingRequests(): Promise<AssignmentRequestInfo[]> {
    const path = withQuery(`${EM}/assignmentRequests`, {
      $filter: "state eq 'pendingApproval'",
      ...REQUEST_EXPAND,
    });
    return (await this.graph.app().getAll<Json>('pending requests', path)).map(map.toRequest);
  }

  async assignmentsExpiringBefore(before: Date): Promise<AssignmentInfo[]> {
    // Graph cannot filter on the schedule's end: list delivered assignments and compare here.
    const path = withQuery(`${EM}/assignments`, { $filter: "state eq 'delivered'", ...ASSIGNMENT_EXPAND });
    const all = (await this.graph.app().getAll<Json>('delivered assignments', path)).map(map.toAssignment);
    return all.filter((a) => a.endDateTime !== undefined && Date.parse(a.endDateTime) < before.getTime());
  }

  async requestState(requestId: string): Promise<AssignmentRequestInfo> {
    return map.toRequest(await this.graph.app().get<Json>('request state', requestPath(requestId)));
  }
}
