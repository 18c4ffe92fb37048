import { createHash } from 'node:crypto';
import type { Requester, StageRecord } from '../approvals/model';
import { approvalKeys } from '../approvals/keys';
import type { Expiration } from '../ports/entitlement';
import type { SentMessage } from '../ports/notifier';
import type { NewWorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { effect } from '../workflow/mutate';
import { ACCESS_REQUEST, AccessEffect, AccessNotification, type AccessRequestData } from './model';

/**
 * The item id comes from the requester and the card's idempotency key: a double click or a second
 * tab finds the same id, so the store creates one item and the outbox submits one Graph request.
 */
export function requestItemId(userId: string, idempotencyKey: string): string {
  return `ar-${createHash('sha256').update(`${userId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** A new request item, persisted before anything is sent to Graph (the submit is its first effect). */
export function newRequestItem(args: {
  userId: string;
  idempotencyKey: string;
  requester: Requester;
  data: Omit<AccessRequestData, 'approval' | 'messages' | 'requesterId'>;
  stages: StageRecord[];
  /** The card the user clicked, so status changes update it in place. */
  sourceMessage?: SentMessage;
  source?: Record<string, string>;
  now: Date;
}): NewWorkflowItem<AccessRequestData> {
  const id = requestItemId(args.userId, args.idempotencyKey);
  const { data, now } = args;
  const facts = [{ label: 'Policy', value: data.policy.displayName }];
  if (data.requestType === 'extend')
    facts.unshift({ label: 'Request', value: 'Extension of existing access' });
  const messages: AccessRequestData['messages'] = args.sourceMessage
    ? { [approvalKeys.requesterStatus]: { ...args.sourceMessage, kind: AccessNotification.requestStatus } }
    : {};
  return {
    id,
    kind: ACCESS_REQUEST,
    state: 'submitted',
    idempotencyKey: `${args.userId}:${args.idempotencyKey}`,
    subjects: [args.userId],
    data: {
      ...data,
      requesterId: args.userId,
      messages,
      approval: {
        requester: args.requester,
        subject: {
          title: data.package.displayName,
          justification: data.justification,
          answers: data.answers.map((a) => ({ question: a.question, answer: a.displayValue ?? a.value })),
          facts,
          grants: data.grants,
          lasts: lastsOf(data.schedule?.expiration ?? data.policy.expiration),
        },
        stages: args.stages,
        current: 0,
      },
    },
    outbox: [
      effect('submit', AccessEffect.submit, {}, now),
      auditEffect({
        id: `access-requested:${id}`,
        at: now,
        type: 'access.requested',
        actorId: args.userId,
        itemId: id,
        summary: `${args.requester.displayName} requested ${data.requestType === 'extend' ? 'an extension of ' : ''}${data.package.displayName}`,
        source: args.source,
        details: { packageId: data.package.id, policyId: data.policy.id },
      }),
    ],
    at: now,
  };
}

/** How long the access lasts, as the approver's card says it; nothing when it does not expire. */
function lastsOf(e: Expiration | undefined): { duration?: string; endDateTime?: string } | undefined {
  if (e?.type === 'afterDuration' && e.duration) return { duration: e.duration };
  if (e?.type === 'afterDateTime' && e.endDateTime) return { endDateTime: e.endDateTime };
  return undefined;
}
