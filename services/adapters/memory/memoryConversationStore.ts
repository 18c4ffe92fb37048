import type { ConversationRecord, ConversationStore } from '../../ports/conversationStore';
import { copy } from './copy';

/** Conversation references kept in a Map, for demo mode and tests. */
export class MemoryConversationStore implements ConversationStore {
  private readonly records = new Map<string, ConversationRecord>();

  async save(record: ConversationRecord): Promise<void> {
    this.records.set(record.userId, copy(record));
  }

  async get(userId: string): Promise<ConversationRecord | undefined> {
    return copy(this.records.get(userId));
  }
}
