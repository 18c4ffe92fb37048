import type { Permissions } from '../../../routing';

const both = (list: string[]): Permissions => ({ delegated: list, application: list });
const RM_READ = [
  'RoleManagement.Read.Directory',
  'RoleManagement.Read.All',
  'RoleManagement.ReadWrite.Directory',
];

/** PIM permissions as the v1.0 API reference lists them (beta approvals: delegated only (u)). */
export const PIM_PERMS = {
  // rbacapplication-list-roledefinitions.md: role definitions are directory data, Directory.Read.All reads them too.
  roles: both([...RM_READ, 'Directory.Read.All', 'Directory.ReadWrite.All']),
  eligibility: both([
    'RoleEligibilitySchedule.Read.Directory',
    'RoleEligibilitySchedule.ReadWrite.Directory',
    ...RM_READ,
  ]),
  assignmentRead: both([
    'RoleAssignmentSchedule.Read.Directory',
    'RoleAssignmentSchedule.ReadWrite.Directory',
    ...RM_READ,
  ]),
  assignmentWrite: both(['RoleAssignmentSchedule.ReadWrite.Directory', 'RoleManagement.ReadWrite.Directory']),
  policies: both([
    'RoleManagementPolicy.Read.Directory',
    'RoleManagementPolicy.ReadWrite.Directory',
    ...RM_READ,
  ]),
  approvals: {
    delegated: ['RoleAssignmentSchedule.ReadWrite.Directory', 'RoleManagement.ReadWrite.Directory'],
  } satisfies Permissions,
};

export const RM_ROOT = '/roleManagement/directory';
