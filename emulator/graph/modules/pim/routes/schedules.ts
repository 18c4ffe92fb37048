import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import { inForce } from '../state';
import { collectionResult, entityResult, functionCollection } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { PIM_SHAPES } from '../shapes';
import { PIM_PERMS, RM_ROOT } from './permissions';

/**
 * Role definitions, eligibility schedules/instances, and active assignment schedules/instances. Lists
 * and reads by id need a PIM reader role in delegated calls (include rbac-pim-entra-roles-apis, e.g.
 * rbacapplication-list-roleeligibilityscheduleinstances.md); `filterByCurrentUser(on='principal')`
 * is the user's own and needs none (unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md).
 */
export function scheduleRoutes(pim: PimService, views: PimViews, roles: DirectoryRoleView): RouteDef[] {
  const st = pim.state;
  const admin = (req: GraphRequest) => requireRole(req, roles, ADMIN_ROLES.pimRead, roleDenied.pim);
  /** A list route that also answers `{collection}/filterByCurrentUser(on='principal')`. */
  const listing = (
    name: string,
    shape: string,
    items: (now: Date) => Record<string, unknown>[],
    permissions: RouteDef['permissions'],
  ): RouteDef[] => {
    const answer = (req: GraphRequest, me?: string) => {
      const shaper = Shaper.of(req, PIM_SHAPES, shape);
      const now = pim.refresh();
      const all = items(now).filter((x) => !me || x.principalId === me);
      if (me) return functionCollection(req, all, PIM_SHAPES[shape]!.type, shaper);
      return collectionResult(req, all, `roleManagement/directory/${name}`, shaper);
    };
    return [
      {
        method: 'GET',
        path: `${RM_ROOT}/${name}`,
        permissions,
        handler: (req) => {
          admin(req);
          return answer(req);
        },
      },
      {
        method: 'GET',
        path: `${RM_ROOT}/${name}/:id`,
        permissions,
        handler: (req) => {
          const on = currentUserFilter(req.params.id);
          if (on) {
            checkOn(on, ['principal']);
            return answer(req, signedInUser(req));
          }
          admin(req);
          const shaper = Shaper.of(req, PIM_SHAPES, shape);
          const found = items(pim.refresh()).find((x) => x.id === req.params.id);
          if (!found) throw new GraphHttpError(404, 'ResourceNotFound', `'${req.params.id}' was not found.`);
          return entityResult(found, shaper, 200, { req, context: `roleManagement/directory/${name}` });
        },
      },
    ];
  };
  const eligibilities = (now: Date) =>
    [...st.eligibilities.values()].filter((e) => e.endDateTime === null || new Date(e.endDateTime) > now);
  const active = (now: Date) =>
    [...st.activations.values()].filter((a) => inForce(a.startDateTime, a.endDateTime, now));
  return [
    {
      // Role definitions are directory data every member may read (no PIM role needed).
      method: 'GET',
      path: `${RM_ROOT}/roleDefinitions`,
      permissions: PIM_PERMS.roles,
      handler: (req) =>
        collectionResult(
          req,
          [...st.roles.values()].map((r) => views.role(r)),
          'roleManagement/directory/roleDefinitions',
          Shaper.of(req, PIM_SHAPES, 'role'),
        ),
    },
    {
      method: 'GET',
      path: `${RM_ROOT}/roleDefinitions/:id`,
      permissions: PIM_PERMS.roles,
      handler: (req) => {
        const shaper = Shaper.of(req, PIM_SHAPES, 'role');
        const r = st.roles.get(req.params.id ?? '');
        if (!r)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Role definition '${req.params.id}' was not found.`,
          );
        return entityResult(views.role(r), shaper, 200, {
          req,
          context: 'roleManagement/directory/roleDefinitions',
        });
      },
    },
    ...listing(
      'roleEligibilitySchedules',
      'eligibilitySchedule',
      (now) => eligibilities(now).map((e) => views.eligibilitySchedule(e)),
      PIM_PERMS.eligibility,
    ),
    ...listing(
      'roleEligibilityScheduleInstances',
      'eligibilityInstance',
      (now) => eligibilities(now).map((e) => views.eligibilityInstance(e)),
      PIM_PERMS.eligibility,
    ),
    ...listing(
      'roleAssignmentScheduleInstances',
      'assignmentInstance',
      (now) => active(now).map((a) => views.assignmentInstance(a)),
      PIM_PERMS.assignmentRead,
    ),
    ...listing(
      'roleAssignmentSchedules',
      'assignmentSchedule',
      (now) => active(now).map((a) => views.assignmentSchedule(a)),
      PIM_PERMS.assignmentRead,
    ),
  ];
}
