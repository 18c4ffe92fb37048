import type { GraphClientFactory } from '../../../../services/adapters/graph/clientFactory';
import { ExchangeAdminGateway } from '../../../../services/adapters/graph/exchangeAdminGateway';
import type { GatewayName } from '../../../../services/adapters/graph/gatewayPermissions';
import { GraphDirectoryGateway } from '../../../../services/adapters/graph/graphDirectoryGateway';
import { GraphEntitlementGateway } from '../../../../services/adapters/graph/graphEntitlementGateway';
import { GraphPimGateway } from '../../../../services/adapters/graph/graphPimGateway';
import { GraphReviewsGateway } from '../../../../services/adapters/graph/graphReviewsGateway';
import { GraphSecurityReportsGateway } from '../../../../services/adapters/graph/graphSecurityReportsGateway';
import { GraphTeamsAppsGateway } from '../../../../services/adapters/graph/graphTeamsAppsGateway';

const who = { userId: 'b0000000-0000-4000-8000-000000000001', assertion: 'token' };
const ID = 'c0000000-0000-4000-8000-000000000001';
const since = new Date('2026-01-01T00:00:00Z');
const decision = { decisionId: ID, decision: 'Approve', justification: 'ok' };

/** Each production gateway over a client factory, and arguments for every port method. */
export const PROBES: Record<
  GatewayName,
  { make: (f: GraphClientFactory) => object; args: Record<string, unknown[]> }
> = {
  entitlement: {
    make: (f) => new GraphEntitlementGateway(f),
    args: {
      requestablePackages: [who],
      listAccessPackages: ['finance'],
      applicablePolicies: [who, [ID]],
      getAccessPackage: [ID],
      createRequest: [who, { kind: 'add', accessPackageId: ID, policyId: ID, justification: 'x' }],
      myRequests: [who],
      myAssignments: [who],
      cancelRequest: [who, ID],
      approvalsAssignedToMe: [who],
      requestsToApprove: [who],
      approvalStages: [who, ID],
      decideStage: [who, ID, ID, 'Approve', 'ok'],
      pendingRequests: [],
      assignmentsExpiringBefore: [since],
      requestState: [ID],
    },
  },
  directory: {
    make: (f) => new GraphDirectoryGateway(f),
    args: { getUser: [ID], getUsers: [[ID]], groupMembers: [ID], roleHolders: [ID] },
  },
  teamsApps: {
    make: (f) => new GraphTeamsAppsGateway(f, { manifestId: ID, baseUrl: 'https://graph.invalid' }),
    args: { installForUser: [ID] },
  },
  pim: {
    make: (f) => new GraphPimGateway(f),
    args: {
      myEligibleRoles: [who],
      myActiveRoles: [who],
      activationPolicy: [ID],
      activate: [who, { roleDefinitionId: ID, duration: 'PT1H', justification: 'x' }],
      deactivate: [who, ID, '/'],
      myRequests: [who],
      cancelRequest: [who, ID],
      requestsToApprove: [who],
      approvalSteps: [who, ID],
      decideStep: [who, ID, ID, 'Approve', 'ok'],
      requestState: [ID],
      pendingApprovalRequests: [],
      activationsSince: [since],
    },
  },
  reviews: {
    make: (f) => new GraphReviewsGateway(f),
    args: {
      myReviews: [who],
      myInstances: [who, ID],
      myDecisions: [who, ID, ID],
      recordDecision: [who, ID, ID, decision],
      recordDecisions: [who, ID, ID, [decision]],
      listDefinitions: [],
      listInstances: [ID],
      listDecisions: [ID, ID],
      acceptRecommendations: [who, ID, ID],
      stopInstance: [who, ID, ID],
      applyDecisions: [who, ID, ID],
      getDefinition: [ID],
      contactedReviewers: [ID, ID],
      definitionsAs: [who],
      instancesAs: [who, ID],
      decisionsAs: [who, ID, ID],
    },
  },
  securityReports: {
    make: (f) => new GraphSecurityReportsGateway(f),
    args: {
      secureScores: [2],
      controlProfiles: [],
      inboxRules: [[ID]],
      signIns: [since, ID],
      directoryAudits: [since, 'RoleManagement'],
      verifiedDomains: [],
    },
  },
  exchange: {
    make: (f) => new ExchangeAdminGateway(f, 'https://outlook.invalid', ID, 10),
    args: {
      listMailboxes: [],
      mailboxPages: [],
      mailboxPermissions: ['adele@contoso.com'],
      recipientPermissions: ['adele@contoso.com'],
      setAuditEnabled: ['adele@contoso.com', true],
    },
  },
};
