import type { NewJob } from '../../services/ports/jobStore';
import type { NewWorkflowItem, OutboxEntry } from '../../services/ports/workflowStore';

/** Monday 5 January 2026, 09:00 UTC: the contract suites' "now". */
export const T0 = new Date('2026-01-05T09:00:00Z');

/** T0 plus the given minutes. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** A new access-request item; override what the test is about. */
export function newItem(overrides: Partial<NewWorkflowItem> = {}): NewWorkflowItem {
  return {
    id: 'req-1',
    kind: 'accessRequest',
    state: 'submitted',
    data: { packageId: 'pkg-1', justification: 'Quarter close', nested: { answers: ['a', 'b'] } },
    subjects: ['user-alice', 'user-bob'],
    at: T0,
    ...overrides,
  };
}

/** An outbox entry due at the given minute. */
export function effect(id: string, dueMinute: number, doneMinute?: number): OutboxEntry {
  return {
    id,
    type: 'notifyApprovers',
    payload: { approvers: ['user-bob'] },
    attempts: 0,
    nextAttemptAt: at(dueMinute),
    ...(doneMinute === undefined ? {} : { doneAt: at(doneMinute) }),
  };
}

/** A job due at the given minute. */
export function newJob(
  id: string,
  dueMinute: number,
  payload: Record<string, unknown> = { itemId: 'req-1' },
): NewJob {
  return { id, type: 'reminder', runAt: at(dueMinute), payload };
}
