import type { GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { AssignmentViews } from '../assignmentViews';
import type { Assignment } from '../model';
import { collectionResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { expandOnly } from '../../governance/shape';
import { EM_PERMS, EM_ROOT } from './permissions';

const NAV = ['target', 'accessPackage', 'assignmentPolicy'];

/** assignments: list with `$filter` on target and state, get, filterByCurrentUser. */
export function assignmentRoutes(em: EntitlementService, views: AssignmentViews): RouteDef[] {
  const list = (req: GraphRequest, keep: (a: Assignment) => boolean) => {
    em.refresh();
    const items = [...em.state.assignments.values()].filter(keep).map((a) => views.assignment(a));
    return collectionResult(
      req,
      items,
      'identityGovernance/entitlementManagement/assignments',
      expandOnly(req, NAV),
    );
  };
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/assignments`,
      permissions: EM_PERMS.read,
      handler: (req) => list(req, () => true),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignments/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) {
          const me = signedInUser(req);
          checkOn(on, ['target', 'createdBy']);
          const createdBy = (a: Assignment) =>
            [...em.state.requests.values()].some((r) => r.assignmentId === a.id && r.createdBy.userId === me);
          return list(req, on === 'target' ? (a) => a.targetId === me : createdBy);
        }
        em.refresh();
        const a = em.state.assignments.get(req.params.id ?? '');
        if (!a)
          throw new GraphHttpError(404, 'ResourceNotFound', `Assignment '${req.params.id}' was not found.`);
        return { status: 200, body: expandOnly(req, NAV)(views.assignment(a)) };
      },
    },
  ];
}
