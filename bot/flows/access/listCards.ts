import expiringTemplate from '../../../cards/templates/access-expiring.json';
import template from '../../../cards/templates/access-list.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { MyAccessEntry } from '../../../services/access/accessExtensionService';
import type { ExpiringCardData } from '../../../services/access/expiryWarningService';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ElsewhereRequestView, MyRequests } from '../../../services/access/myRequests';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import type { ApprovalRequestCardData } from '../../../services/approvals/approvalCards';
import { statusLine } from './statusCard';

const LABEL: Record<RequestStatusView['state'], [string, string]> = {
  submitted: ['Submitted', 'Accent'],
  pendingApproval: ['Waiting for approval', 'Accent'],
  delivering: ['Approved, being set up', 'Good'],
  delivered: ['Delivered', 'Good'],
  denied: ['Denied', 'Attention'],
  canceled: ['Canceled', 'Default'],
  failed: ['Not possible', 'Attention'],
};

/** Graph's states, for requests made outside the bot. */
const GRAPH_LABEL: Record<string, [string, string]> = {
  ...LABEL,
  scheduled: ['Scheduled', 'Accent'],
  deliveryFailed: ['Delivery failed', 'Attention'],
  partiallyDelivered: ['Partly delivered', 'Warning'],
};

/** What a Graph request type adds to the package name. */
const KIND: Record<string, string> = {
  userextend: ' (extension)',
  userupdate: ' (change)',
  userremove: ' (removal)',
  onbehalfadd: ' (requested for you)',
};

const MY_ACCESS = 'https://myaccess.microsoft.com';
const NO_ACTION = { action: '', actionTitle: '', actionData: {} };

/** "my requests": status, the stage waiting, and Cancel where possible; requests made elsewhere too. */
export function renderMyRequestsCard(list: MyRequests, t: UserTime): AdaptiveCard {
  const notes = [
    list.elsewhereLoaded
      ? ''
      : 'Requests you made outside Teams (in My Access) could not be loaded just now. Try again in a few minutes.',
    list.truncated ? `Showing your ${list.rows.length} newest requests.` : '',
  ];
  return renderTemplate(template, {
    heading: 'Your requests',
    emptyText: list.rows.length
      ? ''
      : `You have no requests${list.elsewhereLoaded ? '' : ' made in Teams'} yet. Type "request access" to find a package.`,
    note: notes.filter(Boolean).join(' '),
    rows: list.rows.map((v) => (v.source === 'teams' ? teamsRow(v, t) : elsewhereRow(v, t))),
  });
}

function teamsRow(v: RequestStatusView, t: UserTime) {
  return {
    title: `${v.package.displayName}${v.requestType === 'extend' ? ' (extension)' : ''}`,
    line: `${LABEL[v.state][0]} · requested ${formatWhen(v.createdAt, t)}`,
    color: LABEL[v.state][1],
    detail: statusLine(v, t),
    ...(v.canCancel
      ? { action: 'access.cancel', actionTitle: 'Cancel', actionData: { itemId: v.itemId } }
      : NO_ACTION),
  };
}

// Read-only: a Cancel here would change Graph with no stored decision behind it; My Access cancels it.
function elsewhereRow(v: ElsewhereRequestView, t: UserTime) {
  const [label, color] = GRAPH_LABEL[v.state] ?? [words(v.state), 'Default'];
  const status = v.status && v.status.toLowerCase() !== v.state.toLowerCase() ? words(v.status) : '';
  return {
    title: `${v.package.displayName}${KIND[v.requestType.toLowerCase()] ?? ''}`,
    line: v.createdAt ? `${label} · requested ${formatWhen(v.createdAt, t)}` : label,
    color,
    detail: [
      'Requested outside Teams, in My Access.',
      status ? `Status in Microsoft Entra: ${status}.` : '',
      v.cancelable ? 'To cancel it, open My Access.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    ...NO_ACTION,
    // A button rather than a markdown link: row texts are shown as plain text.
    ...(v.cancelable ? { openUrl: MY_ACCESS, openTitle: 'Open My Access' } : {}),
  };
}

/** 'PendingApprovalEscalated' → 'Pending approval escalated'. */
function words(camel: string): string {
  const s = camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "my access": what the user has, when it ends, and Extend. */
export function renderMyAccessCard(rows: MyAccessEntry[], t: UserTime): AdaptiveCard {
  return renderTemplate(template, {
    heading: 'Your access',
    note: '',
    emptyText: rows.length ? '' : 'You have no access packages yet. Type "request access" to find one.',
    rows: rows.slice(0, 20).map((a) => ({
      title: a.package.displayName,
      line: a.endsAt ? `Ends ${formatWhen(a.endsAt, t)}` : 'Does not expire',
      color: 'Default',
      detail: '',
      action: a.endsAt ? 'access.extend' : '',
      actionTitle: 'Extend',
      actionData: {
        assignmentId: a.assignmentId,
        idempotencyKey: `extend:${a.assignmentId}:${a.endsAt ?? ''}`,
      },
    })),
  });
}

/** The proactive warning before access expires, with Extend. */
export function renderExpiringCard(d: ExpiringCardData, t: UserTime): AdaptiveCard {
  return renderTemplate(expiringTemplate, {
    heading: `Your access to ${d.package.displayName} ends soon`,
    detail: `It ends ${formatWhen(d.endsAt, t)}. Extend it now to keep working without a break.`,
    assignmentId: d.assignmentId,
    // One extension per warning: a double click or a second tab does not ask twice.
    idempotencyKey: `extend:${d.assignmentId}:${d.endsAt}`,
  });
}

/** "approvals": the requests waiting for the user's decision; Open shows the full approval card. */
export function renderWaitingApprovalsCard(rows: ApprovalRequestCardData[], t: UserTime): AdaptiveCard {
  return renderTemplate(template, {
    heading: 'Waiting for your decision',
    note: '',
    emptyText: rows.length ? '' : 'Nothing is waiting for your decision.',
    rows: rows.slice(0, 20).map((d) => ({
      title: `${d.requester.displayName} asks for ${d.title}`,
      line: `Stage ${d.stage.number} of ${d.stage.count}`,
      color: 'Accent',
      detail: d.stage.decideBy ? `Decide by ${formatWhen(d.stage.decideBy, t)}` : '',
      action: 'approval.refresh',
      actionTitle: 'Open',
      actionData: { itemId: d.itemId },
    })),
  });
}
