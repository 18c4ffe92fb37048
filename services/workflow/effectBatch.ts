import type { AuditEvent, AuditLog } from '../ports/auditLog';
import type { OutboxEntry, WorkflowItem } from '../ports/workflowStore';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { backoffMs } from './backoff';
import {
  type EffectHandler,
  type Followup,
  isPermanentFailure,
  retryAfterMs,
  RetryEffectError,
} from './effects';
import { applyPatch, type ItemPatch } from './mutate';
import { errorLine, outboxEntries } from './outboxEntries';

type Item = WorkflowItem<Record<string, unknown>>;
type Mark = (outbox: OutboxEntry[], now: Date) => OutboxEntry[];

interface BatchDeps {
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  handlers: Readonly<Record<string, EffectHandler>>;
}

interface BatchOptions {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  random: () => number;
}

/**
 * The effects one runner carries out in one round, and what they leave behind: how each entry is marked
 * (done, failed for good, or to retry), the followups that record their results, and the audit events
 * they wrote, appended together. Applied to the freshest item in one write by the OutboxRunner.
 */
export class EffectBatch {
  private audit: AuditEvent[] = [];
  private readonly marks: Mark[] = [];
  private readonly followups: Followup<Record<string, unknown>>[] = [];

  constructor(
    private readonly deps: BatchDeps,
    private readonly o: BatchOptions,
    private readonly assertions: ReadonlyMap<string, string>,
  ) {}

  /** Runs one entry's handler against `item` (as leased) and records the outcome; never throws. */
  async run(item: Item, entry: OutboxEntry): Promise<void> {
    const handler = this.deps.handlers[entry.type];
    const ctx = {
      item,
      entry,
      now: this.deps.clock.now(),
      assertions: this.assertions,
      audit: (event: AuditEvent) => void this.audit.push(event),
    };
    try {
      if (!handler) throw new Error(`No handler for effect type '${entry.type}'`);
      const followup = await handler.run(ctx);
      const keep = handler.keepsPayload;
      this.marks.push((outbox, now) => outboxEntries.done(outbox, entry.id, now, undefined, keep));
      if (followup) this.followups.push(followup);
    } catch (err) {
      const permanent = isPermanentFailure(err) || entry.attempts >= this.o.maxAttempts;
      this.deps.logger.warn(
        { err, itemId: item.id, effect: entry.id, attempts: entry.attempts, permanent },
        'effect failed',
      );
      if (!permanent) return this.retryLater(entry, err);
      try {
        const followup = handler?.onFailed?.(ctx, err);
        if (followup) this.followups.push(followup);
      } catch (hookErr) {
        this.deps.logger.error({ err: hookErr, itemId: item.id }, 'onFailed hook threw');
      }
      this.marks.push((outbox, now) => outboxEntries.done(outbox, entry.id, now, errorLine(err)));
      this.audit.push({
        id: `effect-failed:${item.id}:${entry.id}`,
        at: this.deps.clock.now(),
        type: 'effect.failed',
        itemId: item.id,
        summary: `${entry.type} failed for good after ${entry.attempts} attempt(s): ${errorLine(err)}`,
        details: { effectId: entry.id, effectType: entry.type, attempts: entry.attempts },
      });
    }
  }

  /** The audit events recorded since the last call, to append together. */
  takeAudit(): AuditEvent[] {
    const events = this.audit;
    this.audit = [];
    return events;
  }

  /** The patch marking every entry of the batch and applying its followups, in order, to `fresh`. */
  applyTo(fresh: Item, now: Date): ItemPatch<Record<string, unknown>> {
    const outbox = this.marks.reduce((o, mark) => mark(o, now), fresh.outbox);
    let acc: Item = { ...fresh, outbox };
    for (const followup of this.followups) {
      const patch = followup(acc);
      if (patch) acc = applyPatch(acc, patch);
    }
    return { state: acc.state, data: acc.data, subjects: acc.subjects, outbox: acc.outbox };
  }

  private retryLater(entry: OutboxEntry, err: unknown): void {
    const wait = Math.max(
      retryAfterMs(err) ?? 0,
      backoffMs(entry.attempts, this.o.backoffBaseMs, this.o.backoffCapMs, this.o.random),
    );
    const note = err instanceof RetryEffectError ? err.note : undefined;
    this.marks.push((outbox, now) => outboxEntries.retry(outbox, entry.id, now, wait, errorLine(err), note));
  }
}
