import type { OutboxEntry } from '../ports/workflowStore';

/** Pure changes to outbox entries, applied inside version-conditional updates. */
export const outboxEntries = {
  /** True when the entry is not done and its time has come. */
  isDue: (e: OutboxEntry, now: Date) => !e.doneAt && e.nextAttemptAt.getTime() <= now.getTime(),

  /** Counts an attempt of every entry due at `now`: done when a lease is taken for them. */
  countAttempts: (outbox: OutboxEntry[], now: Date): OutboxEntry[] =>
    outbox.map((e) => (outboxEntries.isDue(e, now) ? { ...e, attempts: e.attempts + 1 } : e)),

  /**
   * Marks entry `id` done; `error` records a permanent failure. A success keeps the entry's id (a patch
   * adding the same id again stays done) but not its payload, unless `keepPayload` (others read it):
   * the audit trail keeps what happened, items stay small, and every read and write of one pays for
   * its size (FerretDB 1.24 read a 7 KB item, 4.6 KB of it done entries, in 5.4 ms, a 4 KB one in 3.6).
   */
  done: (outbox: OutboxEntry[], id: string, now: Date, error?: string, keepPayload = false): OutboxEntry[] =>
    outbox.map((e) =>
      e.id !== id
        ? e
        : error || keepPayload
          ? { ...e, doneAt: now, lastError: error }
          : { ...e, payload: {}, doneAt: now, lastError: undefined },
    ),

  /** Puts entry `id` back to run after `waitMs`, with the error that made it wait and the handler's note. */
  retry: (
    outbox: OutboxEntry[],
    id: string,
    now: Date,
    waitMs: number,
    error: string,
    note: Record<string, unknown> = {},
  ): OutboxEntry[] =>
    outbox.map((x) =>
      x.id === id && !x.doneAt
        ? {
            ...x,
            payload: { ...x.payload, ...note },
            nextAttemptAt: new Date(now.getTime() + waitMs),
            lastError: error,
          }
        : x,
    ),
};

/** A failure as one line for the item and the audit trail. */
export function errorLine(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
