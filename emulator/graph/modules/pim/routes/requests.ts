import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import type { ScheduleRequest } from '../model';
import type { RequestBody } from '../requestBody';
import { collectionResult, entityResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { PIM_SHAPES } from '../shapes';
import { PIM_PERMS, RM_ROOT } from './permissions';

const BASE = `${RM_ROOT}/roleAssignmentScheduleRequests`;
const CONTEXT = 'roleManagement/directory/roleAssignmentScheduleRequests';

/**
 * roleAssignmentScheduleRequests: activate/deactivate, list, filterByCurrentUser, cancel. Listing every
 * request, or reading one by id, needs a PIM reader role in delegated calls (include
 * rbac-pim-entra-roles-apis); a user's own requests (filterByCurrentUser, selfActivate) need none.
 */
export function requestRoutes(pim: PimService, views: PimViews, roles: DirectoryRoleView): RouteDef[] {
  const admin = (req: GraphRequest) => requireRole(req, roles, ADMIN_ROLES.pimRead, roleDenied.pim);
  // The function answers with the entity set's context, untyped items (the filterByCurrentUser doc's example).
  const list = (req: GraphRequest, keep: (r: ScheduleRequest) => boolean) => {
    const shaper = Shaper.of(req, PIM_SHAPES, 'request');
    pim.refresh();
    const items = [...pim.state.requests.values()]
      .filter(keep)
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))
      .map((r) => views.request(r));
    return collectionResult(req, items, CONTEXT, shaper);
  };
  const mine = (req: GraphRequest, on: string): ((r: ScheduleRequest) => boolean) => {
    const me = signedInUser(req);
    // unifiedroleassignmentschedulerequest-filterbycurrentuser.md: "Only principal and approver are
    // currently supported" of principal, createdBy, approver.
    checkOn(on, ['principal', 'approver']);
    if (on === 'principal') return (r) => r.principalId === me;
    return (r) =>
      !!r.approvalId && pim.approvals.currentApprovers(pim.approvals.get(r.approvalId)).includes(me);
  };
  return [
    {
      method: 'GET',
      path: BASE,
      permissions: PIM_PERMS.assignmentRead,
      handler: (req) => {
        admin(req);
        return list(req, () => true);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id`,
      permissions: PIM_PERMS.assignmentRead,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) return list(req, mine(req, on));
        admin(req);
        const shaper = Shaper.of(req, PIM_SHAPES, 'request');
        pim.refresh();
        return entityResult(views.request(pim.request(req.params.id ?? '')), shaper, 200, {
          req,
          context: CONTEXT,
        });
      },
    },
    {
      method: 'POST',
      path: BASE,
      permissions: PIM_PERMS.assignmentWrite,
      handler: (req) => {
        const shaper = Shaper.of(req, PIM_SHAPES, 'request');
        const body = bodyObject(req);
        // rbacapplication-post-roleassignmentschedulerequests.md: "Either directoryScopeId or appScopeId is
        // required" (u: Graph's code and words for the refusal).
        if (typeof body.directoryScopeId !== 'string' && typeof body.appScopeId !== 'string') {
          throw new GraphHttpError(400, 'BadRequest', 'Either directoryScopeId or appScopeId is required.');
        }
        const created = pim.submit(req.caller, body as RequestBody);
        // As the create doc's examples answer: `Granted` (or `PendingApproval`), the schedule comes later.
        return entityResult(views.request(created), shaper, 201, { req, context: CONTEXT });
      },
    },
    {
      method: 'POST',
      path: `${BASE}/:id/cancel`,
      permissions: PIM_PERMS.assignmentWrite,
      handler: (req) => {
        pim.cancel(req.caller, req.params.id ?? '');
        return { status: 204 };
      },
    },
  ];
}
