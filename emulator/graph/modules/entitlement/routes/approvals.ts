import type { RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { ApprovalStage, AssignmentRequest } from '../model';
import { collectionResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { readExpand } from '../../../odata';
import { EM_PERMS, EM_ROOT } from './permissions';

const BASE = `${EM_ROOT}/accessPackageAssignmentApprovals`;

/** accessPackageAssignmentApprovals: the approver's inbox, stages, and decisions (delegated only). */
export function approvalRoutes(em: EntitlementService): RouteDef[] {
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
  const approval = (id: string) => {
    em.refresh();
    const r = em.request(id);
    if (!r.stages.length)
      throw new GraphHttpError(404, 'ResourceNotFound', `Approval '${id}' was not found.`);
    return r;
  };
  return [
    {
      method: 'GET',
      path: `${BASE}/:id`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) => {
        const me = signedInUser(req);
        const withStages = readExpand(req).includes('stages');
        const view = (r: AssignmentRequest) =>
          withStages ? { id: r.id, stages: stages(r, me) } : { id: r.id };
        const on = currentUserFilter(req.params.id);
        if (on) {
          checkOn(on, ['approver']);
          em.refresh();
          const mine = [...em.state.requests.values()].filter((r) => em.currentApprovers(r).includes(me));
          return collectionResult(req, mine.map(view), 'Collection(microsoft.graph.approval)');
        }
        return { status: 200, body: view(approval(req.params.id ?? '')) };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id/stages`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) =>
        collectionResult(
          req,
          stages(approval(req.params.id ?? ''), signedInUser(req)),
          'Collection(microsoft.graph.approvalStage)',
        ),
    },
    {
      method: 'GET',
      path: `${BASE}/:id/stages/:stageId`,
      permissions: EM_PERMS.delegatedRead,
      handler: (req) => {
        const r = approval(req.params.id ?? '');
        const found = stages(r, signedInUser(req)).find((s) => s.id === req.params.stageId);
        if (!found)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Approval stage '${req.params.stageId}' was not found.`,
          );
        return { status: 200, body: found };
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
