import type { Caller, Permissions } from '../../routing';

/** `GET /appCatalogs/teamsApps` (v1.0 reference): application callers need AppCatalog.Read.All or more. */
export const READ_CATALOG: Permissions = {
  delegated: [
    'AppCatalog.Submit',
    'AppCatalog.Read.All',
    'AppCatalog.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  application: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All'],
};

/** `GET /users/{id}/teamwork/installedApps`. */
export const READ_USER_APPS: Permissions = {
  delegated: [
    'TeamsAppInstallation.ReadForUser',
    'TeamsAppInstallation.ReadWriteSelfForUser',
    'TeamsAppInstallation.ReadWriteForUser',
  ],
  application: [
    'TeamsAppInstallation.ReadForUser.All',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
  ],
};

/** `POST /users/{id}/teamwork/installedApps`. */
export const INSTALL_FOR_USER: Permissions = {
  delegated: ['TeamsAppInstallation.ReadWriteSelfForUser', 'TeamsAppInstallation.ReadWriteForUser'],
  application: ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'],
};

/**
 * True when the caller holds only "Self" permissions of `permissions`: it may read, install and remove
 * its own app (the one whose webApplicationInfo names the caller's app id), no other.
 */
export function selfOnly(permissions: Permissions, caller: Caller): boolean {
  const needed = (caller.kind === 'user' ? permissions.delegated : permissions.application) ?? [];
  const granted = caller.kind === 'user' ? caller.scopes : caller.roles;
  return needed.filter((p) => granted.includes(p)).every((p) => p.includes('SelfFor'));
}
