import type { Clock } from '../clock';
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

/** Remembers how to reach each user proactively (their 1:1 conversation with the bot). */
export class ConversationService {
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
    const previous = await this.deps.store.get(input.userId);
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
    if (unchanged) return { previous, written: false };
    const { userId, tenantId, reference } = input;
    // Absent rather than undefined, so both store adapters hand back the same shape.
    await this.deps.store.save({
      userId,
      tenantId,
      reference,
      ...(timeZone ? { timeZone } : {}),
      ...(locale ? { locale } : {}),
      updatedAt: now,
    });
    return { previous, written: true };
  }

  /** The user's record, if the bot has talked with them in this tenant. */
  async find(userId: string, tenantId?: string): Promise<ConversationRecord | undefined> {
    const record = await this.deps.store.get(userId);
    if (!record || (tenantId !== undefined && record.tenantId !== tenantId)) return undefined;
    return record;
  }
}
