import type { WorkflowItem } from '../ports/workflowStore';
import type {
  LastResult,
  PeoplePageCounts,
  ReviewAssignmentData,
  ReviewFacts,
  ReviewFilter,
  ReviewPerson,
} from './model';

/**
 * People per page of the review card. Each row carries its own three buttons and a checkbox; at 8 rows
 * with names, mails and reasons at their longest the card stays under Teams' 28 KB (test/unit/cards).
 */
export const REVIEW_PAGE_SIZE = 8;

/** A person on the card, with the reference its buttons send (services/reviews/peoplePages.ts). */
export type ReviewRow = ReviewPerson & { ref: string };

/** One page of the reviewer's card. */
export interface ReviewCardData {
  itemId: string;
  facts: ReviewFacts;
  filter: ReviewFilter;
  page: number;
  pageCount: number;
  /** People matching the filter (all pages). */
  matching: number;
  people: ReviewRow[];
  reviewed: number;
  total: number;
  /** How many undecided people have a recommendation ("Accept all recommendations"). */
  acceptable: number;
  canDecide: boolean;
  lastResult?: LastResult;
}

/** Who each filter shows. */
export const FILTERS: Record<ReviewFilter, (p: ReviewPerson) => boolean> = {
  open: (p) => p.decision === 'NotReviewed',
  deny: (p) => p.recommendation === 'Deny',
  guests: (p) => p.guest,
  all: () => true,
};

const COUNT: Record<ReviewFilter, (c: PeoplePageCounts) => number> = {
  open: (c) => c.open,
  deny: (c) => c.deny,
  guests: (c) => c.guests,
  all: (c) => c.size,
};

/** Which card page to show, and which stored pages hold it: found from the pages' counts alone. */
export interface PageWindow {
  filter: ReviewFilter;
  page: number;
  pageCount: number;
  matching: number;
  /** Stored pages to read, in order. */
  stored: number[];
  /** Matching people on those stored pages to skip before the card's first row. */
  skip: number;
}

/** The card page asked for, clamped to what exists, located in the stored pages. */
export function locatePage(
  pages: readonly PeoplePageCounts[],
  filter: ReviewFilter,
  page: number,
): PageWindow {
  const count = COUNT[filter];
  const matching = pages.reduce((n, c) => n + count(c), 0);
  const pageCount = Math.max(1, Math.ceil(matching / REVIEW_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pageCount);
  const from = (p - 1) * REVIEW_PAGE_SIZE;
  const stored: number[] = [];
  let before = 0;
  let skip = 0;
  for (let n = 0; n < pages.length; n++) {
    const here = count(pages[n]!);
    const after = before + here;
    if (after > from && before < from + REVIEW_PAGE_SIZE && here > 0) {
      if (stored.length === 0) skip = from - before;
      stored.push(n);
    }
    before = after;
  }
  return { filter, page: p, pageCount, matching, stored, skip };
}

/** The card's data from the window and the people read from its stored pages (rows already referenced). */
export function reviewCardData(
  item: WorkflowItem<ReviewAssignmentData>,
  window: PageWindow,
  rows: readonly ReviewRow[],
  now: Date,
  showResult?: string,
): ReviewCardData {
  const { facts } = item.data;
  const pages = item.data.pages ?? [];
  const matching = rows.filter(FILTERS[window.filter]);
  const total = pages.reduce((n, c) => n + c.size, 0);
  const open = pages.reduce((n, c) => n + c.open, 0);
  return {
    itemId: item.id,
    facts,
    filter: window.filter,
    page: window.page,
    pageCount: window.pageCount,
    matching: window.matching,
    people: matching.slice(window.skip, window.skip + REVIEW_PAGE_SIZE),
    reviewed: total - open,
    total,
    acceptable: pages.reduce((n, c) => n + c.acceptable, 0),
    canDecide: item.state === 'inProgress' && new Date(facts.endDateTime) > now,
    lastResult: showResult && item.data.lastResult?.entryId === showResult ? item.data.lastResult : undefined,
  };
}
