import type { HasMessages } from '../workflow/messages';

/**
 * Workflow items of access reviews: one per (instance, reviewer), one per owner action, and the
 * reviewer's people in pages of their own (`people`), so no click rewrites thousands of people.
 */
export const ReviewKind = {
  assignment: 'reviewAssignment',
  action: 'reviewAction',
  people: 'reviewPeople',
} as const;

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

/** What one stored page of people holds, by filter: the card pages through these without reading them all. */
export interface PeoplePageCounts {
  /** The page document's version these counts were taken from (a newer one wins). */
  version: number;
  size: number;
  open: number;
  deny: number;
  guests: number;
  /** Not yet reviewed, with a recommendation ("Accept all recommendations"). */
  acceptable: number;
}

/** One stored page of a reviewer's people (item kind `people`), in Graph's order. */
export interface ReviewPeoplePageData {
  assignmentId: string;
  page: number;
  people: ReviewPerson[];
}

/** A reviewer's share of one instance: facts, counts, their own clicks; the people are in page items. */
export interface ReviewAssignmentData extends HasMessages {
  facts: ReviewFacts;
  reviewerId: string;
  /** The stored pages of people (services/reviews/peoplePages.ts), in order; undefined until synced. */
  pages?: PeoplePageCounts[];
  /** When the pages were read from Graph; undefined until the reviewer opened the review. */
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
