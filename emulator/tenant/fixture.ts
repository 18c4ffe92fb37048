import type { TenantFixture } from '../graph/routing';

/** A user as the fixture writes it: aliases for references, sign-in relative to now. */
export interface FixtureUser {
  id: string;
  alias: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  jobTitle?: string;
  department?: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  managerAlias?: string;
  /** null = never signed in. */
  lastSignInDaysAgo: number | null;
}

/** A group as the fixture writes it. */
export interface FixtureGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  isTeam: boolean;
  memberAliases: string[];
  ownerAliases: string[];
}

/** The Exchange-side facts of the fixture (`mailboxes`). */
export interface FixtureMailboxes {
  inboxRules: {
    alias: string;
    displayName: string;
    isEnabled: boolean;
    actions: Record<string, unknown>;
    conditions?: Record<string, unknown>;
  }[];
  smtpForwarding: { alias: string; forwardingSmtpAddress: string; deliverToMailboxAndForward: boolean }[];
  delegates: { mailboxAlias: string; delegateAlias: string; rights: string[] }[];
  auditDisabled: string[];
}

/** Secure Score history and controls (`secureScore`). */
export interface FixtureSecureScore {
  maxScore: number;
  weeklyHistoryOldestFirst: number[];
  controls: { controlName: string; score: number; maxScore: number; description: string }[];
}

/** A past PIM activation (`pim.recentActivations`). */
export interface FixtureActivation {
  alias: string;
  role: string;
  daysAgo: number;
  durationHours: number;
  justification: string;
  ticket: string | null;
}

/** The parts of the tenant fixture the core emulator reads. */
export interface CoreFixture {
  tenant: TenantFixture['tenant'] & { verifiedDomains?: string[] };
  users: FixtureUser[];
  groups: FixtureGroup[];
  mailboxes?: FixtureMailboxes;
  secureScore?: FixtureSecureScore;
  pim?: {
    roles?: { displayName: string; roleDefinitionId: string }[];
    recentActivations?: FixtureActivation[];
  };
}

/** Views a loosely typed fixture as the core's shape (the fixture file is trusted input). */
export function coreFixture(fixture: TenantFixture): CoreFixture {
  return fixture as unknown as CoreFixture;
}
