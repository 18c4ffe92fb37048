import type { GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import { inForce } from '../state';
import { collectionResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { expandOnly } from '../../governance/shape';
import { PIM_PERMS, RM_ROOT } from './permissions';

const NAV = ['roleDefinition', 'principal'];

/** Role definitions, eligibility schedules/instances, and active assignment schedules/instances. */
export function scheduleRoutes(pim: PimService, views: PimViews): RouteDef[] {
  const st = pim.state;
  /** A list route that also answers `{collection}/filterByCurrentUser(on='principal')`. */
  const listing = (
    name: string,
    items: (now: Date) => Record<string, unknown>[],
    permissions: RouteDef['permissions'],
  ): RouteDef[] => {
    const answer = (req: GraphRequest, me?: string) => {
      const now = pim.refresh();
      const all = items(now).filter((x) => !me || x.principalId === me);
      return collectionResult(req, all, `roleManagement/directory/${name}`, expandOnly(req, NAV));
    };
    return [
      { method: 'GET', path: `${RM_ROOT}/${name}`, permissions, handler: (req) => answer(req) },
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
          const found = items(pim.refresh()).find((x) => x.id === req.params.id);
          if (!found) throw new GraphHttpError(404, 'ResourceNotFound', `'${req.params.id}' was not found.`);
          return { status: 200, body: expandOnly(req, NAV)(found) };
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
      method: 'GET',
      path: `${RM_ROOT}/roleDefinitions`,
      permissions: PIM_PERMS.roles,
      handler: (req) =>
        collectionResult(
          req,
          [...st.roles.values()].map((r) => views.role(r)),
          'roleManagement/directory/roleDefinitions',
        ),
    },
    {
      method: 'GET',
      path: `${RM_ROOT}/roleDefinitions/:id`,
      permissions: PIM_PERMS.roles,
      handler: (req) => {
        const r = st.roles.get(req.params.id ?? '');
        if (!r)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Role definition '${req.params.id}' was not found.`,
          );
        return { status: 200, body: views.role(r) };
      },
    },
    ...listing(
      'roleEligibilitySchedules',
      (now) => eligibilities(now).map((e) => views.eligibilitySchedule(e)),
      PIM_PERMS.eligibility,
    ),
    ...listing(
      'roleEligibilityScheduleInstances',
      (now) => eligibilities(now).map((e) => views.eligibilityInstance(e)),
      PIM_PERMS.eligibility,
    ),
    ...listing(
      'roleAssignmentScheduleInstances',
      (now) => active(now).map((a) => views.assignmentInstance(a)),
      PIM_PERMS.assignmentRead,
    ),
    ...listing(
      'roleAssignmentSchedules',
      (now) => active(now).map((a) => views.assignmentSchedule(a)),
      PIM_PERMS.assignmentRead,
    ),
  ];
}
