import type { RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import type { PimViews } from '../views';
import { collectionResult } from '../../governance/collection';
import { bodyObject, signedInUser } from '../../governance/functions';
import { PIM_PERMS, RM_ROOT } from './permissions';

const BASE = `${RM_ROOT}/roleAssignmentApprovals`;

/** Beta-only approvals of role activations: get with steps, decide a step. */
export function approvalRoutes(pim: PimService, views: PimViews): RouteDef[] {
  const beta: RouteDef['versions'] = ['beta'];
  return [
    {
      method: 'GET',
      path: `${BASE}/:id`,
      versions: beta,
      permissions: PIM_PERMS.approvals,
      handler: (req) => {
        pim.refresh();
        return {
          status: 200,
          body: views.approval(pim.approvals.get(req.params.id ?? ''), signedInUser(req)),
        };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id/steps`,
      versions: beta,
      permissions: PIM_PERMS.approvals,
      handler: (req) => {
        pim.refresh();
        return collectionResult(
          req,
          views.approval(pim.approvals.get(req.params.id ?? ''), signedInUser(req)).steps,
          'Collection(microsoft.graph.approvalStep)',
        );
      },
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
