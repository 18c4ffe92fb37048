import type { Collection } from 'mongodb';
import type { ConversationRecord, ConversationStore } from '../../ports/conversationStore';
import { SCHEMA_VERSION, toConversationRecord, type ConversationDoc } from './documents';
import { isDuplicateKey } from './errors';

/** Conversation references in the `conversations` collection, one document per user id. */
export class MongoConversationStore implements ConversationStore {
  constructor(private readonly records: Collection<ConversationDoc>) {}

  async save(record: ConversationRecord): Promise<void> {
    const { userId, ...rest } = record;
    const doc = { schemaVersion: SCHEMA_VERSION, ...rest };
    try {
      await this.records.replaceOne({ _id: userId }, doc, { upsert: true });
    } catch (error) {
      // Two first saves for one user raced to insert; the loser replaces the winner's document.
      if (!isDuplicateKey(error)) throw error;
      await this.records.replaceOne({ _id: userId }, doc);
    }
  }

  async get(userId: string): Promise<ConversationRecord | undefined> {
    const doc = await this.records.findOne({ _id: userId });
    return doc ? toConversationRecord(doc) : undefined;
  }
}
