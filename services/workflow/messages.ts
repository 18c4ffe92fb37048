import type { SentMessage } from '../ports/notifier';

/** A message sent for an item, with the notification kind it shows, so an update re-renders it. */
export interface ItemMessage extends SentMessage {
  kind: string;
}

/** Items that send proactive messages keep them here (key → message), to update them in place later. */
export interface HasMessages {
  messages: Record<string, ItemMessage>;
}
