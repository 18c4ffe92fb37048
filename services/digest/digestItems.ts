import type { Notification } from '../ports/notifier';
import type { NewWorkflowItem, WorkflowItem } from '../ports/workflowStore';
import type { HasMessages } from '../workflow/messages';
import { sendEffect } from '../workflow/notifyEffects';
import type { DigestCardData, FindingAction } from './cardData';
import { SECTIONS } from './model';

/** Workflow item kind of a sent digest. */
export const DIGEST_ITEM = 'digest';
/** Notification kind of the digest card. */
export const DIGEST_NOTIFICATION = 'digest.card';

/** A digest as sent: its card content, what was done from it, and the messages per recipient. */
export interface DigestItemData extends HasMessages {
  runId: string;
  card: DigestCardData;
  /** By finding key. */
  actions: Record<string, FindingAction>;
}

/** The item id of a run's digest. */
export const digestItemId = (runId: string) => `digest:${runId}`;

/** The item that sends a run's card to each recipient once (a send per recipient, recorded when done). */
export function newDigestItem(
  card: DigestCardData,
  recipients: string[],
  now: Date,
): NewWorkflowItem<DigestItemData> {
  return {
    id: digestItemId(card.runId),
    kind: DIGEST_ITEM,
    state: 'sent',
    subjects: recipients,
    data: { runId: card.runId, card, actions: {}, messages: {} },
    outbox: recipients.map((userId) => sendEffect(`to:${userId}`, userId, DIGEST_NOTIFICATION, now)),
    at: now,
  };
}

/** CSV links of one recipient: per section and all in one. */
export type LinkMaker = (runId: string, file: string, userId: string, now: Date) => string;

/** The card for one recipient, as the item is now (links signed for them, fresh each render). */
export function digestNotification(links: LinkMaker) {
  return (item: WorkflowItem<DigestItemData>, userId: string, now: Date): Notification => {
    const { card, actions } = item.data;
    return {
      kind: DIGEST_NOTIFICATION,
      data: {
        ...card,
        actions,
        allCsv: links(card.runId, 'all', userId, now),
        csv: Object.fromEntries(SECTIONS.map((s) => [s, links(card.runId, s, userId, now)])),
      },
    };
  };
}
