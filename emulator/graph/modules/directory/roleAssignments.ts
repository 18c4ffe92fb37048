import type { TenantDirectory } from '../../../tenant/directory';
import { odataCollection, readExpand } from '../../odata';
import type { DirectoryRoleView, Permissions, RouteDef } from '../../routing';
import { groupAsDirectoryObject, userAsDirectoryObject } from './shapes';

/**
 * List unifiedRoleAssignments, directory provider (Graph docs, rbacapplication-list-roleassignments,
 * Permissions): RoleManagement.Read.Directory is the least privileged, for delegated and app-only calls.
 */
const READ_ROLE_ASSIGNMENTS: Permissions = {
  delegated: [
    'RoleManagement.Read.Directory',
    'RoleManagement.Read.All',
    'Directory.Read.All',
    'RoleManagement.ReadWrite.Directory',
    'Directory.ReadWrite.All',
  ],
  application: [
    'RoleManagement.Read.Directory',
    'RoleManagement.Read.All',
    'Directory.Read.All',
    'RoleManagement.ReadWrite.Directory',
    'Directory.ReadWrite.All',
  ],
};

/**
 * `GET /roleManagement/directory/roleAssignments`: the active assignments at tenant scope, permanent
 * ones and the roles PIM has activated (both are assignments in force, as Graph lists them), with
 * `$filter` (e.g. `roleDefinitionId eq '…'`) and `$expand=principal`.
 */
export function roleAssignmentRoutes(
  dir: TenantDirectory,
  roles: DirectoryRoleView,
  domain: string,
): RouteDef[] {
  const principal = (id: string) => {
    const user = dir.userById(id);
    if (user) return userAsDirectoryObject(user);
    const group = dir.groupById(id);
    return group
      ? groupAsDirectoryObject(group, domain)
      : { '@odata.type': '#microsoft.graph.directoryObject', id };
  };
  const rows = () => {
    const ids = [...dir.users().map((u) => u.id), ...dir.allGroups().map((g) => g.id)];
    return ids.flatMap((principalId) =>
      roles.activeRoleIds(principalId).map((roleDefinitionId) => ({
        id: `${roleDefinitionId}_${principalId}`,
        principalId,
        roleDefinitionId,
        directoryScopeId: '/',
        appScopeId: null,
      })),
    );
  };
  return [
    {
      method: 'GET',
      path: '/roleManagement/directory/roleAssignments',
      versions: ['v1.0', 'beta'],
      permissions: READ_ROLE_ASSIGNMENTS,
      handler: (req) => {
        const withPrincipal = readExpand(req).includes('principal');
        return odataCollection(req, rows(), {
          context: 'roleManagement/directory/roleAssignments',
          expand: (row) => (withPrincipal ? { principal: principal(String(row.principalId)) } : {}),
        });
      },
    },
  ];
}
