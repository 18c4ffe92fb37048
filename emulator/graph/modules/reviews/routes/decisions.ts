import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { ReviewService } from '../service';
import type { ReviewViews } from '../views';
import { collectionResult, entityResult } from '../../governance/collection';
import { actsAsAdmin, ADMIN_ROLES, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { AR_SHAPES } from '../shapes';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { AR_PERMS, AR_ROOT } from './permissions';

const BASE = `${AR_ROOT}/:did/instances/:iid`;

/**
 * Decision items: list, filterByCurrentUser(on='reviewer'), PATCH, batchRecordDecisions,
 * acceptRecommendations. Every decision of an instance is for admins (include
 * rbac-access-reviews-apis-read) and the instance's reviewers; recording is for reviewers only.
 */
export function decisionRoutes(
  reviews: ReviewService,
  views: ReviewViews,
  roles: DirectoryRoleView,
): RouteDef[] {
  const instanceOf = (req: GraphRequest) => reviews.instance(req.params.did ?? '', req.params.iid ?? '');
  /** An admin, or (delegated) a reviewer of the instance. */
  const mayRead = (req: GraphRequest, reviewerIds: string[]) => {
    const isReviewer = req.caller.kind === 'user' && reviewerIds.includes(req.caller.userId ?? '');
    if (!isReviewer && !actsAsAdmin(req, roles, ADMIN_ROLES.reviewsRead)) throw roleDenied.reviews();
  };
  const list = (req: GraphRequest, me?: string) => {
    const shaper = Shaper.of(req, AR_SHAPES, 'decision');
    const now = reviews.refresh();
    const instance = instanceOf(req);
    if (!me) mayRead(req, instance.reviewerIds);
    const items = me && !instance.reviewerIds.includes(me) ? [] : reviews.state.decisionsOf(instance.id);
    return collectionResult(
      req,
      items.map((d) => views.decision(d, now)),
      'Collection(microsoft.graph.accessReviewInstanceDecisionItem)',
      shaper,
    );
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return [
    { method: 'GET', path: `${BASE}/decisions`, permissions: AR_PERMS.read, handler: (req) => list(req) },
    {
      method: 'GET',
      path: `${BASE}/decisions/:id`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) {
          checkOn(on, ['reviewer']);
          return list(req, signedInUser(req));
        }
        const shaper = Shaper.of(req, AR_SHAPES, 'decision');
        const now = reviews.refresh();
        const instance = instanceOf(req);
        mayRead(req, instance.reviewerIds);
        const item = reviews.state.decisions.get(req.params.id ?? '');
        if (!item || item.instanceId !== instance.id)
          throw new GraphHttpError(404, 'ResourceNotFound', `Decision '${req.params.id}' was not found.`);
        return entityResult(views.decision(item, now), shaper);
      },
    },
    {
      method: 'PATCH',
      path: `${BASE}/decisions/:id`,
      permissions: AR_PERMS.decide,
      handler: (req) => {
        const instance = instanceOf(req);
        const item = reviews.state.decisions.get(req.params.id ?? '');
        if (!item || item.instanceId !== instance.id)
          throw new GraphHttpError(404, 'ResourceNotFound', `Decision '${req.params.id}' was not found.`);
        const b = bodyObject(req);
        reviews.record(
          instance,
          signedInUser(req),
          { decision: b.decision, justification: text(b.justification) },
          [item],
        );
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: `${BASE}/batchRecordDecisions`,
      permissions: AR_PERMS.decide,
      handler: (req) => {
        const instance = instanceOf(req);
        const b = bodyObject(req);
        const principalId = text(b.principalId);
        const resourceId = text(b.resourceId);
        const def = reviews.state.definitions.get(instance.definitionId)!;
        const items = reviews.state
          .decisionsOf(instance.id)
          .filter(
            (d) =>
              (!principalId || d.principalId === principalId) && (!resourceId || def.groupId === resourceId),
          );
        reviews.record(
          instance,
          signedInUser(req),
          { decision: b.decision, justification: text(b.justification) },
          items,
        );
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: `${BASE}/acceptRecommendations`,
      permissions: AR_PERMS.decide,
      handler: (req) => {
        reviews.acceptRecommendations(instanceOf(req), signedInUser(req));
        return { status: 204 };
      },
    },
  ];
}
