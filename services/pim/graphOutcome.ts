import { subjectsWithApprovers } from '../approvals/approvalCards';
import { approvalKeys } from '../approvals/keys';
import { startStage } from '../approvals/stageStart';
import { requestMachine, type RequestEvent, type RequestState } from '../approvals/states';
import type { OutboxEntry, WorkflowItem } from '../ports/workflowStore';
import type { RoleRequestInfo } from '../ports/pim';
import { auditEffect, scheduleTimersEffect } from '../workflow/coreEffects';
import type { ItemPatch } from '../workflow/mutate';
import { refreshEffect, sendEffect } from '../workflow/notifyEffects';
import { PimJob, PimNotification, type PimActivationData } from './model';
import { plusDuration } from './hours';
import { reminderJobs } from './approvalReminders';
import { reconcileRound } from './reconcileRound';

type Item = WorkflowItem<PimActivationData>;

/** Graph's request statuses (unifiedRoleScheduleRequest status) as request events. */
const EVENTS: Record<string, RequestEvent> = {
  PendingApproval: 'accepted',
  PendingAdminDecision: 'accepted',
  Granted: 'delivered',
  Provisioned: 'delivered',
  PendingProvisioning: 'delivered',
  PendingScheduleCreation: 'delivered',
  ScheduleCreated: 'delivered',
  Denied: 'denied',
  Canceled: 'cancel',
  Failed: 'failed',
};

/** How long before an activation ends its holder is offered Extend. */
export const ENDING_NOTICE_MS = 15 * 60_000;

/** The requester's card re-renders (in place, or as a message when the click left none). */
export function requesterStatusEffects(item: Item, tag: string, now: Date): OutboxEntry[] {
  return item.data.messages[approvalKeys.requesterStatus]
    ? [refreshEffect(`requester:${tag}`, approvalKeys.requesterStatus, now)]
    : [];
}

/**
 * The role is active from `from`: record until when, tell the policy's recipients (Notification_Admin_
 * EndUser_Assignment) and plan the "ending soon" card with Extend.
 */
export function activatedPatch(item: Item, from: Date, now: Date): ItemPatch<PimActivationData> {
  const start =
    item.data.startDateTime && new Date(item.data.startDateTime) > from
      ? new Date(item.data.startDateTime)
      : from;
  const until = plusDuration(start, item.data.duration);
  const data = { ...item.data, activeFrom: start.toISOString(), activeUntil: until.toISOString() };
  const endingAt = new Date(Math.max(now.getTime(), until.getTime() - ENDING_NOTICE_MS));
  const effects: OutboxEntry[] = [
    ...requesterStatusEffects(item, 'active', now),
    ...data.policy.notify
      .filter((id) => id !== item.data.requesterId)
      .map((id) => sendEffect(`watcher:${id}`, id, PimNotification.activated, now)),
    scheduleTimersEffect(
      'timers:ending',
      [{ id: `pim:${item.id}:ending`, type: PimJob.ending, runAt: endingAt, payload: { itemId: item.id } }],
      now,
    ),
    auditEffect({
      id: `pim-activated:${item.id}`,
      at: now,
      type: 'pim.activated',
      actorId: item.data.requesterId,
      itemId: item.id,
      summary: `${item.data.approval.requester.displayName} activated ${item.data.role.displayName} until ${until.toISOString()}`,
    }),
  ];
  return { data, effects };
}

/** PIM's timers of an approval: reminders (hours after it starts) and how often Graph is asked. */
export interface ApprovalTiming {
  reminderHours?: readonly number[];
  reconcileEveryMs?: number;
}

/**
 * Moves the item as far as Graph's answer to the activation took it. An approval starts with PIM's own
 * reminders, `reminderHours` after it starts, instead of the engine's one; its deadline asks Graph
 * first (PimJob.expire), and the reconcile rounds compare it with Graph until it ends.
 */
export function afterGraph(
  fresh: Item,
  info: RoleRequestInfo,
  now: Date,
  timing: ApprovalTiming = {},
): ItemPatch<PimActivationData> | undefined {
  const graph = { requestId: info.id, status: info.status, approvalId: info.approvalId };
  const event = EVENTS[info.status];
  const state = fresh.state as RequestState;
  if (!event || !requestMachine.can(state, event)) return { data: { ...fresh.data, graph } };
  const next = requestMachine.apply(state, event);
  const item = { ...fresh, data: { ...fresh.data, graph } };
  if (next === 'delivered') {
    const active = activatedPatch(item, now, now);
    return { ...active, state: next };
  }
  if (next === 'pendingApproval' && item.data.approval.stages.length > 0) {
    const started = startStage(fresh.id, item.data.approval, 0, now, {
      ownReminders: true,
      expireJob: PimJob.expire,
    });
    const data = { ...item.data, approval: started.approval };
    const reminders = reminderJobs(fresh.id, 0, now, timing.reminderHours ?? []);
    return {
      state: next,
      data,
      subjects: subjectsWithApprovers(fresh.subjects, data),
      effects: [
        ...started.effects,
        ...(reminders.length ? [scheduleTimersEffect('timers:reminders:0', reminders, now)] : []),
        // Not under the item's timer prefix: the round serves every waiting activation, not this one.
        scheduleTimersEffect('timers:reconcile', [reconcileRound(now, timing.reconcileEveryMs)], now),
        ...requesterStatusEffects(item, 'pending', now),
      ],
    };
  }
  const failure =
    next === 'denied' || next === 'failed'
      ? { code: info.status.toLowerCase(), message: `Microsoft Entra ID answered ${info.status}` }
      : undefined;
  return {
    state: next,
    data: { ...item.data, ...(failure && { failure }) },
    effects: requesterStatusEffects(item, next, now),
  };
}
