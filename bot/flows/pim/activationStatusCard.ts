import { randomUUID } from 'node:crypto';
import template from '../../../cards/templates/pim-status.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ActivationStatusView } from '../../../services/pim/activationStatus';
import { formatHours } from '../../../services/pim/hours';
import type { Tone } from '../access/tones';

/** Each state's words and container style: coloured text is unreadable in Teams' light theme (tones.ts). */
const STATES: Record<ActivationStatusView['status'], { text: string; tone: Tone }> = {
  submitted: { text: 'Sent to Microsoft Entra ID', tone: 'accent' },
  stepUp: { text: 'Confirm it is you: sign in with MFA', tone: 'warning' },
  pendingApproval: { text: 'Waiting for approval', tone: 'accent' },
  scheduled: { text: 'Scheduled', tone: 'good' },
  active: { text: 'Active', tone: 'good' },
  ended: { text: 'Ended', tone: 'emphasis' },
  denied: { text: 'Denied', tone: 'attention' },
  expired: { text: 'Expired: nobody approved in time', tone: 'warning' },
  canceled: { text: 'Canceled', tone: 'emphasis' },
  failed: { text: 'Not activated', tone: 'attention' },
};

/** Graph's refusals, in plain words. */
const FAILURES: Record<string, string> = {
  stepUpExpired:
    'You did not finish the sign-in with multi-factor authentication in time, so nothing was activated. Ask again when you are ready.',
  alreadyAssigned: 'You hold this role already.',
  openRequestExists: 'Microsoft Entra ID already has a request of yours for this role.',
  noActiveAssignment: 'You are not eligible for this role any more.',
  justificationRequired: 'The role needs a justification.',
  ticketRequired: 'The role needs a ticket number.',
  scheduleNotAllowed: "The duration is not allowed by the role's policy.",
  decisionNotRecorded: 'Microsoft Entra ID did not take the approval.',
};

function detail(v: ActivationStatusView, t: UserTime): string {
  switch (v.status) {
    case 'stepUp':
      return `Microsoft Entra ID wants a sign-in with multi-factor authentication for this role. Use the sign-in card I sent; your request is kept until ${formatWhen(v.stepUpExpiresAt ?? '', t)}.`;
    case 'pendingApproval':
      return `${v.approvers.join(' or ') || 'An approver'} decides. Approvers have 24 hours.`;
    case 'scheduled':
      return `From ${formatWhen(v.activeFrom ?? '', t)} until ${formatWhen(v.activeUntil ?? '', t)}.`;
    case 'active':
      return v.activeUntil ? `Until ${formatWhen(v.activeUntil, t)}.` : 'Active.';
    case 'ended':
      return v.activeUntil ? `Ended ${formatWhen(v.activeUntil, t)}.` : 'Ended.';
    case 'denied': {
      const by = v.decision?.by ? ` by ${v.decision.by}` : '';
      return `Denied${by}${v.decision?.reason ? `: "${v.decision.reason}"` : '.'}`;
    }
    case 'expired':
      return `Nobody approved it within the 24 hours Microsoft Entra ID gives approvers, so ${v.roleName} was not activated${v.decision ? ` (it expired ${formatWhen(v.decision.at, t)})` : ''}. Ask again if you still need it.`;
    case 'failed':
      return (
        FAILURES[v.failure?.code ?? ''] ??
        `Microsoft Entra ID refused: ${v.failure?.message ?? 'no reason given'}.`
      );
    default:
      return '';
  }
}

/** Whose card: the requester's (actions), a policy recipient's notice, or the ending-soon offer. */
export type StatusCardFor = 'requester' | 'watcher' | 'ending';

/** An activation's card. The ending-soon card offers Extend; a watcher's is a notice without actions. */
export function renderActivationStatusCard(
  v: ActivationStatusView,
  t: UserTime,
  shownTo: StatusCardFor = 'requester',
  requester?: string,
): AdaptiveCard {
  const state = STATES[v.status];
  const facts = [
    ...(requester ? [{ title: 'Who', value: requester }] : []),
    { title: 'Duration', value: formatHours(v.duration) },
    ...(v.justification ? [{ title: 'Justification', value: v.justification }] : []),
    ...(v.ticket ? [{ title: 'Ticket', value: v.ticket }] : []),
  ];
  const title =
    shownTo === 'watcher'
      ? `${requester ?? 'Someone'} activated ${v.roleName}`
      : shownTo === 'ending'
        ? `${v.roleName} ends soon`
        : v.roleName;
  const requesterCard = shownTo !== 'watcher';
  return renderTemplate(template, {
    itemId: v.itemId,
    roleId: v.roleId,
    title,
    stateText: state.text,
    tone: state.tone,
    detail: detail(v, t),
    facts,
    canExtend: shownTo === 'ending' && v.status === 'active',
    extendKey: randomUUID(),
    canDeactivate: requesterCard && v.status === 'active',
    canAskAgain: requesterCard && (v.status === 'expired' || v.status === 'failed'),
    canRefresh: requesterCard,
  });
}
