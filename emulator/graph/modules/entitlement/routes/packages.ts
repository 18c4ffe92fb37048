import type { DirectoryRoleView, DirectoryView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { EntitlementViews } from '../views';
import { collectionResult, entityResult } from '../../governance/collection';
import { checkOn, currentUserFilter, signedInUser } from '../../governance/functions';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { mayRequest } from '../eligibility';
import { EM_SHAPES } from '../shapes';
import { EM_PERMS, EM_ROOT, requireAdminScope } from './permissions';

const PACKAGES = 'identityGovernance/entitlementManagement/accessPackages';

/**
 * Catalogs, access packages, their policies, getApplicablePolicyRequirements and
 * `accessPackages/filterByCurrentUser(on='allowedRequestor')`. Listing and reading catalogs, packages
 * and policies is for admins: in delegated calls the user needs a role (Catalog reader, Identity
 * Governance Administrator, …; docs: entitlementmanagement-list-accesspackages.md, -list-catalogs.md,
 * accesspackage-get.md, -list-assignmentpolicies.md, include rbac-entitlement-management-catalog-reader).
 * End users ask what they may request with the two functions, which need no role.
 */
export function packageRoutes(
  em: EntitlementService,
  views: EntitlementViews,
  directory: DirectoryView,
  roles: DirectoryRoleView,
): RouteDef[] {
  const st = em.state;
  const admin = (req: GraphRequest) =>
    requireRole(req, roles, ADMIN_ROLES.entitlementRead, roleDenied.entitlement);
  const pkg = (id: string | undefined) => {
    const p = st.packages.get(id ?? '');
    if (!p) throw new GraphHttpError(404, 'ResourceNotFound', `Access package '${id}' was not found.`);
    return p;
  };
  const packages = (req: GraphRequest, keep: (p: { id: string; catalogId: string }) => boolean) => {
    const shaper = Shaper.of(req, EM_SHAPES, 'accessPackage');
    const items = [...st.packages.values()].filter(keep).map((p) => views.accessPackage(p));
    return collectionResult(req, items, PACKAGES, shaper);
  };
  /** accessPackage-filterbycurrentuser.md: packages the signed-in user may request, across catalogs. */
  const allowedRequestor = (req: GraphRequest) => {
    const user = directory.userById(signedInUser(req));
    return packages(
      req,
      (p) => !!user && st.policiesOf(p.id).some((x) => mayRequest(x, user, st, directory)),
    );
  };
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'catalog');
        const items = [...st.catalogs.values()].map((c) => views.catalog(c));
        return collectionResult(req, items, 'identityGovernance/entitlementManagement/catalogs', shaper);
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'catalog');
        const c = st.catalogs.get(req.params.id ?? '');
        if (!c)
          throw new GraphHttpError(404, 'ResourceNotFound', `Catalog '${req.params.id}' was not found.`);
        return entityResult(views.catalog(c), shaper, 200, {
          req,
          context: 'identityGovernance/entitlementManagement/catalogs',
        });
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs/:id/accessPackages`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        return packages(req, (p) => p.catalogId === req.params.id);
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/accessPackages`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        return packages(req, () => true);
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/accessPackages/:id`,
      permissions: EM_PERMS.readOrMine,
      handler: (req) => {
        const on = currentUserFilter(req.params.id);
        if (on) {
          checkOn(on, ['allowedRequestor']);
          return allowedRequestor(req);
        }
        requireAdminScope(req);
        admin(req);
        return entityResult(
          views.accessPackage(pkg(req.params.id)),
          Shaper.of(req, EM_SHAPES, 'accessPackage'),
          200,
          { req, context: PACKAGES },
        );
      },
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/accessPackages/:id/getApplicablePolicyRequirements`,
      permissions: EM_PERMS.mine,
      handler: (req) => {
        const user = directory.userById(signedInUser(req));
        const p = pkg(req.params.id);
        const value = st
          .policiesOf(p.id)
          .filter((x) => user && mayRequest(x, user, st, directory))
          .map((x) => views.requirements(x));
        return {
          status: 200,
          body: {
            '@odata.context':
              'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.accessPackageAssignmentRequestRequirements)',
            value,
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentPolicies`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'policy');
        const items = [...st.policies.values()].map((p) => views.policy(p));
        return collectionResult(
          req,
          items,
          'identityGovernance/entitlementManagement/assignmentPolicies',
          shaper,
        );
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentPolicies/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        admin(req);
        const shaper = Shaper.of(req, EM_SHAPES, 'policy');
        const p = st.policies.get(req.params.id ?? '');
        if (!p) throw new GraphHttpError(404, 'ResourceNotFound', `Policy '${req.params.id}' was not found.`);
        return entityResult(views.policy(p), shaper, 200, {
          req,
          context: 'identityGovernance/entitlementManagement/assignmentPolicies',
        });
      },
    },
  ];
}
