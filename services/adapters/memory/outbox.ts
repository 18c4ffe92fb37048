import type { OutboxEntry } from '../../ports/workflowStore';

/** Earliest nextAttemptAt among entries not done; undefined when nothing is pending. Shared by both adapters. */
export function earliestPendingEffect(outbox: readonly OutboxEntry[]): Date | undefined {
  let earliest: Date | undefined;
  for (const entry of outbox) {
    if (entry.doneAt) continue;
    if (!earliest || entry.nextAttemptAt.getTime() < earliest.getTime()) earliest = entry.nextAttemptAt;
  }
  return earliest ? new Date(earliest.getTime()) : undefined;
}
