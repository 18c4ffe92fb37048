/** Security and audit data for the weekly digest; all app-only. */

export interface SecureScoreSnapshot {
  createdDateTime: string;
  currentScore: number;
  maxScore: number;
  averageComparativeScores: { basis: string; averageScore: number }[];
  controlScores: { controlName: string; controlCategory?: string; description?: string; score: number }[];
}

export interface SecureScoreControlProfile {
  id: string;
  title: string;
  controlCategory?: string;
  maxScore: number;
  rank?: number;
  remediation?: string;
  actionUrl?: string;
  service?: string;
  tier?: string;
  deprecated: boolean;
}

export interface InboxRuleInfo {
  id: string;
  displayName: string;
  isEnabled: boolean;
  /** Addresses mail is sent on to (forwardTo, redirectTo and forwardAsAttachmentTo). */
  forwardTo: string[];
  redirectTo: string[];
  forwardAsAttachmentTo: string[];
}

export interface SignInRecord {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName?: string;
  appDisplayName?: string;
  ipAddress?: string;
  errorCode: number;
  failureReason?: string;
  conditionalAccessStatus?: string;
  country?: string;
}

export interface DirectoryAuditRecord {
  id: string;
  activityDateTime: string;
  activityDisplayName: string;
  category: string;
  result: string;
  initiatedBy?: { userId?: string; userPrincipalName?: string; appDisplayName?: string };
  targets: { id?: string; displayName?: string; type?: string }[];
  /** additionalDetails as key → value (PIM: Justification, TicketNumber, StartTime, ExpirationTime). */
  details: Record<string, string>;
  resultReason?: string;
}

export interface SecurityReportsGateway {
  /** The newest daily snapshots first, at most `count`. */
  secureScores(count: number): Promise<SecureScoreSnapshot[]>;
  /** Every Secure Score control profile (remediation text, max score). */
  controlProfiles(): Promise<SecureScoreControlProfile[]>;
  /** Inbox rules of many mailboxes ($batch); users without a mailbox are absent from the map. */
  inboxRules(userIds: string[]): Promise<Map<string, InboxRuleInfo[]>>;
  /** Sign-ins at or after `since` (every page). */
  signIns(since: Date, userId?: string): Promise<SignInRecord[]>;
  /** The tenant's verified domains (mail to any other domain leaves the tenant). */
  verifiedDomains(): Promise<string[]>;
  /** Directory audit events at or after `since`, optionally of one category (e.g. 'RoleManagement'). */
  directoryAudits(since: Date, category?: string): Promise<DirectoryAuditRecord[]>;
}
