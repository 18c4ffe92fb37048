import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import type { EntitlementService } from '../service';
import type { AssignmentViews } from '../assignmentViews';
import type { AssignmentRequest } from '../model';
import type { NewRequest } from '../requests';
import { collectionResult, entityResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { actsAsAdmin, ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { EM_SHAPES } from '../shapes';
import { EM_PERMS, EM_ROOT, requireAdminScope } from './permissions';

const CONTEXT = 'identityGovernance/entitlementManagement/assignmentRequests';

/** Reads the POST body into the domain's NewRequest, with 400 for the wrong shape. */
export function readNewRequest(req: GraphRequest): NewRequest {
  const b = bodyObject(req);
  const a = (b.assignment ?? {}) as NewRequest['assignment'];
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    requestType: str(b.requestType) ?? 'notSpecified',
    assignment: {
      targetId: str(a.targetId) ?? undefined,
      assignmentPolicyId: str(a.assignmentPolicyId) ?? undefined,
      accessPackageId: str(a.accessPackageId) ?? undefined,
      id: str(a.id) ?? undefined,
    },
    justification: str(b.justification),
    answers: Array.isArray(b.answers) ? (b.answers as NewRequest['answers']) : [],
    schedule:
      b.schedule && typeof b.schedule === 'object' ? (b.schedule as NewRequest['schedule']) : undefined,
  };
}

/**
 * What POST answers: the request as accepted, before Graph has done anything with it (the create doc's
 * examples: `state: submitted`, `status: Accepted`, no times yet, the schedule as sent).
 */
function accepted(r: AssignmentRequest, req: GraphRequest) {
  const b = bodyObject(req);
  const sent = (b.schedule ?? {}) as { startDateTime?: unknown; expiration?: Record<string, unknown> };
  return {
    '@odata.context':
      'https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentRequests/$entity',
    id: r.id,
    requestType: r.requestType,
    state: 'submitted',
    status: 'Accepted',
    createdDateTime: null,
    completedDateTime: null,
    justification: r.justification,
    schedule: {
      startDateTime: sent.startDateTime ?? null,
      recurrence: null,
      expiration: {
        endDateTime: sent.expiration?.endDateTime ?? null,
        duration: sent.expiration?.duration ?? null,
        type: sent.expiration?.type ?? 'notSpecified',
      },
    },
    answers: r.answers,
    customExtensionCalloutInstances: [],
  };
}

/**
 * assignmentRequests: create, list, get, filterByCurrentUser, cancel. Listing or reading requests by id
 * needs an admin role in delegated calls (entitlementmanagement-list-assignmentrequests.md,
 * accesspackageassignmentrequest-get.md); `filterByCurrentUser` and a user's own requests need none.
 */
export function requestRoutes(
  em: EntitlementService,
  views: AssignmentViews,
  roles: DirectoryRoleView,
): RouteDef[] {
  const admin = (req: GraphRequest) =>
    requireRole(req, roles, ADMIN_ROLES.entitlementRead, roleDenied.entitlement);
  const isAdmin = (req: GraphRequest) =>
    actsAsAdmin(req, roles, ADMIN_ROLES.entitlementWrite) && hasWriteScope(req);
  const mine = (req: GraphRequest, on: string): ((r: AssignmentRequest) => boolean) => {
    const me = signedInUser(req);
    checkOn(on, ['target', 'createdBy', 'approver']);
    if (on === 'target') return (r) => r.targetId === me;
    if (on === 'createdBy') return (r) => r.createdBy.userId === me;
    return (r) => em.currentApprovers(r).includes(me);
  };
  const list = (req: GraphRequest, keep: (r: AssignmentRequest) => boolean) => {
    const shaper = Shaper.of(req, EM_SHAPES, 'request');
    em.refresh();
    const items = [...em.state.requests.values()]
      .filter(keep)
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    return collectionResult(
      req,
      items.map((r) => views.request(r)),
      CONTEXT,
      shaper,
    );
  };
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentRequests`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        return list(req, () => true);
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentRequests/:id`,
      permissions: EM_PERMS.readOrMine,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) return list(req, mine(req, on));
        requireAdminScope(req);
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'request');
        em.refresh();
        return entityResult(views.request(em.request(req.params.id ?? '')), shaper, 200, {
          req,
          context: CONTEXT,
        });
      },
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/assignmentRequests`,
      permissions: EM_PERMS.writeOrMine,
      handler: (req) => ({
        status: 201,
        body: accepted(em.submit(req.caller, readNewRequest(req), isAdmin(req)), req),
      }),
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/assignmentRequests/:id/cancel`,
      permissions: EM_PERMS.cancel,
      handler: (req) => {
        em.cancel(req.caller, req.params.id ?? '', isAdmin(req));
        return { status: 200 };
      },
    },
  ];
}

/** Admin request types need EntitlementManagement.ReadWrite.All, not only the end users' permission. */
function hasWriteScope(req: GraphRequest): boolean {
  return req.caller.kind === 'app' || req.caller.scopes.includes('EntitlementManagement.ReadWrite.All');
}
