import type { GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { ReviewService } from '../service';
import type { ReviewViews } from '../views';
import { collectionResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { AR_PERMS, AR_ROOT } from './permissions';

/** Definitions and instances, each with filterByCurrentUser(on='reviewer'); stop, applyDecisions, sendReminder. */
export function definitionRoutes(reviews: ReviewService, views: ReviewViews): RouteDef[] {
  const st = reviews.state;
  const reviewerOn = (req: GraphRequest, segment: string | undefined): string | undefined => {
    const on = currentUserFilter(segment);
    if (!on) return undefined;
    checkOn(on, ['reviewer']);
    return signedInUser(req);
  };
  const instancesOf = (req: GraphRequest, definitionId: string, me?: string) => {
    reviews.refresh();
    const items = [...st.instances.values()].filter(
      (i) => i.definitionId === definitionId && (!me || i.reviewerIds.includes(me)),
    );
    return collectionResult(
      req,
      items.map((i) => views.instance(i)),
      `identityGovernance/accessReviews/definitions('${definitionId}')/instances`,
    );
  };
  const action = (name: string, run: (i: ReturnType<ReviewService['instance']>) => void): RouteDef => ({
    method: 'POST',
    path: `${AR_ROOT}/:did/instances/:iid/${name}`,
    permissions: AR_PERMS.write,
    handler: (req) => {
      run(reviews.instance(req.params.did ?? '', req.params.iid ?? ''));
      return { status: 204 };
    },
  });
  return [
    {
      method: 'GET',
      path: AR_ROOT,
      permissions: AR_PERMS.read,
      handler: (req) =>
        collectionResult(
          req,
          [...st.definitions.values()].map((d) => views.definition(d)),
          'identityGovernance/accessReviews/definitions',
        ),
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        const me = reviewerOn(req, req.params.did);
        if (me) {
          reviews.refresh();
          const mine = [...st.definitions.values()].filter((d) =>
            [...st.instances.values()].some((i) => i.definitionId === d.id && i.reviewerIds.includes(me)),
          );
          return collectionResult(
            req,
            mine.map((d) => views.definition(d)),
            'identityGovernance/accessReviews/definitions',
          );
        }
        const d = st.definitions.get(req.params.did ?? '');
        if (!d)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Access review '${req.params.did}' was not found.`,
          );
        return { status: 200, body: views.definition(d) };
      },
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did/instances`,
      permissions: AR_PERMS.read,
      handler: (req) => instancesOf(req, req.params.did ?? ''),
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did/instances/:iid`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        const me = reviewerOn(req, req.params.iid);
        if (me) return instancesOf(req, req.params.did ?? '', me);
        reviews.refresh();
        return {
          status: 200,
          body: views.instance(reviews.instance(req.params.did ?? '', req.params.iid ?? '')),
        };
      },
    },
    action('stop', (i) => reviews.stop(i)),
    action('applyDecisions', (i) => reviews.apply(i)),
    action('sendReminder', (i) => reviews.remind(i)),
  ];
}
