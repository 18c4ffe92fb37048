import type { Clock } from '../clock';
import type { AssignmentInfo, EntitlementGateway } from '../ports/entitlement';
import type { JobStore } from '../ports/jobStore';
import type { Notification } from '../ports/notifier';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import type { HasMessages } from '../workflow/messages';
import { sendEffect } from '../workflow/notifyEffects';
import { AccessNotification } from './model';
import { extendableAssignments } from './extendable';

/** Workflow kind of one expiry warning (one per assignment and threshold). */
export const EXPIRY_WARNING = 'expiryWarning';
/** Job type of the periodic scan. */
export const EXPIRY_SCAN_JOB = 'access.expiryScan';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Data of the 'access.expiring' card. */
export interface ExpiringCardData {
  assignmentId: string;
  package: { id: string; displayName: string };
  endsAt: string;
  /** The warning threshold this card is for (7 or 1 by default). */
  thresholdDays: number;
  /** Its policy lets the user extend it; absent in warnings stored before this was known. */
  extendable?: boolean;
}

interface WarningData extends HasMessages {
  userId: string;
  card: ExpiringCardData;
}

/**
 * Warns users before their access expires (config `expiryWarningDays`, e.g. 7 then 1): an hourly
 * scan finds assignments ending within the largest threshold and records one warning item per
 * assignment and threshold (its id is the idempotency), whose outbox sends the card exactly once.
 */
export class ExpiryWarningService {
  constructor(
    private readonly deps: {
      entitlement: EntitlementGateway;
      workflows: WorkflowStore;
      jobs: JobStore;
      clock: Clock;
      days: readonly number[];
    },
  ) {}

  /** Warns about every assignment that crossed a threshold; returns how many new warnings. */
  async scan(): Promise<number> {
    const now = this.deps.clock.now();
    const thresholds = [...this.deps.days].sort((a, b) => a - b);
    const horizon = new Date(now.getTime() + (thresholds.at(-1) ?? 0) * DAY);
    let created = 0;
    for (const a of await this.deps.entitlement.assignmentsExpiringBefore(horizon)) {
      const userId = a.target?.objectId;
      if (!a.endDateTime || !userId || a.state !== 'delivered') continue;
      const left = new Date(a.endDateTime).getTime() - now.getTime();
      const threshold = thresholds.find((t) => left > 0 && left <= t * DAY);
      if (threshold === undefined) continue;
      if (await this.warn(a, userId, threshold, now)) created++;
    }
    return created;
  }

  /** Keeps one scan scheduled for the next hour; replicas agree on its id, so there is one. */
  async scheduleNext(): Promise<void> {
    const now = this.deps.clock.now();
    const next = new Date(Math.floor(now.getTime() / HOUR) * HOUR + HOUR);
    await this.deps.jobs.schedule(
      { id: `${EXPIRY_SCAN_JOB}:${next.toISOString()}`, type: EXPIRY_SCAN_JOB, runAt: next, payload: {} },
      now,
    );
  }

  /** Whether the warning may offer Extend (the policy must let users extend; see extendable.ts). */
  private async extendable(a: AssignmentInfo): Promise<boolean> {
    const packageId = a.accessPackage?.id;
    if (!packageId) return false;
    return (
      await extendableAssignments(this.deps.entitlement, [{ id: a.id, packageId, policyId: a.policyId }])
    ).has(a.id);
  }

  private async warn(a: AssignmentInfo, userId: string, threshold: number, now: Date): Promise<boolean> {
    const id = `expiry:${a.id}:${threshold}`;
    const card: ExpiringCardData = {
      assignmentId: a.id,
      package: {
        id: a.accessPackage?.id ?? '',
        displayName: a.accessPackage?.displayName ?? 'Access package',
      },
      endsAt: a.endDateTime!,
      thresholdDays: threshold,
      extendable: await this.extendable(a),
    };
    const { created } = await this.deps.workflows.create<WarningData>({
      id,
      kind: EXPIRY_WARNING,
      state: 'open',
      idempotencyKey: id,
      subjects: [userId],
      data: { userId, card, messages: {} },
      outbox: [
        sendEffect('expiring', userId, AccessNotification.expiring, now),
        auditEffect({
          id: `access.expiryWarned:${id}`,
          at: now,
          type: 'access.expiryWarned',
          itemId: id,
          summary: `Warned ${userId}: ${card.package.displayName} ends ${card.endsAt}`,
          details: { threshold },
        }),
      ],
      at: now,
    });
    return created;
  }
}

/** Notification builder for 'access.expiring'. */
export function expiringNotification(item: WorkflowItem<WarningData>): Notification {
  return { kind: AccessNotification.expiring, data: { ...item.data.card } };
}
