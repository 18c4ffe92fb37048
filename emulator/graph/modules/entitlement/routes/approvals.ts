import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { ApprovalStage, AssignmentRequest } from '../model';
import { collectionResult, entityResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { actsAsAdmin, ADMIN_ROLES } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { EM_SHAPES } from '../shapes';
import { EM_PERMS, EM_ROOT } from './permissions';

const BASE = `${EM_ROOT}/accessPackageAssignmentApprovals`;

/**
 * accessPackageAssignmentApprovals: the approver's inbox, stages, and decisions (delegated only). An
 * approval is its approvers' business: reading it, or its stages, as anyone else answers 403 (approval-get.md:
 * "made by an approver… If the caller does not have the right permissions, … 403 Forbidden"); admins
 * with a catalog reader role may read it too. It exists once Graph has started it: 404 before.
 */
export function approvalRoutes(em: EntitlementService, roles: DirectoryRoleView): RouteDef[] {
  const stage = (r: AssignmentRequest, s: ApprovalStage, i: number, me: string) => ({
    id: s.id,
    displayName: `Stage ${i + 1}`,
    status: s.status,
    assignedToMe: r.state === 'pendingApproval' && s.status === 'InProgress' && s.approverIds.includes(me),
    reviewResult: s.reviewResult,
    justification: s.justification,
    reviewedBy: s.reviewedBy,
    reviewedDateTime: s.reviewedDateTime,
  });
  const stages = (r: AssignmentRequest, me: string) => r.stages.map((s, i) => stage(r, s, i, me));
  const view = (r: AssignmentRequest, me: string) => ({ id: r.id, stages: stages(r, me) });
  const approval = (id: string) => {
    em.refresh();
    const r = em.request(id);
    if (!em.hasApproval(r))
      throw new GraphHttpError(404, 'ResourceNotFound', `Approval '${id}' was not found.`);
    return r;
  };
  /** The approval, for one of its approvers (or an admin); 403 for anyone else. */
  const readable = (req: GraphRequest) => {
    const me = signedInUser(req);
    const r = approval(req.params.id ?? '');
    if (!em.approversOf(r).includes(me) && !actsAsAdmin(req, roles, ADMIN_ROLES.entitlementRead)) {
      throw new GraphHttpError(403, 'Forbidden', 'The caller is not an approver of this approval.'); // (u) code
    }
    return { r, me };
  };
  return [
    {
      method: 'GET',
      path: `${BASE}/:id`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) => {
        const shaper = Shaper.of(req, EM_SHAPES, 'approval');
        const on = currentUserFilter(req.params.id);
        if (on) {
          checkOn(on, ['approver']);
          const me = signedInUser(req);
          em.refresh();
          const mine = [...em.state.requests.values()].filter((r) => em.currentApprovers(r).includes(me));
          return collectionResult(
            req,
            mine.map((r) => view(r, me)),
            'Collection(microsoft.graph.approval)',
            shaper,
          );
        }
        const { r, me } = readable(req);
        return entityResult(view(r, me), shaper, 200, {
          req,
          context: 'identityGovernance/entitlementManagement/accessPackageAssignmentApprovals',
        });
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id/stages`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) => {
        const shaper = Shaper.of(req, EM_SHAPES, 'approvalStage');
        const { r, me } = readable(req);
        return collectionResult(req, stages(r, me), 'Collection(microsoft.graph.approvalStage)', shaper);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id/stages/:stageId`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) => {
        const shaper = Shaper.of(req, EM_SHAPES, 'approvalStage');
        const { r, me } = readable(req);
        const found = stages(r, me).find((s) => s.id === req.params.stageId);
        if (!found)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Approval stage '${req.params.stageId}' was not found.`,
          );
        return entityResult(found, shaper, 200, {
          req,
          context: `identityGovernance/entitlementManagement/accessPackageAssignmentApprovals('${r.id}')/stages`,
        });
      },
    },
    {
      method: 'PATCH',
      path: `${BASE}/:id/stages/:stageId`,
      permissions: EM_PERMS.delegatedWrite,
      handler: (req) => {
        const me = signedInUser(req);
        const b = bodyObject(req);
        if (b.reviewResult !== 'Approve' && b.reviewResult !== 'Deny') {
          throw new GraphHttpError(400, 'BadRequest', "reviewResult must be 'Approve' or 'Deny'.");
        }
        const justification = typeof b.justification === 'string' ? b.justification : null;
        em.decide(approval(req.params.id ?? '').id, req.params.stageId ?? '', me, {
          reviewResult: b.reviewResult,
          justification,
        });
        return { status: 204 };
      },
    },
  ];
}
