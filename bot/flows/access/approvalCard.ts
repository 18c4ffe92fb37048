import outcomeTemplate from '../../../cards/templates/approval-outcome.json';
import template from '../../../cards/templates/approval-request.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type {
  ApprovalOutcomeCardData,
  ApprovalRequestCardData,
  StagePassedCardData,
} from '../../../services/approvals/approvalCards';
import { DECIDED_IN, type Decision, type Person } from '../../../services/approvals/model';
import type { Tone } from './tones';

const TONES: Record<Decision['result'], Tone> = {
  approved: 'good',
  denied: 'attention',
  expired: 'attention',
  canceled: 'default',
};

/** A person as one viewer reads them: "you" for themselves. */
export function nameFor(p: Person | undefined, viewerId?: string, fallback = 'an approver'): string {
  if (!p) return fallback;
  return viewerId && p.id === viewerId ? 'you' : p.displayName;
}

/** "Approved by Megan Bowen, Mon 2 Mar, 10:42 (just now): “reason”"; "by you" on Megan's own card. */
export function decisionText(d: Decision, t: UserTime, viewerId?: string): string {
  const reason = d.reason ? `: "${d.reason}"` : '';
  const at = formatWhen(d.at, t);
  switch (d.result) {
    case 'expired':
      return `Nobody decided in time: denied automatically, ${at}.`;
    case 'canceled':
      // Graph does not say who canceled outside Teams: the requester in My Access, or an admin.
      return d.via ? `Canceled outside Teams, ${at}.` : `Canceled by the requester, ${at}.`;
    default: {
      // shown() names a decision made in My Access "Megan Bowen (in My Access)": Megan reads "you (in My Access)".
      const by =
        nameFor(d.by, viewerId) === 'you' ? `you${d.via ? ` (${DECIDED_IN[d.via]})` : ''}` : nameFor(d.by);
      return `${d.result === 'approved' ? 'Approved' : 'Denied'} by ${by}, ${at}${reason}`;
    }
  }
}

/** "30 days", "until Wed 1 Apr, 00:00 (in a month)"; empty when unknown. */
function lastsText(d: ApprovalRequestCardData, t: UserTime): string {
  if (d.lasts?.endDateTime) return `until ${formatWhen(d.lasts.endDateTime, t)}`;
  return formatDuration(d.lasts?.duration) ?? '';
}

function factsOf(d: ApprovalRequestCardData, t: UserTime) {
  const r = d.requester;
  const requester =
    [nameFor(r, d.viewerId), r.jobTitle].filter(Boolean).join(', ') +
    (r.department ? ` (${r.department})` : '');
  const grants = (d.grants ?? []).map((g) => (g.role ? `${g.name} (${g.role})` : g.name)).join(', ');
  const lasts = lastsText(d, t);
  return [
    { title: 'Requester', value: requester },
    ...(r.manager ? [{ title: 'Manager', value: nameFor(r.manager, d.viewerId) }] : []),
    ...(d.askedAt ? [{ title: 'Asked', value: formatWhen(d.askedAt, t) }] : []),
    ...(grants ? [{ title: 'Grants', value: grants }] : []),
    ...(lasts ? [{ title: 'Access lasts', value: lasts }] : []),
    ...d.facts.map((f) => ({ title: f.label, value: f.value })),
    {
      title: 'Stage',
      value: `${d.stage.number} of ${d.stage.count}${d.stage.escalated ? ' (escalated)' : ''}`,
    },
    ...(d.stage.decideBy && d.status === 'pending'
      ? [{ title: 'Decide by', value: formatWhen(d.stage.decideBy, t) }]
      : []),
  ];
}

/**
 * An approver's card: what is asked (who, what it grants, for how long, when), earlier stages'
 * decisions and reasons, and Approve / Deny while they may decide; the outcome once anyone did.
 * `back` adds a way back to the "approvals" list the card was opened from.
 */
export function renderApprovalCard(
  d: ApprovalRequestCardData,
  t: UserTime,
  notice = '',
  back = false,
): AdaptiveCard {
  let outcomeText = d.outcome && d.status !== 'pending' ? decisionText(d.outcome, t, d.viewerId) : '';
  if (d.status === 'failed') outcomeText = 'The request failed; no decision is needed.';
  if (d.status === 'waiting') outcomeText = 'Waiting for an earlier stage.';
  const banner =
    notice ||
    (d.reminder && d.status === 'pending'
      ? 'Reminder: this request is still waiting for your decision.'
      : '');
  const earlier = d.stages
    .filter((s) => s.number < d.stage.number && s.decision)
    .map((s) => ({ line: `Stage ${s.number}: ${decisionText(s.decision!, t, d.viewerId)}` }));
  return renderTemplate(template, {
    itemId: d.itemId,
    title: d.title,
    requesterName: d.requester.displayName,
    heading: `${d.requester.displayName} asks for ${d.title}`,
    banner,
    facts: factsOf(d, t),
    earlier,
    justification: d.justification ?? '',
    answers: d.answers,
    outcomeText,
    outcomeTone: d.outcome ? TONES[d.outcome.result] : 'default',
    canDecide: d.canDecide,
    reasonRequired: d.stage.reasonRequired,
    reasonLabel: d.stage.reasonRequired ? 'Reason' : 'Reason (optional)',
    stage: d.stage.index,
    refreshUserIds: d.refreshUserIds.slice(0, 60),
    back: back ? [{ title: 'Back to approvals' }] : [],
  });
}

/** The requester's message once their request is decided. */
export function renderApprovalOutcomeCard(d: ApprovalOutcomeCardData, t: UserTime): AdaptiveCard {
  const verb = d.outcome.result === 'approved' ? 'approved' : 'denied';
  return renderTemplate(outcomeTemplate, {
    heading: `Your request for ${d.title} was ${verb}`,
    tone: TONES[d.outcome.result],
    detail: decisionText({ ...d.outcome, reason: undefined }, t),
    reason: d.outcome.reason ?? '',
  });
}

/** The requester's message when a stage of their request is approved and the next one starts. */
export function renderStagePassedCard(d: StagePassedCardData, t: UserTime): AdaptiveCard {
  const next = d.next
    ? ` Now ${d.next.approvers.join(' or ') || 'an approver'} decides (stage ${d.next.number} of ${d.count})${d.next.decideBy ? `, by ${formatWhen(d.next.decideBy, t)}` : ''}.`
    : '';
  return renderTemplate(outcomeTemplate, {
    heading: `Stage ${d.number} of ${d.count} of your request for ${d.title} is approved`,
    tone: 'good',
    detail: `${d.decision ? decisionText({ ...d.decision, reason: undefined }, t) : 'Approved.'}${next}`,
    reason: d.decision?.reason ?? '',
  });
}
