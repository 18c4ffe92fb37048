import type { WorkflowItem } from '../ports/workflowStore';
import type { LastResult, ReviewAssignmentData, ReviewFacts, ReviewFilter, ReviewPerson } from './model';

/**
 * People per page of the review card. Each row carries its own three buttons and a checkbox; at 8 rows
 * with names, mails and reasons at their longest the card stays under Teams' 28 KB (test/unit/cards).
 */
export const REVIEW_PAGE_SIZE = 8;

/** One page of the reviewer's card. */
export interface ReviewCardData {
  itemId: string;
  facts: ReviewFacts;
  filter: ReviewFilter;
  page: number;
  pageCount: number;
  /** People matching the filter (all pages). */
  matching: number;
  people: ReviewPerson[];
  reviewed: number;
  total: number;
  /** How many undecided people have a recommendation ("Accept all recommendations"). */
  acceptable: number;
  canDecide: boolean;
  lastResult?: LastResult;
}

const FILTERS: Record<ReviewFilter, (p: ReviewPerson) => boolean> = {
  open: (p) => p.decision === 'NotReviewed',
  deny: (p) => p.recommendation === 'Deny',
  guests: (p) => p.guest,
  all: () => true,
};

/** The page of people the reviewer asked for, with progress; the page is clamped to what exists. */
export function reviewCardData(
  item: WorkflowItem<ReviewAssignmentData>,
  filter: ReviewFilter,
  page: number,
  now: Date,
  showResult?: string,
): ReviewCardData {
  const { people, facts } = item.data;
  const matching = people.filter(FILTERS[filter]);
  const pageCount = Math.max(1, Math.ceil(matching.length / REVIEW_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pageCount);
  const open = people.filter(FILTERS.open);
  return {
    itemId: item.id,
    facts,
    filter,
    page: p,
    pageCount,
    matching: matching.length,
    people: matching.slice((p - 1) * REVIEW_PAGE_SIZE, p * REVIEW_PAGE_SIZE),
    reviewed: people.length - open.length,
    total: people.length,
    acceptable: open.filter((x) => x.recommendation === 'Approve' || x.recommendation === 'Deny').length,
    canDecide: item.state === 'inProgress' && new Date(facts.endDateTime) > now,
    lastResult: showResult && item.data.lastResult?.entryId === showResult ? item.data.lastResult : undefined,
  };
}
