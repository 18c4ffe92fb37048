/**
 * A Bot Framework conversation reference, kept as plain JSON so services never depend on botbuilder.
 * bot/ converts it to and from botbuilder's ConversationReference.
 */
export type ConversationRef = Readonly<Record<string, unknown>>;

export interface ConversationRecord {
  /** Entra object id of the user (activity.from.aadObjectId): the key for proactive 1:1 messages. */
  userId: string;
  tenantId: string;
  reference: ConversationRef;
  /** IANA zone and locale from the user's last activity (Teams' clientInfo), so proactive cards read in them. */
  timeZone?: string;
  locale?: string;
  updatedAt: Date;
}

/** Where the bot remembers how to reach each user proactively. */
export interface ConversationStore {
  /** Inserts or replaces the user's reference. */
  save(record: ConversationRecord): Promise<void>;
  get(userId: string): Promise<ConversationRecord | undefined>;
}
