/** Access reviews: definitions, their instances and decision items, close to Graph v1.0. */

export interface ReviewSettings {
  recommendationsEnabled: boolean;
  justificationRequiredOnApproval: boolean;
  defaultDecisionEnabled: boolean;
  defaultDecision: 'Approve' | 'Deny' | 'Recommendation';
  autoApplyDecisionsEnabled: boolean;
  reminderNotificationsEnabled: boolean;
  recommendationLookBackDuration: string;
}

export interface ReviewDefinition {
  id: string;
  displayName: string;
  groupId: string;
  principals: 'allUsers' | 'guestsOnly';
  reviewers: { type: 'groupOwners' } | { type: 'singleUser'; userId: string };
  recurrence: 'monthly' | 'quarterly' | 'weekly';
  instanceDurationInDays: number;
  settings: ReviewSettings;
  createdDateTime: string;
}

export type InstanceStatus = 'NotStarted' | 'InProgress' | 'Completed';

export interface ReviewInstance {
  id: string;
  definitionId: string;
  startDateTime: string;
  endDateTime: string;
  status: InstanceStatus;
  /** Reviewers resolved when the instance started. */
  reviewerIds: string[];
  remindersSent: number;
}

export type Decision = 'NotReviewed' | 'Approve' | 'Deny' | 'DontKnow';

export interface DecisionItem {
  id: string;
  instanceId: string;
  principalId: string;
  decision: Decision;
  justification: string | null;
  reviewedBy: { id: string; displayName: string; userPrincipalName: string | null } | null;
  reviewedDateTime: string | null;
  appliedDateTime: string | null;
  applyResult: 'New' | 'AppliedSuccessfully' | 'AppliedSuccessfullyButObjectNotFound' | 'ApplyNotSupported';
}

/** Who Graph names as reviewer when the service decides by default (u: display name as seen in the portal). */
export const SYSTEM_REVIEWER = {
  id: '00000000-0000-0000-0000-000000000000',
  displayName: 'AAD Access Reviews',
  userPrincipalName: null,
};

/** All access review objects of one emulator instance. */
export class ReviewState {
  readonly definitions = new Map<string, ReviewDefinition>();
  readonly instances = new Map<string, ReviewInstance>();
  readonly decisions = new Map<string, DecisionItem>();

  decisionsOf(instanceId: string): DecisionItem[] {
    return [...this.decisions.values()].filter((d) => d.instanceId === instanceId);
  }
}
