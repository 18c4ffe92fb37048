import template from '../../../cards/templates/access-status.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import { failureText, retryText } from './failureText';

const STATES: Record<RequestStatusView['state'], { text: string; color: string }> = {
  submitted: { text: 'Submitted', color: 'Accent' },
  pendingApproval: { text: 'Waiting for approval', color: 'Accent' },
  delivering: { text: 'Approved: your access is being set up', color: 'Good' },
  delivered: { text: 'Done: you have the access', color: 'Good' },
  denied: { text: 'Denied', color: 'Attention' },
  canceled: { text: 'Canceled', color: 'Default' },
  failed: { text: 'Not possible', color: 'Attention' },
};

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
  if (o && o.result !== 'canceled') {
    const reason = o.reason ? `: "${o.reason}"` : '.';
    return `${o.result === 'approved' ? 'Approved' : 'Denied'} by ${o.by?.displayName ?? 'an approver'}, ${formatWhen(o.at, t)}${reason}`;
  }
  return '';
}

/** The requester's status card (updated in place as the request moves on). */
export function renderStatusCard(v: RequestStatusView, t: UserTime): AdaptiveCard {
  const state = STATES[v.state];
  const lasts = v.accessLasts?.endDateTime
    ? `until ${formatWhen(v.accessLasts.endDateTime, t)}`
    : formatDuration(v.accessLasts?.duration);
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
    color: state.color,
    detail: statusLine(v, t),
    facts,
    canCancel: v.canCancel,
  });
}
