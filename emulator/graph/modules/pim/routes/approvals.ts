import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import { collectionResult } from '../../governance/collection';
import { bodyObject, signedInUser } from '../../governance/functions';
import { actsAsAdmin, ADMIN_ROLES } from '../../governance/roles';
import { PIM_PERMS, RM_ROOT } from './permissions';

const BASE = `${RM_ROOT}/roleAssignmentApprovals`;

/**
 * Beta-only approvals of role activations: get with steps, decide a step. As with entitlement
 * management's approvals, an approval is for its approvers (and PIM readers) to see: 403 for others.
 */
export function approvalRoutes(pim: PimService, views: PimViews, roles: DirectoryRoleView): RouteDef[] {
  const beta: RouteDef['versions'] = ['beta'];
  const readable = (req: GraphRequest) => {
    const me = signedInUser(req);
    pim.refresh();
    const approval = pim.approvals.get(req.params.id ?? '');
    const approvers = approval.steps.flatMap((s) => s.approverIds);
    if (!approvers.includes(me) && !actsAsAdmin(req, roles, ADMIN_ROLES.pimRead))
      throw new GraphHttpError(403, 'Forbidden', 'The caller is not an approver of this approval.'); // (u) code
    return views.approval(approval, me);
  };
  return [
    {
      method: 'GET',
      path: `${BASE}/:id`,
      versions: beta,
      permissions: PIM_PERMS.approvals,
      handler: (req) => ({ status: 200, body: readable(req) }),
    },
    {
      method: 'GET',
      path: `${BASE}/:id/steps`,
      versions: beta,
      permissions: PIM_PERMS.approvals,
      handler: (req) =>
        collectionResult(req, readable(req).steps, 'Collection(microsoft.graph.approvalStep)'),
    },
    {
      method: 'PATCH',
      path: `${BASE}/:id/steps/:stepId`,
      versions: beta,
      permissions: PIM_PERMS.approvals,
      handler: (req) => {
        const me = signedInUser(req);
        const b = bodyObject(req);
        if (b.reviewResult !== 'Approve' && b.reviewResult !== 'Deny')
          throw new GraphHttpError(400, 'BadRequest', "reviewResult must be 'Approve' or 'Deny'.");
        const now = pim.refresh();
        pim.approvals.decide(
          req.params.id ?? '',
          req.params.stepId ?? '',
          me,
          b.reviewResult,
          typeof b.justification === 'string' ? b.justification : null,
          now,
        );
        return { status: 204 };
      },
    },
  ];
}
