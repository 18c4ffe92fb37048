import type { GraphRequest, RouteDef } from '../../../routing';
import type { EntitlementService } from '../service';
import type { AssignmentViews } from '../assignmentViews';
import type { AssignmentRequest } from '../model';
import type { NewRequest } from '../requests';
import { collectionResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { expandOnly } from '../../governance/shape';
import { EM_PERMS, EM_ROOT } from './permissions';

const NAV = ['accessPackage', 'assignment', 'requestor', 'target'];
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

/** assignmentRequests: create, list, get, filterByCurrentUser, cancel. */
export function requestRoutes(em: EntitlementService, views: AssignmentViews): RouteDef[] {
  const mine = (req: GraphRequest, on: string): ((r: AssignmentRequest) => boolean) => {
    const me = signedInUser(req);
    checkOn(on, ['target', 'createdBy', 'approver']);
    if (on === 'target') return (r) => r.targetId === me;
    if (on === 'createdBy') return (r) => r.createdBy.userId === me;
    return (r) => em.currentApprovers(r).includes(me);
  };
  const list = (req: GraphRequest, keep: (r: AssignmentRequest) => boolean) => {
    em.refresh();
    const items = [...em.state.requests.values()]
      .filter(keep)
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    return collectionResult(
      req,
      items.map((r) => views.request(r)),
      CONTEXT,
      expandOnly(req, NAV),
    );
  };
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentRequests`,
      permissions: EM_PERMS.read,
      handler: (req) => list(req, () => true),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentRequests/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) return list(req, mine(req, on));
        em.refresh();
        return { status: 200, body: expandOnly(req, NAV)(views.request(em.request(req.params.id ?? ''))) };
      },
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/assignmentRequests`,
      permissions: EM_PERMS.write,
      handler: (req) => {
        const created = em.submit(req.caller, readNewRequest(req));
        return { status: 201, body: expandOnly(req, NAV)(views.request(created)) };
      },
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/assignmentRequests/:id/cancel`,
      permissions: EM_PERMS.write,
      handler: (req) => {
        em.cancel(req.caller, req.params.id ?? '');
        return { status: 200 };
      },
    },
  ];
}
