/**
 * Proactive messages to users' 1:1 chats. Services say *what* to tell someone (a typed notification);
 * bot/ decides how it looks (which card) and how it travels (Bot Framework proactive messaging).
 */
export interface Notification {
  /** Which card to show, e.g. 'approval.request' or 'access.expiring'; bot/ maps it to a template. */
  kind: string;
  /** Everything the card needs, already resolved (names, times); plain JSON. */
  data: Record<string, unknown>;
}

/** Where a sent message lives, so it can be updated in place later. */
export interface SentMessage {
  userId: string;
  conversationId: string;
  activityId: string;
}

export interface Notifier {
  /**
   * Sends the notification to the user's personal chat with the bot.
   * Throws NotReachableError when the bot has no conversation with the user (app not installed).
   */
  send(userId: string, notification: Notification): Promise<SentMessage>;
  /** Replaces a message sent earlier with the notification's new card. */
  update(message: SentMessage, notification: Notification): Promise<void>;
}

/** The user has no conversation with the bot yet (app not installed for them): retrying will not help. */
export class NotReachableError extends Error {
  readonly code = 'notReachable';
  constructor(readonly userId: string) {
    super(`No conversation with user ${userId}: the app is not installed for them`);
    this.name = 'NotReachableError';
  }
}
