import type { DirectoryRoleView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { ReviewService } from '../service';
import type { ReviewViews } from '../views';
import { collectionResult, entityResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { AR_SHAPES } from '../shapes';
import { AR_PERMS, AR_ROOT } from './permissions';

/**
 * Definitions and instances, each with filterByCurrentUser(on='reviewer'); stop, applyDecisions,
 * sendReminder. Listing or reading reviews needs an admin role in delegated calls (include
 * rbac-access-reviews-apis-read: Global Reader, Security Reader, User Administrator, Identity
 * Governance Administrator…), and acting on an instance a writer's role (rbac-access-reviews-apis-write);
 * reviewers find their reviews with filterByCurrentUser, which needs none.
 */
export function definitionRoutes(
  reviews: ReviewService,
  views: ReviewViews,
  roles: DirectoryRoleView,
): RouteDef[] {
  const st = reviews.state;
  const reader = (req: GraphRequest) => requireRole(req, roles, ADMIN_ROLES.reviewsRead, roleDenied.reviews);
  const reviewerOn = (req: GraphRequest, segment: string | undefined): string | undefined => {
    const on = currentUserFilter(segment);
    if (!on) return undefined;
    checkOn(on, ['reviewer']);
    return signedInUser(req);
  };
  const instancesOf = (req: GraphRequest, definitionId: string, me?: string) => {
    const shaper = Shaper.of(req, AR_SHAPES, 'instance');
    reviews.refresh();
    const items = [...st.instances.values()].filter(
      (i) => i.definitionId === definitionId && (!me || i.reviewerIds.includes(me)),
    );
    return collectionResult(
      req,
      items.map((i) => views.instance(i)),
      `identityGovernance/accessReviews/definitions('${definitionId}')/instances`,
      shaper,
    );
  };
  const action = (name: string, run: (i: ReturnType<ReviewService['instance']>) => void): RouteDef => ({
    method: 'POST',
    path: `${AR_ROOT}/:did/instances/:iid/${name}`,
    permissions: AR_PERMS.write,
    handler: (req) => {
      requireRole(req, roles, ADMIN_ROLES.reviewsWrite, roleDenied.reviews);
      run(reviews.instance(req.params.did ?? '', req.params.iid ?? ''));
      return { status: 204 };
    },
  });
  const definitions = (req: GraphRequest, me?: string) => {
    const shaper = Shaper.of(req, AR_SHAPES, 'definition');
    reviews.refresh();
    const mine = [...st.definitions.values()].filter(
      (d) =>
        !me || [...st.instances.values()].some((i) => i.definitionId === d.id && i.reviewerIds.includes(me)),
    );
    return collectionResult(
      req,
      mine.map((d) => views.definition(d)),
      'identityGovernance/accessReviews/definitions',
      shaper,
    );
  };
  return [
    {
      method: 'GET',
      path: AR_ROOT,
      permissions: AR_PERMS.read,
      handler: (req) => {
        reader(req);
        return definitions(req);
      },
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        const me = reviewerOn(req, req.params.did);
        if (me) return definitions(req, me);
        reader(req);
        const shaper = Shaper.of(req, AR_SHAPES, 'definition');
        const d = st.definitions.get(req.params.did ?? '');
        if (!d)
          throw new GraphHttpError(
            404,
            'ResourceNotFound',
            `Access review '${req.params.did}' was not found.`,
          );
        return entityResult(views.definition(d), shaper);
      },
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did/instances`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        reader(req);
        return instancesOf(req, req.params.did ?? '');
      },
    },
    {
      method: 'GET',
      path: `${AR_ROOT}/:did/instances/:iid`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        const me = reviewerOn(req, req.params.iid);
        if (me) return instancesOf(req, req.params.did ?? '', me);
        reader(req);
        const shaper = Shaper.of(req, AR_SHAPES, 'instance');
        reviews.refresh();
        return entityResult(
          views.instance(reviews.instance(req.params.did ?? '', req.params.iid ?? '')),
          shaper,
        );
      },
    },
    {
      // accessreviewinstance-list-contactedreviewers.md: the reviewers notified for the instance; admins
      // and apps with AccessReview.Read.All read them (rbac-access-reviews-apis-read).
      method: 'GET',
      path: `${AR_ROOT}/:did/instances/:iid/contactedReviewers`,
      permissions: AR_PERMS.read,
      handler: (req) => {
        reader(req);
        const instance = reviews.instance(req.params.did ?? '', req.params.iid ?? '');
        const rows = instance.reviewerIds.map((id) => {
          const u = views.reviewerOf(id);
          return {
            id,
            displayName: u.displayName,
            userPrincipalName: u.userPrincipalName,
            createdDateTime: instance.startDateTime,
          };
        });
        return collectionResult(
          req,
          rows,
          `identityGovernance/accessReviews/definitions('${instance.definitionId}')/instances('${instance.id}')/contactedReviewers`,
        );
      },
    },
    action('stop', (i) => reviews.stop(i)),
    action('applyDecisions', (i) => reviews.apply(i)),
    action('sendReminder', (i) => reviews.remind(i)),
  ];
}
