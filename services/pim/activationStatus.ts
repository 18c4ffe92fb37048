import { shown } from '../approvals/approvalCards';
import type { Notification } from '../ports/notifier';
import type { WorkflowItem } from '../ports/workflowStore';
import type { NotificationBuilder } from '../workflow/notifyEffects';
import { PimNotification, type PimActivationData } from './model';

/** What the requester's activation card shows. Times are ISO 8601. */
export interface ActivationStatusView {
  itemId: string;
  roleId: string;
  roleName: string;
  requestType: PimActivationData['requestType'];
  /**
   * 'stepUp' while held for the MFA sign-in; 'active' once granted; 'ended' after deactivation;
   * 'expired' when no approver decided in time (Graph denies it then).
   */
  status:
    | 'submitted'
    | 'stepUp'
    | 'pendingApproval'
    | 'scheduled'
    | 'active'
    | 'ended'
    | 'denied'
    | 'expired'
    | 'canceled'
    | 'failed';
  duration: string;
  justification?: string;
  ticket?: string;
  approvers: string[];
  activeFrom?: string;
  activeUntil?: string;
  stepUpExpiresAt?: string;
  /** The claims challenge the MFA sign-in must satisfy, while held. */
  stepUpClaims?: string;
  decision?: { by?: string; reason?: string; at: string };
  failure?: { code: string; message: string };
}

/** The requester's view of the item as it is now. */
export function activationStatus(item: WorkflowItem<PimActivationData>, now: Date): ActivationStatusView {
  const d = item.data;
  const s = item.state;
  let status: ActivationStatusView['status'];
  if (s === 'submitted') status = d.stepUp ? 'stepUp' : 'submitted';
  else if (s === 'delivered' || s === 'delivering') {
    const ended = d.deactivatedAt || (d.activeUntil && new Date(d.activeUntil) <= now);
    const later = d.activeFrom && new Date(d.activeFrom) > now;
    status = ended ? 'ended' : later ? 'scheduled' : 'active';
  } else status = s as ActivationStatusView['status'];
  const outcome = d.approval.outcome;
  if (s === 'denied' && outcome?.result === 'expired') status = 'expired';
  return {
    itemId: item.id,
    roleId: d.role.id,
    roleName: d.role.displayName,
    requestType: d.requestType,
    status,
    duration: d.duration,
    justification: d.justification,
    ticket: d.ticket ? [d.ticket.system, d.ticket.number].filter(Boolean).join(' ') : undefined,
    approvers: d.approval.stages.flatMap((st) => st.approvers.map((p) => p.displayName)),
    activeFrom: d.activeFrom,
    activeUntil: d.deactivatedAt ?? d.activeUntil,
    stepUpExpiresAt: d.stepUp?.expiresAt,
    stepUpClaims: d.stepUp?.claims,
    // A decision made in the Entra admin center says so: "an approver (in the Entra admin center)".
    decision: outcome && { by: shown(outcome)?.by?.displayName, reason: outcome.reason, at: outcome.at },
    failure: d.failure,
  };
}

/** Notification builders of PIM activations (requester status, watchers' notice, ending soon). */
export const pimNotificationBuilders: Record<string, NotificationBuilder> = {
  [PimNotification.status]: (item, _userId, now): Notification => ({
    kind: PimNotification.status,
    data: { ...activationStatus(item as WorkflowItem<PimActivationData>, now) },
  }),
  [PimNotification.ending]: (item, _userId, now): Notification => ({
    kind: PimNotification.ending,
    data: { ...activationStatus(item as WorkflowItem<PimActivationData>, now) },
  }),
  [PimNotification.activated]: (item, _userId, now): Notification => {
    const i = item as WorkflowItem<PimActivationData>;
    return {
      kind: PimNotification.activated,
      data: { ...activationStatus(i, now), requester: i.data.approval.requester.displayName },
    };
  },
};
