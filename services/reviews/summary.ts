import type { ReviewDecisionItem, ReviewDefinition } from '../ports/reviews';
import type { ReviewSummary } from './model';

/**
 * The outcome of a completed instance. Graph marks decisions its default made with the all-zero
 * reviewer (mapped to no reviewedBy), so those are counted apart from reviewers' own.
 */
export function summarise(items: ReviewDecisionItem[], d: ReviewDefinition): ReviewSummary {
  const count = (f: (i: ReviewDecisionItem) => boolean) => items.filter(f).length;
  return {
    approved: count((i) => i.decision === 'Approve'),
    denied: count((i) => i.decision === 'Deny'),
    dontKnow: count((i) => i.decision === 'DontKnow'),
    notReviewed: count((i) => i.decision === 'NotReviewed'),
    byDefault: count((i) => i.decision !== 'NotReviewed' && !i.reviewedBy),
    defaultDecision: d.defaultDecision,
    applied: items.some((i) => i.applyResult !== undefined && i.applyResult !== 'New'),
  };
}
