import type { HasMessages } from '../workflow/messages';

/** Workflow items of access reviews: one per (instance, reviewer), one per owner action. */
export const ReviewKind = { assignment: 'reviewAssignment', action: 'reviewAction' } as const;

export const ReviewEffect = {
  record: 'review.record',
  acceptAll: 'review.acceptAll',
  stop: 'review.stop',
  apply: 'review.apply',
} as const;

export const ReviewNotification = {
  started: 'review.started',
  reminder: 'review.reminder',
  summary: 'review.summary',
} as const;

export type PersonDecision = 'Approve' | 'Deny' | 'DontKnow' | 'NotReviewed';

/** One person under review, as the reviewer's card shows them. */
export interface ReviewPerson {
  decisionId: string;
  principalId: string;
  name: string;
  email?: string;
  guest: boolean;
  /** ISO 8601; undefined when the person never signed in. */
  lastSignIn?: string;
  recommendation?: 'Approve' | 'Deny' | 'NoInfoAvailable';
  decision: PersonDecision;
  justification?: string;
  reviewedBy?: string;
}

/** What the bot knows of the review itself (from its definition and instance). */
export interface ReviewFacts {
  definitionId: string;
  instanceId: string;
  name: string;
  description?: string;
  /** What is reviewed, e.g. "Members of Project Falcon". */
  scope: string;
  startDateTime?: string;
  endDateTime: string;
  justificationRequired: boolean;
  recommendationsEnabled: boolean;
  lookBack?: string;
  defaultDecision?: string;
  autoApply: boolean;
  remindersEnabled: boolean;
}

/** The result of the reviewer's last click, shown on the card. */
export interface LastResult {
  entryId: string;
  recorded: number;
  failed: { name: string; reason: string }[];
}

/** A reviewer's share of one instance: the people (as last read from Graph) and their own clicks. */
export interface ReviewAssignmentData extends HasMessages {
  facts: ReviewFacts;
  reviewerId: string;
  people: ReviewPerson[];
  /** When `people` was read from Graph; undefined until the reviewer opened the review. */
  syncedAt?: string;
  total: number;
  open: number;
  lastResult?: LastResult;
  /** How many people were left at the last reminder (shown on it). */
  remindedOpen?: number;
  summary?: ReviewSummary;
}

/** The outcome of a completed instance. */
export interface ReviewSummary {
  approved: number;
  denied: number;
  dontKnow: number;
  notReviewed: number;
  /** Decided by the review's default decision at the end. */
  byDefault: number;
  defaultDecision?: string;
  applied: boolean;
}

export type ReviewFilter = 'open' | 'deny' | 'guests' | 'all';
