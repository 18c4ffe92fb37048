import template from '../../../cards/templates/review-people.json';
import { cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../cards/limits';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ReviewFilter, ReviewPerson } from '../../../services/reviews/model';
import type { ReviewCardData, ReviewRow } from '../../../services/reviews/reviewView';

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

function personRow(p: ReviewRow, d: ReviewCardData, t: UserTime, n: number) {
  const decision = `Decision: ${DECIDED[p.decision]}${p.justification ? ` ("${cut(p.justification, n)}")` : ''}`;
  return {
    id: p.ref,
    name: cut(p.name, n),
    kind: p.guest ? 'Guest' : 'Member',
    lines: [
      { text: cut(p.email, n), weight: 'Default' },
      {
        text: `Last sign-in: ${p.lastSignIn ? formatWhen(p.lastSignIn, t) : 'never'}`,
        weight: 'Default',
      },
      {
        text: recommendationText(p, d.facts.lookBack),
        // Bold, not coloured: Teams' Attention and Good text fall below 4.5:1 contrast on white.
        weight: p.recommendation === 'Deny' ? 'Bolder' : 'Default',
      },
      { text: decision, weight: p.decision === 'NotReviewed' ? 'Default' : 'Bolder' },
    ].filter((l) => l.text !== ''),
  };
}

/**
 * Longest text shown per field: whole in practice (names and reasons are short), shorter only when a
 * page of long multi-byte texts would outgrow Teams' 28 KB.
 */
const CUTS = [150, 60, 20];

/** The reviewer's card: the review, progress, a page of people with their buttons, bulk actions. */
export function renderReviewCard(d: ReviewCardData, t: UserTime, notice = ''): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const n of CUTS) {
    card = renderAt(d, t, notice, n);
    if (cardMessageBytes(card) <= TEAMS_MESSAGE_LIMIT_BYTES) return card;
  }
  return card!;
}

function renderAt(d: ReviewCardData, t: UserTime, notice: string, n: number): AdaptiveCard {
  const r = d.lastResult;
  const recorded = r ? `Recorded ${r.recorded} decision${r.recorded === 1 ? '' : 's'}.` : '';
  const more = r && r.failed.length > 5 ? ` (the first 5 are named below)` : '';
  const notRecorded = r?.failed.length ? ` Not recorded: ${r.failed.length}${more}.` : '';
  const closed = d.canDecide ? '' : 'This review is no longer in progress: decisions cannot change.';
  const banner = notice || closed || (r ? recorded + notRecorded : '');
  return renderTemplate(template, {
    itemId: d.itemId,
    title: cut(d.facts.name, n * 2),
    facts: [
      { label: 'Reviewing', value: cut(d.facts.scope, n * 2) },
      ...(d.facts.description ? [{ label: 'About', value: cut(d.facts.description, n * 2) }] : []),
      { label: 'Due', value: formatWhen(d.facts.endDateTime, t) },
      { label: 'Progress', value: `${d.reviewed} of ${d.total} reviewed` },
    ],
    banner: cut(banner, n * 2),
    bannerStyle: notice || r?.failed.length || closed ? 'attention' : 'good',
    failures: (notice ? [] : (r?.failed ?? []).slice(0, 5)).map((f) => ({
      line: `${cut(f.name, n)}: ${cut(f.reason, n)}`,
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
    rows: d.people.map((p) => personRow(p, d, t, n)),
    choices: d.people.map((p) => ({ title: cut(p.name, n), value: p.ref })),
    canDecide: d.canDecide,
    reasonLabel: d.facts.justificationRequired ? 'Reason (required to approve)' : 'Reason (optional)',
    acceptable: d.acceptable,
    filter: d.filter,
    page: d.page,
    pageCount: d.pageCount,
  });
}
