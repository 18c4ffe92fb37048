import type { DelegatedIdentity } from './userTokens';

/** Access reviews: reviewers see their pending decisions and record them. */

export interface ReviewDefinition {
  id: string;
  displayName: string;
  descriptionForReviewers?: string;
  status?: string;
  justificationRequiredOnApproval: boolean;
  recommendationsEnabled: boolean;
  defaultDecision?: string;
}

export interface ReviewInstance {
  id: string;
  definitionId: string;
  status: string;
  startDateTime?: string;
  endDateTime?: string;
}

export type ReviewDecisionValue = 'Approve' | 'Deny' | 'DontKnow';

export interface ReviewDecisionItem {
  id: string;
  decision: ReviewDecisionValue | 'NotReviewed';
  recommendation?: 'Approve' | 'Deny' | 'NoInfoAvailable';
  justification?: string;
  principal: { id: string; displayName?: string; userPrincipalName?: string; type?: string };
  resource?: { id: string; displayName?: string; type?: string };
  reviewedBy?: { id: string; displayName?: string };
  reviewedDateTime?: string;
  applyResult?: string;
}

export interface DecisionToRecord {
  decisionId: string;
  decision: ReviewDecisionValue;
  justification?: string;
}

export interface ReviewsGateway {
  /** Review definitions where the caller is a reviewer. */
  myReviews(who: DelegatedIdentity): Promise<ReviewDefinition[]>;
  /** Instances of a definition the caller reviews. */
  myInstances(who: DelegatedIdentity, definitionId: string): Promise<ReviewInstance[]>;
  /** Decision items the caller reviews in an instance (every page). */
  myDecisions(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
  ): Promise<ReviewDecisionItem[]>;
  /** Records one decision. PolicyViolationError when a justification is required and missing. */
  recordDecision(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
    item: DecisionToRecord,
  ): Promise<void>;
  /** Records many decisions ($batch); per item, undefined when recorded or the error that refused it. */
  recordDecisions(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
    items: DecisionToRecord[],
  ): Promise<Map<string, Error | undefined>>;
  /** App-only: definitions of the tenant. */
  listDefinitions(): Promise<ReviewDefinition[]>;
  /** App-only: instances of a definition (reminders, digest of overdue reviews). */
  listInstances(definitionId: string): Promise<ReviewInstance[]>;
  /** App-only: all decision items of an instance. */
  listDecisions(definitionId: string, instanceId: string): Promise<ReviewDecisionItem[]>;
}
