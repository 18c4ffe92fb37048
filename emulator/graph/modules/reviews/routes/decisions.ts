import type { GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { ReviewService } from '../service';
import type { ReviewViews } from '../views';
import { collectionResult } from '../../governance/collection';
import { bodyObject, checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { AR_PERMS, AR_ROOT } from './permissions';

const BASE = `${AR_ROOT}/:did/instances/:iid`;

/** Decision items: list, filterByCurrentUser(on='reviewer'), PATCH, batchRecordDecisions, acceptRecommendations. */
export function decisionRoutes(reviews: ReviewService, views: ReviewViews): RouteDef[] {
  const instanceOf = (req: GraphRequest) => reviews.instance(req.params.did ?? '', req.params.iid ?? '');
  const list = (req: GraphRequest, me?: string) => {
    const now = reviews.refresh();
    const instance = instanceOf(req);
    const items = me && !instance.reviewerIds.includes(me) ? [] : reviews.state.decisionsOf(instance.id);
    return collectionResult(
      req,
      items.map((d) => views.decision(d, now)),
      'Collection(microsoft.graph.accessReviewInstanceDecisionItem)',
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
        const now = reviews.refresh();
        const item = reviews.state.decisions.get(req.params.id ?? '');
        if (!item || item.instanceId !== instanceOf(req).id)
          throw new GraphHttpError(404, 'ResourceNotFound', `Decision '${req.params.id}' was not found.`);
        return { status: 200, body: views.decision(item, now) };
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
