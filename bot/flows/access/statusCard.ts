import template from '../../../cards/templates/access-status.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import { failureText, retryText } from './failureText';
import type { Tone } from './tones';

/** Each state in words people use (no Graph terms such as "Delivered"), and its tone. */
export const STATES: Record<RequestStatusView['state'], { text: string; short: string; tone: Tone }> = {
  submitted: { text: 'Submitted: Microsoft Entra ID is processing it', short: 'Submitted', tone: 'accent' },
  pendingApproval: { text: 'Waiting for approval', short: 'Waiting for approval', tone: 'accent' },
  delivering: {
    text: 'Approved: your access is being set up',
    short: 'Approved, being set up',
    tone: 'good',
  },
  delivered: { text: 'Done: you have the access', short: 'You have the access', tone: 'good' },
  denied: { text: 'Denied', short: 'Denied', tone: 'attention' },
  canceled: { text: 'Canceled', short: 'Canceled', tone: 'default' },
  failed: { text: 'Not possible', short: 'Not possible', tone: 'attention' },
};

/** States in which the access may still come, or has: only then does "Access lasts" mean anything. */
const LASTS_SHOWN = new Set<RequestStatusView['state']>([
  'submitted',
  'pendingApproval',
  'delivering',
  'delivered',
]);

/** "Megan Bowen or Lee Gu decides (stage 1 of 2), by …" and the like: the one line that says what is next. */
export function statusLine(v: RequestStatusView, t: UserTime): string {
  if (v.retrying) return retryText(formatWhen(v.retrying.nextAttemptAt, t));
  if (v.failure) return failureText(v.failure.code);
  if (v.processing)
    return 'Microsoft Entra ID has your request and is processing it; approvers are asked next.';
  if (v.stage) {
    const who = v.stage.approvers.join(' or ') || 'An approver';
    const by = v.stage.decideBy ? `, by ${formatWhen(v.stage.decideBy, t)}` : '';
    return `${who} decides (stage ${v.stage.number} of ${v.stage.count})${by}.`;
  }
  const o = v.outcome;
  if (o?.result === 'expired') return 'Nobody decided in time, so the request was denied automatically.';
  if (o?.result === 'canceled')
    return `${o.via ? 'Canceled outside Teams' : 'You canceled it'}, ${formatWhen(o.at, t)}.`;
  if (o) {
    const reason = o.reason ? `: "${o.reason}"` : '.';
    return `${o.result === 'approved' ? 'Approved' : 'Denied'} by ${o.by?.displayName ?? 'an approver'}, ${formatWhen(o.at, t)}${reason}`;
  }
  return '';
}

/** "30 days" or "until Wed 1 Apr, 00:00 (in a month)"; empty when it does not apply any more. */
export function accessLastsText(v: RequestStatusView, t: UserTime): string {
  if (!LASTS_SHOWN.has(v.state)) return '';
  if (v.accessLasts?.endDateTime) return `until ${formatWhen(v.accessLasts.endDateTime, t)}`;
  return formatDuration(v.accessLasts?.duration) ?? '';
}

/** The requester's status card (updated in place as the request moves on). */
export function renderStatusCard(v: RequestStatusView, t: UserTime, notice = ''): AdaptiveCard {
  const state = STATES[v.state];
  const lasts = accessLastsText(v, t);
  const facts = [
    { title: 'Request', value: v.requestType === 'extend' ? 'Extension' : 'New access' },
    { title: 'Policy', value: v.policy },
    { title: 'Requested', value: formatWhen(v.createdAt, t) },
    ...(lasts ? [{ title: 'Access lasts', value: lasts }] : []),
  ];
  return renderTemplate(template, {
    itemId: v.itemId,
    title: v.package.displayName,
    stateText: state.text,
    tone: state.tone,
    detail: statusLine(v, t),
    notice,
    facts,
    canCancel: v.canCancel,
  });
}
