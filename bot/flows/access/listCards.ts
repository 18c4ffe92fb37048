import expiringTemplate from '../../../cards/templates/access-expiring.json';
import template from '../../../cards/templates/access-list.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { MyAccessEntry } from '../../../services/access/accessExtensionService';
import type { ExpiringCardData } from '../../../services/access/expiryWarningService';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
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

/** "my requests": status, the stage waiting, and Cancel where possible. */
export function renderMyRequestsCard(rows: RequestStatusView[], t: UserTime): AdaptiveCard {
  return renderTemplate(template, {
    heading: 'Your requests',
    emptyText: rows.length ? '' : 'You have no requests yet. Type "request access" to find a package.',
    rows: rows.slice(0, 20).map((v) => ({
      title: `${v.package.displayName}${v.requestType === 'extend' ? ' (extension)' : ''}`,
      line: `${LABEL[v.state][0]} · requested ${formatWhen(v.createdAt, t)}`,
      color: LABEL[v.state][1],
      detail: statusLine(v, t),
      action: v.canCancel ? 'access.cancel' : '',
      actionTitle: v.canCancel ? 'Cancel' : '',
      actionData: { itemId: v.itemId },
    })),
  });
}

/** "my access": what the user has, when it ends, and Extend. */
export function renderMyAccessCard(rows: MyAccessEntry[], t: UserTime): AdaptiveCard {
  return renderTemplate(template, {
    heading: 'Your access',
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
