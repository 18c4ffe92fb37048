import template from '../../../cards/templates/review-owner.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { OwnerView } from '../../../services/reviews/ownerService';

/** The owner's card: progress across reviewers; nudge, stop, apply; the outcome once completed. */
export function renderOwnerCard(
  v: OwnerView,
  t: UserTime,
  notice = '',
  noticeIsProblem = false,
): AdaptiveCard {
  const s = v.summary;
  const outcome = s
    ? [
        {
          label: 'Outcome',
          value: `${s.approved} approved, ${s.denied} denied, ${s.dontKnow} don't know, ${s.notReviewed} not reviewed (${s.byDefault} decided by the default${s.defaultDecision ? `: ${s.defaultDecision}` : ''})`,
        },
        { label: 'Applied', value: s.applied ? 'yes' : 'not yet' },
      ]
    : [];
  return renderTemplate(template, {
    name: v.name,
    banner: notice,
    bannerStyle: noticeIsProblem ? 'attention' : 'good',
    definitionId: v.definitionId,
    instanceId: v.instanceId,
    facts: [
      { label: 'Reviewing', value: v.scope },
      { label: 'Status', value: v.status },
      ...(v.endDateTime ? [{ label: 'Ends', value: formatWhen(v.endDateTime, t) }] : []),
      { label: 'Progress', value: `${v.reviewed} of ${v.total} reviewed` },
      ...outcome,
    ],
    reviewers: v.byReviewer.slice(0, 30).map((r) => ({ line: `${r.name}: ${r.decided} decided` })),
    canStop: v.canStop,
    canApply: v.canApply,
  });
}
