import type { Permissions } from '../../routing';

/** Reading users (Graph's least-privileged first). */
export const READ_USERS: Permissions = {
  delegated: [
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  application: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
};

/**
 * A user's manager (`/users/{id}/manager`, `/me/manager`, `$expand=manager`): User.Read.All at least, in
 * delegated calls too — User.Read and User.ReadBasic.All do not reach it (user-list-manager.md).
 */
export const READ_MANAGER: Permissions = {
  delegated: [
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
    'Directory.AccessAsUser.All',
  ],
  application: READ_USERS.application,
};

/** The signed-in user (`/me`): delegated only. */
export const READ_ME: Permissions = { delegated: ['User.Read', ...(READ_USERS.delegated ?? [])] };

/** Reading groups and their memberships (group-list.md, group-list-members.md). */
const GROUP_READERS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
export const READ_GROUPS: Permissions = { delegated: GROUP_READERS, application: GROUP_READERS };

/** `signInActivity` additionally needs AuditLog.Read.All. */
export const SIGN_IN_ACTIVITY = 'AuditLog.Read.All';
