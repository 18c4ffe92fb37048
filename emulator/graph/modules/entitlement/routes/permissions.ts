import type { GraphRequest, Permissions } from '../../../routing';
import { accessDenied } from '../../../auth';

const READ = ['EntitlementManagement.Read.All', 'EntitlementManagement.ReadWrite.All'];
const WRITE = ['EntitlementManagement.ReadWrite.All'];
/** End users' own requests and what they may request: the least privileged delegated permission. */
const SUBJECT = 'EntitlementMgmt-SubjectAccess.ReadWrite';

/** Entitlement management permissions, as the v1.0 API reference lists them. */
export const EM_PERMS = {
  read: { delegated: READ, application: READ } satisfies Permissions,
  write: { delegated: WRITE, application: WRITE } satisfies Permissions,
  /** A collection whose `filterByCurrentUser` end users call (SubjectAccess), and admins list. */
  readOrMine: { delegated: [SUBJECT, ...READ], application: READ } satisfies Permissions,
  /** Creating requests: end users (SubjectAccess) for themselves, admins and apps (ReadWrite.All). */
  writeOrMine: { delegated: [SUBJECT, ...WRITE], application: WRITE } satisfies Permissions,
  /**
   * Cancelling a request: signed-in users only — their own with SubjectAccess, others' as an admin with
   * ReadWrite.All; application permissions are not supported (accesspackageassignmentrequest-cancel.md).
   */
  cancel: { delegated: [SUBJECT, ...WRITE] } satisfies Permissions,
  /** getApplicablePolicyRequirements and the like: signed-in users only. */
  mine: { delegated: [SUBJECT, ...READ] } satisfies Permissions,
  /** Approvals: signed-in approvers only. */
  delegatedRead: { delegated: READ } satisfies Permissions,
  delegatedWrite: { delegated: WRITE } satisfies Permissions,
};

/** A route shared with an end-user function: its admin side needs the full scope (403 otherwise). */
export function requireAdminScope(req: GraphRequest, write = false): void {
  if (req.caller.kind === 'app') return;
  const needed = write ? WRITE : READ;
  if (!needed.some((p) => req.caller.scopes.includes(p))) throw accessDenied();
}

/** The API root. */
export const EM_ROOT = '/identityGovernance/entitlementManagement';
