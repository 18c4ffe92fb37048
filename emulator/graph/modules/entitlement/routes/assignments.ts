import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { AssignmentViews } from '../assignmentViews';
import type { Assignment } from '../model';
import { collectionResult, entityResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { EM_SHAPES } from '../shapes';
import { EM_PERMS, EM_ROOT, requireAdminScope } from './permissions';

/**
 * assignments: list with `$filter` on target and state, get, filterByCurrentUser. Listing and reading
 * assignments needs an admin role in delegated calls (entitlementmanagement-list-assignments.md,
 * accesspackageassignment-get.md); `filterByCurrentUser(on='target')` is the user's own, with none.
 */
export function assignmentRoutes(
  em: EntitlementService,
  views: AssignmentViews,
  roles: DirectoryRoleView,
): RouteDef[] {
  const admin = (req: GraphRequest) =>
    requireRole(req, roles, ADMIN_ROLES.entitlementRead, roleDenied.entitlement);
  const list = (req: GraphRequest, keep: (a: Assignment) => boolean) => {
    const shaper = Shaper.of(req, EM_SHAPES, 'assignment');
    em.refresh();
    const items = [...em.state.assignments.values()].filter(keep).map((a) => views.assignment(a));
    return collectionResult(req, items, 'identityGovernance/entitlementManagement/assignments', shaper);
  };
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/assignments`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        return list(req, () => true);
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignments/:id`,
      permissions: EM_PERMS.readOrMine,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) {
          const me = signedInUser(req);
          checkOn(on, ['target', 'createdBy']);
          const createdBy = (a: Assignment) =>
            [...em.state.requests.values()].some((r) => r.assignmentId === a.id && r.createdBy.userId === me);
          return list(req, on === 'target' ? (a) => a.targetId === me : createdBy);
        }
        requireAdminScope(req);
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'assignment');
        em.refresh();
        const a = em.state.assignments.get(req.params.id ?? '');
        if (!a)
          throw new GraphHttpError(404, 'ResourceNotFound', `Assignment '${req.params.id}' was not found.`);
        return entityResult(views.assignment(a), shaper, 200, {
          req,
          context: 'identityGovernance/entitlementManagement/assignments',
        });
      },
    },
  ];
}
