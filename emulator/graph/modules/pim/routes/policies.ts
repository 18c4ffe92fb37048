import type { DirectoryRoleView, DirectoryView, GraphRequest, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import { policyView } from '../policyView';
import { collectionResult, entityResult } from '../../governance/collection';
import { ADMIN_ROLES, requireRole, roleDenied } from '../../governance/roles';
import { Shaper } from '../../governance/shape';
import { PIM_SHAPES } from '../shapes';
import { PIM_PERMS } from './permissions';

/**
 * roleManagementPolicyAssignments (scopeId + scopeType filter required) and roleManagementPolicies.
 * Reading policies needs a PIM reader role in delegated calls (unifiedrolemanagementpolicyassignment-get.md,
 * include rbac-pim-entra-roles-apis): an ordinary user reads their role's rules through an app-only
 * caller. The rules come only when expanded (`$expand=policy($expand=rules)`), as in Graph.
 */
export function policyRoutes(
  pim: PimService,
  directory: DirectoryView,
  roles: DirectoryRoleView,
): RouteDef[] {
  const st = pim.state;
  const admin = (req: GraphRequest) => requireRole(req, roles, ADMIN_ROLES.pimRead, roleDenied.pim);
  const policy = (id: string | undefined) => {
    const p = st.policies.get(id ?? '');
    if (!p) throw new GraphHttpError(404, 'ResourceNotFound', `Policy '${id}' was not found.`);
    return policyView(p, directory);
  };
  return [
    {
      method: 'GET',
      path: '/policies/roleManagementPolicyAssignments',
      permissions: PIM_PERMS.policies,
      handler: (req) => {
        admin(req);
        const filter = req.query.get('$filter') ?? '';
        if (!/\bscopeId\s+eq\b/i.test(filter) || !/\bscopeType\s+eq\b/i.test(filter)) {
          // (u) message; Graph requires both filters on this collection
          throw new GraphHttpError(
            400,
            'BadRequest',
            "The filter must include scopeId and scopeType, e.g. scopeId eq '/' and scopeType eq 'DirectoryRole'.",
          );
        }
        const shaper = Shaper.of(req, PIM_SHAPES, 'policyAssignment');
        const query = new URLSearchParams(req.query);
        query.set('$filter', filter.replace(/scopeType\s+eq\s+'Directory'/i, "scopeType eq 'DirectoryRole'"));
        const items = [...st.policies.values()].map((p) => ({
          id: `${p.id}_${p.roleDefinitionId}`,
          policyId: p.id,
          scopeId: '/',
          scopeType: 'DirectoryRole',
          roleDefinitionId: p.roleDefinitionId,
          policy: policyView(p, directory),
        }));
        return collectionResult({ ...req, query }, items, 'policies/roleManagementPolicyAssignments', shaper);
      },
    },
    {
      method: 'GET',
      path: '/policies/roleManagementPolicies/:id',
      permissions: PIM_PERMS.policies,
      handler: (req) => {
        admin(req);
        return entityResult(policy(req.params.id), Shaper.of(req, PIM_SHAPES, 'policy'), 200, {
          req,
          context: 'policies/roleManagementPolicies',
        });
      },
    },
    {
      method: 'GET',
      path: '/policies/roleManagementPolicies/:id/rules',
      permissions: PIM_PERMS.policies,
      handler: (req) => {
        admin(req);
        return collectionResult(
          req,
          policy(req.params.id).rules,
          `policies/roleManagementPolicies('${req.params.id}')/rules`,
        );
      },
    },
  ];
}
