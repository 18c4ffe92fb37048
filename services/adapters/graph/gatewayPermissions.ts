import type { DirectoryGateway } from '../../ports/directory';
import type { EntitlementGateway } from '../../ports/entitlement';
import type { ExchangeGateway } from '../../ports/exchange';
import type { PimGateway } from '../../ports/pim';
import type { ReviewsGateway } from '../../ports/reviews';
import type { SecurityReportsGateway } from '../../ports/securityReports';
import type { TeamsAppsGateway } from '../../ports/teamsApps';
import type { PermissionName } from './permissions';

/** What a gateway method is for, and the permissions its calls run with (one per kind of session). */
export interface MethodNeeds {
  feature: Feature;
  needs: PermissionName[];
}

/** The user-facing feature a call serves, as the README's permissions table groups them. */
export type Feature =
  'Access requests' | 'Approvals' | 'Reaching users' | 'PIM' | 'Access reviews' | 'Weekly digest';

type Needs<Port> = Record<keyof Port, MethodNeeds>;
const access = (...needs: PermissionName[]): MethodNeeds => ({ feature: 'Access requests', needs });
const approvals = (...needs: PermissionName[]): MethodNeeds => ({ feature: 'Approvals', needs });
const pim = (...needs: PermissionName[]): MethodNeeds => ({ feature: 'PIM', needs });
const reviews = (...needs: PermissionName[]): MethodNeeds => ({ feature: 'Access reviews', needs });
const digest = (...needs: PermissionName[]): MethodNeeds => ({ feature: 'Weekly digest', needs });

const EM_USER = 'EntitlementManagement.ReadWrite.All';
const EM_APP = 'EntitlementManagement.Read.All';
const PIM_USER = 'RoleAssignmentSchedule.ReadWrite.Directory';
const PIM_APP = 'RoleAssignmentSchedule.Read.Directory';

/**
 * The permissions every Graph and Exchange gateway method needs, by port: typed against the ports, so a
 * new port method does not compile until it says what it needs. Checked against the calls the
 * gateways make and what Graph accepts for each (test/unit/adapters/permissions.test.ts).
 */
export const GATEWAY_PERMISSIONS = {
  entitlement: {
    requestablePackages: access(EM_USER, EM_APP),
    listAccessPackages: access(EM_APP),
    applicablePolicies: access(EM_USER),
    getAccessPackage: access(EM_APP),
    createRequest: access(EM_USER),
    myRequests: access(EM_USER),
    myAssignments: access(EM_USER),
    cancelRequest: access(EM_USER),
    approvalsAssignedToMe: approvals(EM_USER),
    requestsToApprove: approvals(EM_USER),
    approvalStages: approvals(EM_USER),
    decideStage: approvals(EM_USER),
    pendingRequests: approvals(EM_APP),
    assignmentsExpiringBefore: access(EM_APP),
    requestState: access(EM_APP),
  } satisfies Needs<EntitlementGateway>,
  directory: {
    // signInActivity is read with the user: Graph asks AuditLog.Read.All besides User.Read.All for it.
    getUser: approvals('User.Read.All', 'AuditLog.Read.All'),
    getUsers: approvals('User.Read.All', 'AuditLog.Read.All'),
    groupMembers: approvals('GroupMember.Read.All'),
    // Digest recipients by role; a role-assignable group's members are read like any group's.
    roleHolders: digest('RoleManagement.Read.Directory', 'GroupMember.Read.All'),
  } satisfies Needs<DirectoryGateway>,
  teamsApps: {
    installForUser: {
      feature: 'Reaching users',
      needs: ['AppCatalog.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
    },
  } satisfies Needs<TeamsAppsGateway>,
  pim: {
    myEligibleRoles: pim('RoleEligibilitySchedule.Read.Directory'),
    myActiveRoles: pim(PIM_USER),
    activationPolicy: pim('RoleManagementPolicy.Read.Directory'),
    activate: pim(PIM_USER),
    deactivate: pim(PIM_USER),
    myRequests: pim(PIM_USER),
    cancelRequest: pim(PIM_USER),
    requestsToApprove: pim(PIM_USER),
    approvalSteps: pim(PIM_USER),
    decideStep: pim(PIM_USER),
    requestState: pim(PIM_APP),
    pendingApprovalRequests: pim(PIM_APP),
    activationsSince: digest(PIM_APP),
  } satisfies Needs<PimGateway>,
  reviews: {
    myReviews: reviews('AccessReview.ReadWrite.All'),
    myInstances: reviews('AccessReview.ReadWrite.All'),
    myDecisions: reviews('AccessReview.ReadWrite.All'),
    recordDecision: reviews('AccessReview.ReadWrite.All'),
    recordDecisions: reviews('AccessReview.ReadWrite.All'),
    listDefinitions: reviews('AccessReview.Read.All'),
    listInstances: reviews('AccessReview.Read.All'),
    listDecisions: reviews('AccessReview.Read.All'),
    acceptRecommendations: reviews('AccessReview.ReadWrite.All'),
    stopInstance: reviews('AccessReview.ReadWrite.All'),
    applyDecisions: reviews('AccessReview.ReadWrite.All'),
    getDefinition: reviews('AccessReview.Read.All'),
    contactedReviewers: reviews('AccessReview.Read.All'),
    definitionsAs: reviews('AccessReview.ReadWrite.All'),
    instancesAs: reviews('AccessReview.ReadWrite.All'),
    decisionsAs: reviews('AccessReview.ReadWrite.All'),
  } satisfies Needs<ReviewsGateway>,
  securityReports: {
    secureScores: digest('SecurityEvents.Read.All'),
    controlProfiles: digest('SecurityEvents.Read.All'),
    inboxRules: digest('MailboxSettings.Read'),
    signIns: digest('AuditLog.Read.All'),
    directoryAudits: digest('AuditLog.Read.All'),
    verifiedDomains: digest('Domain.Read.All'),
  } satisfies Needs<SecurityReportsGateway>,
  exchange: {
    listMailboxes: digest('Exchange.ManageAsApp'),
    mailboxPages: digest('Exchange.ManageAsApp'),
    mailboxPermissions: digest('Exchange.ManageAsApp'),
    recipientPermissions: digest('Exchange.ManageAsApp'),
    setAuditEnabled: digest('Exchange.ManageAsApp'),
  } satisfies Needs<ExchangeGateway>,
};

/** A gateway's name in GATEWAY_PERMISSIONS, e.g. 'entitlement'. */
export type GatewayName = keyof typeof GATEWAY_PERMISSIONS;
