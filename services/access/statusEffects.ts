import { approvalKeys } from '../approvals/keys';
import { refreshEffect, sendEffect } from '../workflow/notifyEffects';
import { AccessNotification } from './model';

/**
 * Brings the requester's status card up to date: updates it in place when the bot knows the card,
 * sends one otherwise (a send with a recorded message is skipped, so both are safe together).
 */
export function statusEffects(requesterId: string, tag: string, now: Date) {
  return [
    sendEffect(approvalKeys.requesterStatus, requesterId, AccessNotification.requestStatus, now),
    refreshEffect(`status:${tag}`, approvalKeys.requesterStatus, now),
  ];
}
