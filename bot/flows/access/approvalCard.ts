import outcomeTemplate from '../../../cards/templates/approval-outcome.json';
import template from '../../../cards/templates/approval-request.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type {
  ApprovalOutcomeCardData,
  ApprovalRequestCardData,
} from '../../../services/approvals/approvalCards';
import type { Decision } from '../../../services/approvals/model';

const COLORS: Record<Decision['result'], string> = {
  approved: 'Good',
  denied: 'Attention',
  expired: 'Attention',
  canceled: 'Default',
};

/** "Approved by Megan Bowen, Mon 2 Mar, 10:42 (just now): “reason”" */
export function decisionText(d: Decision, t: UserTime): string {
  const reason = d.reason ? `: "${d.reason}"` : '';
  const at = formatWhen(d.at, t);
  switch (d.result) {
    case 'expired':
      return `Nobody decided in time: denied automatically, ${at}.`;
    case 'canceled':
      // Graph does not say who canceled outside Teams: the requester in My Access, or an admin.
      return d.via ? `Canceled outside Teams, ${at}.` : `Canceled by the requester, ${at}.`;
    default:
      return `${d.result === 'approved' ? 'Approved' : 'Denied'} by ${d.by?.displayName ?? 'an approver'}, ${at}${reason}`;
  }
}

/** An approver's card: Approve / Deny while they may decide, the outcome once anyone did. */
export function renderApprovalCard(d: ApprovalRequestCardData, t: UserTime, notice = ''): AdaptiveCard {
  const r = d.requester;
  const requester =
    [r.displayName, r.jobTitle].filter(Boolean).join(', ') + (r.department ? ` (${r.department})` : '');
  const facts = [
    { title: 'Requester', value: requester },
    ...(r.manager ? [{ title: 'Manager', value: r.manager.displayName }] : []),
    ...d.facts.map((f) => ({ title: f.label, value: f.value })),
    {
      title: 'Stage',
      value: `${d.stage.number} of ${d.stage.count}${d.stage.escalated ? ' (escalated)' : ''}`,
    },
    ...(d.stage.decideBy && d.status === 'pending'
      ? [{ title: 'Decide by', value: formatWhen(d.stage.decideBy, t) }]
      : []),
  ];
  let outcomeText = d.outcome && d.status !== 'pending' ? decisionText(d.outcome, t) : '';
  if (d.status === 'failed') outcomeText = 'The request failed; no decision is needed.';
  if (d.status === 'waiting') outcomeText = 'Waiting for an earlier stage.';
  const banner =
    notice ||
    (d.reminder && d.status === 'pending'
      ? 'Reminder: this request is still waiting for your decision.'
      : '');
  return renderTemplate(template, {
    itemId: d.itemId,
    title: d.title,
    requesterName: r.displayName,
    heading: `${r.displayName} asks for ${d.title}`,
    banner,
    facts,
    justification: d.justification ?? '',
    answers: d.answers,
    outcomeText,
    outcomeColor: d.outcome ? COLORS[d.outcome.result] : 'Default',
    canDecide: d.canDecide,
    reasonRequired: d.stage.reasonRequired,
    reasonLabel: d.stage.reasonRequired ? 'Reason (required)' : 'Reason (optional)',
    stage: d.stage.index,
    refreshUserIds: d.refreshUserIds.slice(0, 60),
  });
}

/** The requester's message once their request is decided. */
export function renderApprovalOutcomeCard(d: ApprovalOutcomeCardData, t: UserTime): AdaptiveCard {
  const verb = d.outcome.result === 'approved' ? 'approved' : 'denied';
  return renderTemplate(outcomeTemplate, {
    heading: `Your request for ${d.title} was ${verb}`,
    color: COLORS[d.outcome.result],
    detail: decisionText({ ...d.outcome, reason: undefined }, t),
    reason: d.outcome.reason ?? '',
  });
}
