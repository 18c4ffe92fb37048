import { createHash } from 'node:crypto';
import type { Requester, StageRecord } from '../approvals/model';
import { approvalKeys } from '../approvals/keys';
import type { SentMessage } from '../ports/notifier';
import type { NewWorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { effect } from '../workflow/mutate';
import type { ActivationForm } from './pimRoles';
import { PIM_ACTIVATION, PimEffect, PimNotification, type PimActivationData } from './model';
import type { ValidActivation } from './validateActivation';
import { formatHours } from './hours';

/** One item per requester and card idempotency key: a double click finds the same activation. */
export function activationItemId(userId: string, idempotencyKey: string): string {
  return `pim-${createHash('sha256').update(`${userId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** Entra gives approvers of a role activation one day, fixed (approvalStageTimeOutInDays: 1). */
const APPROVAL_WINDOW = 'P1D';

/** A new activation, persisted before Graph hears of it (the submit is its first effect). */
export function newActivationItem(args: {
  userId: string;
  idempotencyKey: string;
  requester: Requester;
  form: ActivationForm;
  valid: ValidActivation;
  requestType: PimActivationData['requestType'];
  notify: string[];
  sourceMessage?: SentMessage;
  source?: Record<string, string>;
  now: Date;
}): NewWorkflowItem<PimActivationData> {
  const { form, valid, now } = args;
  const id = activationItemId(args.userId, args.idempotencyKey);
  const stages: StageRecord[] = form.policy.requireApproval
    ? [
        {
          index: 0,
          state: 'NotStarted',
          approvers: form.approvers,
          usedFallback: false,
          escalationApprovers: [],
          escalated: false,
          // Graph refuses a role approval without the approver's justification.
          reasonRequired: true,
          decideWithin: APPROVAL_WINDOW,
        },
      ]
    : [];
  const facts = [
    { label: 'Role', value: form.roleName },
    { label: 'Scope', value: form.directoryScopeId === '/' ? 'Directory' : form.directoryScopeId },
    { label: 'Duration', value: formatHours(valid.duration) },
    ...(valid.ticket
      ? [{ label: 'Ticket', value: [valid.ticket.system, valid.ticket.number].filter(Boolean).join(' ') }]
      : []),
  ];
  const messages: PimActivationData['messages'] = args.sourceMessage
    ? { [approvalKeys.requesterStatus]: { ...args.sourceMessage, kind: PimNotification.status } }
    : {};
  return {
    id,
    kind: PIM_ACTIVATION,
    state: 'submitted',
    idempotencyKey: `${args.userId}:${args.idempotencyKey}`,
    subjects: [args.userId],
    data: {
      requesterId: args.userId,
      requestType: args.requestType,
      role: { id: form.roleId, displayName: form.roleName },
      directoryScopeId: form.directoryScopeId,
      justification: valid.justification,
      ticket: valid.ticket,
      duration: valid.duration,
      startDateTime: valid.startDateTime,
      policy: {
        maximumDuration: form.policy.maximumDuration,
        requireMfa: form.policy.requireMfa || !!form.policy.authenticationContext,
        approvalRequired: stages.length > 0,
        notify: args.notify,
      },
      attempts: 0,
      messages,
      approval: {
        requester: args.requester,
        subject: {
          title: `${form.roleName} (role activation)`,
          justification: valid.justification,
          answers: [],
          facts,
        },
        stages,
        current: 0,
        // Expired unanswered: the requester's own card says so, and offers to ask again.
        outcomeNotices: { expired: PimNotification.status },
      },
    },
    outbox: [
      effect('submit:1', PimEffect.submit, {}, now),
      auditEffect({
        id: `pim-requested:${id}`,
        at: now,
        type: 'pim.requested',
        actorId: args.userId,
        itemId: id,
        summary: `${args.requester.displayName} asked to activate ${form.roleName} for ${formatHours(valid.duration)}`,
        source: args.source,
        details: { roleId: form.roleId, duration: valid.duration },
      }),
    ],
    at: now,
  };
}
