/** The entitlement-management parts of the demo tenant fixture, as written there (aliases, relative times). */

export interface FixtureApprover {
  type: 'singleUser' | 'requestorManager' | 'groupMembers';
  alias?: string;
  group?: string;
  managerLevel?: number;
}

export interface FixtureStage {
  durationBeforeAutomaticDenial: string;
  isApproverJustificationRequired: boolean;
  primaryApprovers: FixtureApprover[];
  isEscalationEnabled: boolean;
  escalationApprovers?: FixtureApprover[];
  durationBeforeEscalation?: string;
  fallbackPrimaryApprovers?: FixtureApprover[];
}

export interface FixturePolicy {
  id: string;
  displayName: string;
  allowedRequestors: {
    type: 'allMemberUsers' | 'group' | 'connectedOrganization';
    group?: string;
    domain?: string;
  };
  isRequestorJustificationRequired: boolean;
  approvalStages: FixtureStage[];
  questions?: {
    id: string;
    text: string;
    type: 'multipleChoice' | 'text';
    isRequired: boolean;
    choices?: string[];
  }[];
  expiration: {
    type: 'afterDuration' | 'noExpiration' | 'afterDateTime';
    duration?: string;
    endDateTime?: string;
  };
  allowCustomAssignmentSchedule: boolean;
  extension?: { enabled: boolean; requiresApproval?: boolean };
}

export interface FixturePackage {
  id: string;
  displayName: string;
  catalog: string;
  description: string;
  resources: {
    type: 'group' | 'sharePointSite' | 'application';
    group?: string;
    displayName?: string;
    role: string;
  }[];
  policies: FixturePolicy[];
}

export interface EntitlementFixture {
  tenant: { id: string; connectedOrganizations?: { displayName: string; domain: string }[] };
  catalogs?: { id: string; displayName: string; description: string }[];
  accessPackages?: FixturePackage[];
  existingAssignments?: {
    accessPackage: string;
    alias: string;
    policy: string;
    grantedDaysAgo: number;
    expiresInDays: number | null;
  }[];
  pendingRequests?: {
    accessPackage: string;
    alias: string;
    policy: string;
    requestedHoursAgo: number;
    justification: string;
  }[];
}
