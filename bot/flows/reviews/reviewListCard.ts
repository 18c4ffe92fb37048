import template from '../../../cards/templates/review-list.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ReviewListEntry } from '../../../services/reviews/reviewList';

/** Reviews listed with their facts and one button each (Start for reviewers, Manage for owners). */
export function renderReviewListCard(
  heading: string,
  entries: ReviewListEntry[],
  t: UserTime,
  banner = '',
): AdaptiveCard {
  return renderTemplate(template, {
    heading,
    banner,
    reviews: entries.slice(0, 15).map((e) => ({
      name: e.name,
      definitionId: e.definitionId,
      instanceId: e.instanceId,
      button: e.manage ? 'Manage' : 'Start review',
      verb: e.manage ? 'review.manage' : 'review.open',
      facts: [
        { label: 'Reviewing', value: e.scope },
        { label: 'Due', value: e.endDateTime ? formatWhen(e.endDateTime, t) : 'no end date' },
        {
          label: 'People',
          value: `${e.total}${e.open !== undefined ? `, ${e.open} not yet reviewed` : ''}`,
        },
        ...(e.status ? [{ label: 'Status', value: e.status }] : []),
      ],
    })),
  });
}
