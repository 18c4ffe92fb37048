import { ROLE } from '../../../tenant/directoryRoles';
import type { DirectoryRoleView, GraphRequest } from '../../routing';
import { GraphHttpError } from '../../routing';

const GA = ROLE.globalAdministrator;

/**
 * Roles a signed-in user must hold, besides the delegated scope, for the admin APIs of identity
 * governance (the docs' "In delegated scenarios… the signed-in user must also be assigned" notes).
 * Global Administrator holds every permission, so it is in every list.
 */
export const ADMIN_ROLES = {
  /** Entitlement management reads (include rbac-entitlement-management-catalog-reader-apis-read). */
  entitlementRead: [
    GA,
    ROLE.identityGovernanceAdministrator,
    ROLE.globalReader,
    ROLE.securityReader,
    ROLE.securityAdministrator,
    ROLE.complianceAdministrator,
  ],
  /** Admin assignment requests and cancels (rbac-entitlement-management-access-package-assignment-manager). */
  entitlementWrite: [GA, ROLE.identityGovernanceAdministrator],
  /** PIM for Entra roles, reads (include rbac-pim-entra-roles-apis). */
  pimRead: [
    GA,
    ROLE.globalReader,
    ROLE.securityOperator,
    ROLE.securityReader,
    ROLE.securityAdministrator,
    ROLE.privilegedRoleAdministrator,
  ],
  /** Access reviews of groups and apps, reads (include rbac-access-reviews-apis-read). */
  reviewsRead: [
    GA,
    ROLE.globalReader,
    ROLE.securityReader,
    ROLE.userAdministrator,
    ROLE.identityGovernanceAdministrator,
    ROLE.securityAdministrator,
  ],
  /** Access reviews of groups and apps, writes (include rbac-access-reviews-apis-write). */
  reviewsWrite: [GA, ROLE.userAdministrator, ROLE.identityGovernanceAdministrator],
} as const;

/** Whether the caller may act as an admin: app-only callers (their application permission was checked) or a user holding one of `allowed`. */
export function actsAsAdmin(
  req: GraphRequest,
  roles: DirectoryRoleView,
  allowed: readonly string[],
): boolean {
  if (req.caller.kind === 'app') return true;
  return !!req.caller.userId && roles.holdsAny(req.caller.userId, allowed);
}

/** Throws `denied()` unless the caller acts as an admin (see actsAsAdmin). */
export function requireRole(
  req: GraphRequest,
  roles: DirectoryRoleView,
  allowed: readonly string[],
  denied: () => GraphHttpError,
): void {
  if (!actsAsAdmin(req, roles, allowed)) throw denied();
}

/** How each API family refuses a signed-in user without the role (403 in Graph's error shape). */
export const roleDenied = {
  // Seen from entitlement management for a delegated caller without a role (msgraph-metadata#327).
  entitlement: () =>
    new GraphHttpError(
      403,
      'UnAuthorized',
      'User is not authorized to perform the operation. Reason: The caller is not authorized.',
    ),
  // PIM's refusal of a caller without a supported role (microsoft-graph-docs-contrib#9056, #4065).
  pim: () =>
    new GraphHttpError(403, 'UnauthorizedAccessException', 'Attempted to perform an unauthorized operation.'),
  // (u) access reviews' code for a caller without a supported role is not documented.
  reviews: () =>
    new GraphHttpError(
      403,
      'Forbidden',
      'The signed-in user does not hold a role that allows this access review operation.',
    ),
};
