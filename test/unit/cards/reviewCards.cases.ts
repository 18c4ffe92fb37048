import { renderOwnerCard } from '../../../bot/flows/reviews/ownerCard';
import { renderReviewCard } from '../../../bot/flows/reviews/reviewCard';
import { renderReviewListCard } from '../../../bot/flows/reviews/reviewListCard';
import { renderReviewSummaryCard } from '../../../bot/flows/reviews/reviewSummaryCard';
import type { AdaptiveCard } from '../../../cards/render';
import type { ReviewFacts } from '../../../services/reviews/model';
import { REVIEW_PAGE_SIZE, type ReviewCardData, type ReviewRow } from '../../../services/reviews/reviewView';

const t = { now: new Date('2026-03-02T10:00:00Z'), timeZone: 'Europe/Berlin' };

/** A review whose every text (names from Entra, reasons reviewers typed) is `text`. */
export function reviewFacts(text: string): ReviewFacts {
  return {
    definitionId: 'def-1',
    instanceId: 'inst-1',
    name: text,
    description: text,
    scope: `Members of ${text}`,
    endDateTime: '2026-03-06T10:00:00Z',
    justificationRequired: true,
    recommendationsEnabled: true,
    lookBack: 'P30D',
    defaultDecision: 'Deny',
    autoApply: false,
    remindersEnabled: true,
  };
}

/** A full page of people whose names, mails and reasons are `text`. */
export function reviewPage(text: string, rows = REVIEW_PAGE_SIZE): ReviewCardData {
  const people: ReviewRow[] = Array.from({ length: rows }, (_, i) => ({
    ref: `39:decision-${i}-0000-0000-0000-000000000000`,
    decisionId: `decision-${i}-0000-0000-0000-000000000000`,
    principalId: `principal-${i}`,
    name: text,
    email: text,
    guest: i % 2 === 0,
    lastSignIn: i % 3 === 0 ? undefined : '2025-12-01T10:00:00Z',
    recommendation: 'Deny',
    decision: i % 2 ? 'Approve' : 'NotReviewed',
    justification: text,
  }));
  return {
    itemId: 'review:inst-1:reviewer-1',
    facts: reviewFacts(text),
    filter: 'all',
    page: 2,
    pageCount: 250,
    matching: 2000,
    people,
    reviewed: 1,
    total: 2000,
    acceptable: 1999,
    canDecide: true,
    lastResult: {
      entryId: 'record:1',
      recorded: 1,
      failed: people.map((p) => ({ name: p.name, reason: text })),
    },
  };
}

/** The review cards, each showing hostile text from Entra or a reviewer. */
export function reviewCardCases(hostile: string): [string, () => AdaptiveCard][] {
  const entry = {
    definitionId: 'def-1',
    instanceId: 'inst-1',
    name: hostile,
    scope: hostile,
    endDateTime: '2026-03-06T10:00:00Z',
    total: 5,
    open: 3,
  };
  return [
    ['review people', () => renderReviewCard(reviewPage(hostile), t)],
    ['review people (refused, with a notice)', () => renderReviewCard(reviewPage(hostile), t, hostile)],
    ['review list', () => renderReviewListCard(hostile, [entry], t, hostile)],
    [
      'review summary',
      () =>
        renderReviewSummaryCard({
          name: hostile,
          scope: hostile,
          autoApply: false,
          approved: 1,
          denied: 2,
          dontKnow: 0,
          notReviewed: 1,
          byDefault: 1,
          defaultDecision: 'Deny',
          applied: false,
        }),
    ],
    [
      'review owner',
      () =>
        renderOwnerCard(
          {
            definitionId: 'def-1',
            instanceId: 'inst-1',
            name: hostile,
            scope: hostile,
            status: 'InProgress',
            endDateTime: '2026-03-06T10:00:00Z',
            total: 5,
            reviewed: 2,
            byReviewer: [{ name: hostile, decided: 2 }],
            canStop: true,
            canApply: false,
          },
          t,
          hostile,
        ),
    ],
  ];
}
