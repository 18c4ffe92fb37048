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
  autoApplyDecisionsEnabled?: boolean;
  reminderNotificationsEnabled?: boolean;
  /** How far back sign-ins count for recommendations, ISO 8601 (e.g. P30D). */
  recommendationLookBackDuration?: string;
  /** The group whose members are reviewed, when the scope is one group. */
  scopeGroupId?: string;
  /** The scope reviews guests only (userType eq 'Guest'). */
  guestsOnly?: boolean;
}

/** A reviewer Graph contacted for an instance. */
export interface ReviewReviewer {
  id: string;
  displayName?: string;
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
  /** Last sign-in from the item's sign-in insight (when read with insights); undefined: never or unknown. */
  lastSignIn?: string;
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
  /** Sets the caller's unreviewed items to their recommendation, in one call (acceptRecommendations). */
  acceptRecommendations(who: DelegatedIdentity, definitionId: string, instanceId: string): Promise<void>;
  /** Ends an instance early, as an owner or admin (stop). */
  stopInstance(who: DelegatedIdentity, definitionId: string, instanceId: string): Promise<void>;
  /** Applies a completed instance's decisions, as an owner or admin (applyDecisions). */
  applyDecisions(who: DelegatedIdentity, definitionId: string, instanceId: string): Promise<void>;
  /** App-only: one definition. */
  getDefinition(definitionId: string): Promise<ReviewDefinition>;
  /** App-only: the reviewers of an instance (contactedReviewers). */
  contactedReviewers(definitionId: string, instanceId: string): Promise<ReviewReviewer[]>;
  /** App-only: definitions of the tenant. */
  listDefinitions(): Promise<ReviewDefinition[]>;
  /** App-only: instances of a definition (reminders, digest of overdue reviews). */
  listInstances(definitionId: string): Promise<ReviewInstance[]>;
  /** App-only: all decision items of an instance. */
  listDecisions(definitionId: string, instanceId: string): Promise<ReviewDecisionItem[]>;
  /** Definitions as an owner or admin sees them (Graph answers 403 without an access reviews role). */
  definitionsAs(who: DelegatedIdentity): Promise<ReviewDefinition[]>;
  /** Instances of a definition, as an owner or admin. */
  instancesAs(who: DelegatedIdentity, definitionId: string): Promise<ReviewInstance[]>;
  /** Every decision item of an instance, as an owner or admin. */
  decisionsAs(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
  ): Promise<ReviewDecisionItem[]>;
}
