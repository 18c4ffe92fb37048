import type { Clock } from '../clock';
import { LruCache } from '../lru';
import type { ConversationRecord, ConversationRef, ConversationStore } from '../ports/conversationStore';

/** What remember() found before it wrote. */
export interface RememberResult {
  /** The record as it was before this call; undefined the first time the user is seen. */
  previous?: ConversationRecord;
  /** False when the stored reference was identical and fresh, so nothing was written. */
  written: boolean;
}

/** An unchanged reference is rewritten at most this often, so chatty users do not cost a write per message. */
const REFRESH_AFTER_MS = 60 * 60 * 1000;

/**
 * How long a record read or written here is reused without asking the store: a reference changes
 * rarely (a new chat, another region's serviceUrl), and every turn and every card needs one.
 */
const CACHE_MS = 5 * 60 * 1000;

/** Remembers how to reach each user proactively (their 1:1 conversation with the bot). */
export class ConversationService {
  private readonly cache = new LruCache<string, ConversationRecord>(10_000);

  constructor(private readonly deps: { store: ConversationStore; clock: Clock }) {}

  /** Saves the user's conversation reference, keyed by Entra object id within their tenant. */
  async remember(input: {
    userId: string;
    tenantId: string;
    reference: ConversationRef;
    timeZone?: string;
    locale?: string;
  }): Promise<RememberResult> {
    if (!input.userId || !input.tenantId) throw new Error('remember() needs a userId and a tenantId');
    const now = this.deps.clock.now();
    const previous = this.cache.get(input.userId) ?? (await this.deps.store.get(input.userId));
    // Activities without clientInfo (some installation events) keep what an earlier one told us.
    const timeZone = input.timeZone ?? previous?.timeZone;
    const locale = input.locale ?? previous?.locale;
    const unchanged =
      previous !== undefined &&
      previous.tenantId === input.tenantId &&
      JSON.stringify(previous.reference) === JSON.stringify(input.reference) &&
      previous.timeZone === timeZone &&
      previous.locale === locale &&
      now.getTime() - previous.updatedAt.getTime() < REFRESH_AFTER_MS;
    if (unchanged) {
      this.keep(previous);
      return { previous, written: false };
    }
    const { userId, tenantId, reference } = input;
    // Absent rather than undefined, so both store adapters hand back the same shape.
    const record: ConversationRecord = {
      userId,
      tenantId,
      reference,
      ...(timeZone ? { timeZone } : {}),
      ...(locale ? { locale } : {}),
      updatedAt: now,
    };
    await this.deps.store.save(record);
    this.keep(record, true);
    return { previous, written: true };
  }

  /** The user's record, if the bot has talked with them in this tenant. */
  async find(userId: string, tenantId?: string): Promise<ConversationRecord | undefined> {
    const record = this.cache.get(userId) ?? (await this.deps.store.get(userId));
    if (record) this.keep(record);
    if (!record || (tenantId !== undefined && record.tenantId !== tenantId)) return undefined;
    return record;
  }

  /** Drops what this process remembers of the user (their chat is gone): the next look asks the store. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }

  /** Caches the record; one already cached keeps its expiry (so it is read again within CACHE_MS). */
  private keep(record: ConversationRecord, replace = false): void {
    if (replace || !this.cache.get(record.userId))
      this.cache.set(record.userId, record, Date.now() + CACHE_MS);
  }
}
