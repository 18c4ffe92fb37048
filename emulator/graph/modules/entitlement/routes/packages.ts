import type { DirectoryView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { EntitlementService } from '../service';
import type { EntitlementViews } from '../views';
import { collectionResult } from '../../governance/collection';
import { signedInUser } from '../../governance/functions';
import { expandOnly } from '../../governance/shape';
import { mayRequest } from '../eligibility';
import { EM_PERMS, EM_ROOT } from './permissions';

const PACKAGE_NAV = ['catalog', 'assignmentPolicies', 'resourceRoleScopes'];
const POLICY_NAV = ['accessPackage', 'catalog'];

/** Catalogs, access packages, their policies and getApplicablePolicyRequirements. */
export function packageRoutes(
  em: EntitlementService,
  views: EntitlementViews,
  directory: DirectoryView,
): RouteDef[] {
  const st = em.state;
  const pkg = (id: string | undefined) => {
    const p = st.packages.get(id ?? '');
    if (!p) throw new GraphHttpError(404, 'ResourceNotFound', `Access package '${id}' was not found.`);
    return p;
  };
  const packages = (req: GraphRequest, catalogId?: string) =>
    collectionResult(
      req,
      [...st.packages.values()]
        .filter((p) => !catalogId || p.catalogId === catalogId)
        .map((p) => views.accessPackage(p)),
      'identityGovernance/entitlementManagement/accessPackages',
      expandOnly(req, PACKAGE_NAV),
    );
  return [
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs`,
      permissions: EM_PERMS.read,
      handler: (req) =>
        collectionResult(
          req,
          [...st.catalogs.values()].map((c) => views.catalog(c)),
          'identityGovernance/entitlementManagement/catalogs',
        ),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        const c = st.catalogs.get(req.params.id ?? '');
        if (!c)
          throw new GraphHttpError(404, 'ResourceNotFound', `Catalog '${req.params.id}' was not found.`);
        return { status: 200, body: views.catalog(c) };
      },
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/catalogs/:id/accessPackages`,
      permissions: EM_PERMS.read,
      handler: (req) => packages(req, req.params.id),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/accessPackages`,
      permissions: EM_PERMS.read,
      handler: (req) => packages(req),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/accessPackages/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => ({
        status: 200,
        body: expandOnly(req, PACKAGE_NAV)(views.accessPackage(pkg(req.params.id))),
      }),
    },
    {
      method: 'POST',
      path: `${EM_ROOT}/accessPackages/:id/getApplicablePolicyRequirements`,
      permissions: EM_PERMS.delegatedRead,
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
      handler: (req) =>
        collectionResult(
          req,
          [...st.policies.values()].map((p) => views.policy(p)),
          'identityGovernance/entitlementManagement/assignmentPolicies',
          expandOnly(req, POLICY_NAV),
        ),
    },
    {
      method: 'GET',
      path: `${EM_ROOT}/assignmentPolicies/:id`,
      permissions: EM_PERMS.read,
      handler: (req) => {
        const p = st.policies.get(req.params.id ?? '');
        if (!p) throw new GraphHttpError(404, 'ResourceNotFound', `Policy '${req.params.id}' was not found.`);
        return { status: 200, body: expandOnly(req, POLICY_NAV)(views.policy(p)) };
      },
    },
  ];
}
