import type { DirectoryView, RouteDef } from '../../../routing';
import { GraphHttpError } from '../../../routing';
import type { PimService } from '../service';
import { policyView } from '../policyView';
import { collectionResult } from '../../governance/collection';
import { readExpand } from '../../../odata';
import { PIM_PERMS } from './permissions';

/** roleManagementPolicyAssignments (scopeId + scopeType filter required) and roleManagementPolicies. */
export function policyRoutes(pim: PimService, directory: DirectoryView): RouteDef[] {
  const st = pim.state;
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
        const filter = req.query.get('$filter') ?? '';
        if (!/\bscopeId\s+eq\b/i.test(filter) || !/\bscopeType\s+eq\b/i.test(filter)) {
          // (u) message; Graph requires both filters on this collection
          throw new GraphHttpError(
            400,
            'BadRequest',
            "The filter must include scopeId and scopeType, e.g. scopeId eq '/' and scopeType eq 'DirectoryRole'.",
          );
        }
        const query = new URLSearchParams(req.query);
        query.set('$filter', filter.replace(/scopeType\s+eq\s+'Directory'/i, "scopeType eq 'DirectoryRole'"));
        const withPolicy = readExpand(req).includes('policy');
        const items = [...st.policies.values()].map((p) => ({
          id: `${p.id}_${p.roleDefinitionId}`,
          policyId: p.id,
          scopeId: '/',
          scopeType: 'DirectoryRole',
          roleDefinitionId: p.roleDefinitionId,
          ...(withPolicy ? { policy: policyView(p, directory) } : {}),
        }));
        return collectionResult({ ...req, query }, items, 'policies/roleManagementPolicyAssignments');
      },
    },
    {
      method: 'GET',
      path: '/policies/roleManagementPolicies/:id',
      permissions: PIM_PERMS.policies,
      handler: (req) => ({ status: 200, body: policy(req.params.id) }),
    },
    {
      method: 'GET',
      path: '/policies/roleManagementPolicies/:id/rules',
      permissions: PIM_PERMS.policies,
      handler: (req) =>
        collectionResult(
          req,
          policy(req.params.id).rules,
          `policies/roleManagementPolicies('${req.params.id}')/rules`,
        ),
    },
  ];
}
