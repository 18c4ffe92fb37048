import type { Permissions } from '../../../routing';

const READ = ['EntitlementManagement.Read.All', 'EntitlementManagement.ReadWrite.All'];
const WRITE = ['EntitlementManagement.ReadWrite.All'];

/** Entitlement management permissions, as the v1.0 API reference lists them. */
export const EM_PERMS = {
  read: { delegated: READ, application: READ } satisfies Permissions,
  write: { delegated: WRITE, application: WRITE } satisfies Permissions,
  /** getApplicablePolicyRequirements and approvals: signed-in users only. */
  delegatedRead: { delegated: READ } satisfies Permissions,
  delegatedWrite: { delegated: WRITE } satisfies Permissions,
};

/** The API root. */
export const EM_ROOT = '/identityGovernance/entitlementManagement';
