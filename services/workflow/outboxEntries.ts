import type { OutboxEntry } from '../ports/workflowStore';

/** Pure changes to outbox entries, applied inside version-conditional updates by the OutboxRunner. */
export const outboxEntries = {
  /** True when the entry is not done and its time has come (a lease pushes its time out). */
  isDue: (e: OutboxEntry, now: Date) => !e.doneAt && e.nextAttemptAt.getTime() <= now.getTime(),

  /** Reserves the entry for `leaseMs` and counts the attempt. */
  lease: (e: OutboxEntry, now: Date, leaseMs: number): OutboxEntry => ({
    ...e,
    attempts: e.attempts + 1,
    nextAttemptAt: new Date(now.getTime() + leaseMs),
  }),

  /** Marks entry `id` done; `error` records a permanent failure. */
  done: (outbox: OutboxEntry[], id: string, now: Date, error?: string): OutboxEntry[] =>
    outbox.map((e) => (e.id === id ? { ...e, doneAt: now, lastError: error } : e)),

  /** Puts entry `e` back to run after `waitMs`, with the error that made it wait and the handler's note. */
  retry: (
    outbox: OutboxEntry[],
    e: OutboxEntry,
    now: Date,
    waitMs: number,
    error: string,
    note: Record<string, unknown> = {},
  ): OutboxEntry[] =>
    outbox.map((x) =>
      x.id === e.id && !x.doneAt
        ? {
            ...e,
            payload: { ...e.payload, ...note },
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
