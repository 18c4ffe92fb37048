import type { GraphRequest, RouteDef } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import type { ScheduleRequest } from '../model';
import type { RequestBody } from '../requestBody';
import { collectionResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { expandOnly } from '../../governance/shape';
import { PIM_PERMS, RM_ROOT } from './permissions';

const NAV = ['roleDefinition', 'principal'];
const BASE = `${RM_ROOT}/roleAssignmentScheduleRequests`;

/** roleAssignmentScheduleRequests: activate/deactivate, list, filterByCurrentUser, cancel. */
export function requestRoutes(pim: PimService, views: PimViews): RouteDef[] {
  const list = (req: GraphRequest, keep: (r: ScheduleRequest) => boolean) => {
    pim.refresh();
    const items = [...pim.state.requests.values()]
      .filter(keep)
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    return collectionResult(
      req,
      items.map((r) => views.request(r)),
      'roleManagement/directory/roleAssignmentScheduleRequests',
      expandOnly(req, NAV),
    );
  };
  const mine = (req: GraphRequest, on: string): ((r: ScheduleRequest) => boolean) => {
    const me = signedInUser(req);
    checkOn(on, ['principal', 'createdBy', 'approver']);
    if (on === 'principal') return (r) => r.principalId === me;
    if (on === 'createdBy') return (r) => r.createdById === me;
    return (r) =>
      !!r.approvalId && pim.approvals.currentApprovers(pim.approvals.get(r.approvalId)).includes(me);
  };
  return [
    {
      method: 'GET',
      path: BASE,
      permissions: PIM_PERMS.assignmentRead,
      handler: (req) => list(req, () => true),
    },
    {
      method: 'GET',
      path: `${BASE}/:id`,
      permissions: PIM_PERMS.assignmentRead,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) return list(req, mine(req, on));
        pim.refresh();
        return { status: 200, body: expandOnly(req, NAV)(views.request(pim.request(req.params.id ?? ''))) };
      },
    },
    {
      method: 'POST',
      path: BASE,
      permissions: PIM_PERMS.assignmentWrite,
      handler: (req) => {
        const created = pim.submit(req.caller, bodyObject(req) as RequestBody);
        const view = expandOnly(req, NAV)(views.request(created));
        // Graph answers a self-activation that needs no approval with `Granted`; reads later show `Provisioned`.
        return {
          status: 201,
          body: { ...view, status: created.status === 'Provisioned' ? 'Granted' : created.status },
        };
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
