/**
 * Every permission Gatekeeper's Entra app registration asks for, with why. The README's permissions table
 * is generated from this list (`npm run docs:permissions`), the Agents Toolkit's Entra manifest
 * (`infra/entra/aad.manifest.json`) must request exactly these, and test/unit/adapters/permissions.test.ts
 * checks each gateway call against what Graph accepts for it (gatewayPermissions.ts).
 */
export const PERMISSIONS = {
  'EntitlementManagement.ReadWrite.All': {
    api: 'Microsoft Graph',
    type: 'Delegated',
    why: 'Deciding an approval stage needs ReadWrite.All (EntitlementMgmt-SubjectAccess.ReadWrite covers only the requestor); Graph still limits each user to what their role allows',
  },
  'EntitlementManagement.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Delegated, these reads need Catalog reader or Identity Governance Administrator, which users do not hold; nothing app-only writes',
  },
  'RoleEligibilitySchedule.Read.Directory': {
    api: 'Microsoft Graph',
    type: 'Delegated',
    why: 'Least privileged for listing one’s own eligible roles (filterByCurrentUser)',
  },
  'RoleAssignmentSchedule.ReadWrite.Directory': {
    api: 'Microsoft Graph',
    type: 'Delegated',
    why: 'Least privileged for selfActivate, selfDeactivate and deciding role approvals',
  },
  'RoleAssignmentSchedule.Read.Directory': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Delegated, listing requests needs a PIM reader role (Global Reader, Privileged Role Administrator…)',
  },
  'RoleManagementPolicy.Read.Directory': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Delegated, role policies need a PIM reader role; the activation card must show the rules to everyone',
  },
  'AccessReview.ReadWrite.All': {
    api: 'Microsoft Graph',
    type: 'Delegated',
    why: 'Recording decisions is delegated only; reviewers list their own reviews with filterByCurrentUser',
  },
  'AccessReview.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Delegated, listing definitions needs an admin role (Identity Governance Administrator, Global Reader…)',
  },
  'User.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'User.ReadBasic.All returns only the basic profile: no job title, department or manager',
  },
  'AuditLog.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: "signInActivity (read with a user's details) and the sign-in and directory audit logs need it",
  },
  'GroupMember.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Least privileged for listing a group’s members (Group.Read.All would also read group content)',
  },
  'SecurityEvents.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'The only permission for secureScores and secureScoreControlProfiles',
  },
  'MailboxSettings.Read': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Least privileged for reading inbox rules (messageRules) of every mailbox',
  },
  'Domain.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Least privileged for listing the verified domains: mail to any other domain leaves the tenant',
  },
  'RoleManagement.Read.Directory': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Least privileged for listing who holds a role (roleAssignments); it also reads eligibilities, so one permission serves both',
  },
  'AppCatalog.Read.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Finds the app’s catalog id from its manifest id (appCatalogs/teamsApps)',
  },
  'TeamsAppInstallation.ReadWriteSelfForUser.All': {
    api: 'Microsoft Graph',
    type: 'Application',
    why: 'Installs only this app (Self), so it can message people who never opened it',
  },
  'Exchange.ManageAsApp': {
    api: 'Office 365 Exchange Online',
    type: 'Application',
    why: 'The Exchange admin API runs cmdlets app-only with it; the app’s service principal also needs an Exchange role (see below)',
  },
} as const satisfies Record<string, Permission>;

/** One permission of the app registration. */
export interface Permission {
  api: 'Microsoft Graph' | 'Office 365 Exchange Online';
  /** Delegated (scp of on-behalf-of tokens) or Application (roles of app-only tokens). */
  type: 'Delegated' | 'Application';
  why: string;
}

/** A permission's name, e.g. 'User.Read.All'. */
export type PermissionName = keyof typeof PERMISSIONS;
