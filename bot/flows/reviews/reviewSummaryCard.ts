import template from '../../../cards/templates/review-summary.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { ReviewSummary } from '../../../services/reviews/model';

/** What the summary card shows. */
export interface ReviewSummaryCardData extends ReviewSummary {
  name: string;
  scope: string;
  autoApply: boolean;
}

const DEFAULTS: Record<string, string> = {
  Approve: 'approved',
  Deny: 'denied',
  Recommendation: 'set to the recommendation',
};

/** The card after an instance completed: approved, denied, not reviewed, and what the default did. */
export function renderReviewSummaryCard(d: ReviewSummaryCardData): AdaptiveCard {
  const byDefault = d.defaultDecision
    ? `${d.byDefault} not reviewed in time were ${DEFAULTS[d.defaultDecision] ?? d.defaultDecision} by the review's default decision`
    : 'No default decision: people nobody reviewed keep their access';
  let note = d.applied ? 'The results were applied: denied people lost their access.' : '';
  if (!d.applied && !d.autoApply) note = 'The results are not applied yet: an owner can apply them.';
  return renderTemplate(template, {
    name: d.name,
    heading: `Access review completed: ${d.name}`,
    facts: [
      { label: 'Reviewed', value: d.scope },
      { label: 'Approved', value: String(d.approved) },
      { label: 'Denied', value: String(d.denied) },
      { label: "Don't know", value: String(d.dontKnow) },
      { label: 'Not reviewed', value: String(d.notReviewed) },
      { label: 'Default decision', value: byDefault },
    ],
    note,
  });
}
