import template from '../../../cards/templates/review-people.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ReviewFilter, ReviewPerson } from '../../../services/reviews/model';
import type { ReviewCardData } from '../../../services/reviews/reviewView';

const FILTER_TITLES: Record<ReviewFilter, string> = {
  open: 'Not yet reviewed',
  deny: 'Recommended deny',
  guests: 'Guests',
  all: 'All',
};

const DECIDED: Record<ReviewPerson['decision'], string> = {
  Approve: 'Approved',
  Deny: 'Denied',
  DontKnow: "Don't know",
  NotReviewed: 'Not reviewed yet',
};

/** Text from Entra or a reviewer, cut so that a page of people stays within Teams' card size. */
const cut = (s: string | undefined, n: number) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : (s ?? ''));

/** Why Graph recommends what it does: its recommendation rests on sign-in activity in the look-back window. */
export function recommendationText(p: ReviewPerson, lookBack: string | undefined): string {
  if (!p.recommendation || p.recommendation === 'NoInfoAvailable') return 'No recommendation';
  const window = formatDuration(lookBack ?? 'P30D') ?? '30 days';
  if (p.recommendation === 'Approve') return `Recommended: approve (signed in within ${window})`;
  return `Recommended: deny (${p.lastSignIn ? `no sign-in in ${window}` : 'never signed in'})`;
}

function personRow(p: ReviewPerson, d: ReviewCardData, t: UserTime) {
  const decision = `Decision: ${DECIDED[p.decision]}${p.justification ? ` ("${cut(p.justification, 200)}")` : ''}`;
  return {
    id: p.decisionId,
    name: cut(p.name, 120),
    kind: p.guest ? 'Guest' : 'Member',
    lines: [
      { text: cut(p.email, 120), color: 'Default' },
      {
        text: `Last sign-in: ${p.lastSignIn ? formatWhen(p.lastSignIn, t) : 'never'}`,
        color: 'Default',
      },
      {
        text: recommendationText(p, d.facts.lookBack),
        color: p.recommendation === 'Deny' ? 'Attention' : 'Default',
      },
      { text: decision, color: p.decision === 'NotReviewed' ? 'Default' : 'Good' },
    ].filter((l) => l.text !== ''),
  };
}

/** The reviewer's card: the review, progress, a page of people with their buttons, bulk actions. */
export function renderReviewCard(d: ReviewCardData, t: UserTime, notice = ''): AdaptiveCard {
  const r = d.lastResult;
  const recorded = r ? `Recorded ${r.recorded} decision${r.recorded === 1 ? '' : 's'}.` : '';
  const notRecorded = r?.failed.length ? ` Not recorded: ${r.failed.length}.` : '';
  const closed = d.canDecide ? '' : 'This review is no longer in progress: decisions cannot change.';
  const banner = notice || closed || (r ? recorded + notRecorded : '');
  return renderTemplate(template, {
    itemId: d.itemId,
    title: d.facts.name,
    facts: [
      { label: 'Reviewing', value: d.facts.scope },
      ...(d.facts.description ? [{ label: 'About', value: d.facts.description }] : []),
      { label: 'Due', value: formatWhen(d.facts.endDateTime, t) },
      { label: 'Progress', value: `${d.reviewed} of ${d.total} reviewed` },
    ],
    banner,
    bannerColor: notice || r?.failed.length || closed ? 'Attention' : 'Good',
    failures: (notice ? [] : (r?.failed ?? []).slice(0, 10)).map((f) => ({
      line: `${cut(f.name, 120)}: ${cut(f.reason, 200)}`,
    })),
    filters: (Object.keys(FILTER_TITLES) as ReviewFilter[]).map((f) => ({
      filter: f,
      title: FILTER_TITLES[f],
      style: f === d.filter ? 'positive' : 'default',
    })),
    listHeading:
      d.matching === 0
        ? `${FILTER_TITLES[d.filter]}: nobody`
        : `${FILTER_TITLES[d.filter]}: ${d.matching} (page ${d.page} of ${d.pageCount})`,
    rows: d.people.map((p) => personRow(p, d, t)),
    choices: d.people.map((p) => ({ title: cut(p.name, 120), value: p.decisionId })),
    canDecide: d.canDecide,
    reasonLabel: d.facts.justificationRequired ? 'Reason (required to approve)' : 'Reason (optional)',
    acceptable: d.acceptable,
    filter: d.filter,
    page: d.page,
    pageCount: d.pageCount,
  });
}
