import type { AuditLog } from '../ports/auditLog';
import type { OutboxEntry, WorkflowItem, WorkflowStore } from '../ports/workflowStore';
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
import { mutateItem } from './mutate';
import { errorLine, outboxEntries } from './outboxEntries';
import { Poller } from './poller';

export interface OutboxOptions {
  pollMs?: number;
  /** How long a claimed effect is reserved for this runner before another may take it over. */
  leaseMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Jitter source for the backoff, [0, 1); tests pin it to 0 for exact waits. */
  random?: () => number;
  batch?: number;
}

export interface OutboxDeps extends OutboxOptions {
  store: WorkflowStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  handlers: Readonly<Record<string, EffectHandler>>;
}

/**
 * Carries out the side effects recorded in workflow items' outboxes, until done. An effect is first
 * claimed (its nextAttemptAt pushed out by a lease, version-conditionally), so of several replicas only
 * one runs it; a runner that dies mid-effect leaves it to be retried when the lease runs out.
 */
export class OutboxRunner {
  private readonly poller: Poller;
  private readonly o: Required<OutboxOptions>;

  constructor(private readonly deps: OutboxDeps) {
    this.o = {
      pollMs: deps.pollMs ?? 1000,
      leaseMs: deps.leaseMs ?? 60_000,
      maxAttempts: deps.maxAttempts ?? 8,
      backoffBaseMs: deps.backoffBaseMs ?? 2000,
      backoffCapMs: deps.backoffCapMs ?? 10 * 60_000,
      random: deps.random ?? Math.random,
      batch: deps.batch ?? 20,
    };
    this.poller = new Poller('outbox', this.o.pollMs, () => this.runDue(), deps.logger);
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Asks the poller to look again soon (after a command recorded new effects). */
  kick(): void {
    this.poller.kick();
  }

  /** Runs every due effect of every item that has one; returns how many effects ran. */
  async runDue(): Promise<number> {
    const now = this.deps.clock.now();
    const items = await this.deps.store.find({ effectsDueBy: now, limit: this.o.batch });
    let ran = 0;
    for (const item of items) ran += await this.runItem(item.id);
    return ran;
  }

  /**
   * Runs the item's due effects, including the ones they add, now. The turn that caused them passes
   * the user's SSO assertion, so a delegated Graph call does not wait for a background token.
   */
  async runItem(id: string, assertions: ReadonlyMap<string, string> = new Map()): Promise<number> {
    let ran = 0;
    for (let round = 0; round < 50; round++) {
      const claimed = await this.claim(id);
      if (!claimed) return ran;
      await this.execute(claimed.item, claimed.entry, assertions);
      ran++;
    }
    return ran;
  }

  private async claim(id: string): Promise<{ item: WorkflowItem; entry: OutboxEntry } | undefined> {
    let entryId: string | undefined;
    const now = this.deps.clock.now();
    const { item, changed } = await mutateItem<Record<string, unknown>>(
      this.deps.store,
      id,
      () => now,
      (fresh) => {
        const entry = fresh.outbox.find((e) => outboxEntries.isDue(e, now));
        if (!entry) return undefined;
        entryId = entry.id;
        const leased = outboxEntries.lease(entry, now, this.o.leaseMs);
        return { outbox: fresh.outbox.map((e) => (e.id === entry.id ? leased : e)) };
      },
    );
    const entry = item.outbox.find((e) => e.id === entryId);
    return changed && entry ? { item, entry } : undefined;
  }

  private async execute(item: WorkflowItem, entry: OutboxEntry, assertions: ReadonlyMap<string, string>) {
    const { logger } = this.deps;
    const handler = this.deps.handlers[entry.type];
    const ctx = { item, entry, now: this.deps.clock.now(), assertions };
    try {
      if (!handler) throw new Error(`No handler for effect type '${entry.type}'`);
      const followup = await handler.run(ctx);
      await this.finish(item.id, entry.id, followup ?? undefined);
    } catch (err) {
      const permanent = isPermanentFailure(err) || entry.attempts >= this.o.maxAttempts;
      logger.warn(
        { err, itemId: item.id, effect: entry.id, attempts: entry.attempts, permanent },
        'effect failed',
      );
      if (!permanent) return this.retryLater(item.id, entry, err);
      let followup: Followup<Record<string, unknown>> | undefined;
      try {
        followup = handler?.onFailed?.(ctx, err) ?? undefined;
      } catch (hookErr) {
        logger.error({ err: hookErr, itemId: item.id }, 'onFailed hook threw');
      }
      await this.finish(item.id, entry.id, followup, errorLine(err));
      await this.deps.audit.append({
        id: `effect-failed:${item.id}:${entry.id}`,
        at: this.deps.clock.now(),
        type: 'effect.failed',
        itemId: item.id,
        summary: `${entry.type} failed for good after ${entry.attempts} attempt(s): ${errorLine(err)}`,
        details: { effectId: entry.id, effectType: entry.type, attempts: entry.attempts },
      });
    }
  }

  private async finish(
    id: string,
    entryId: string,
    followup?: Followup<Record<string, unknown>>,
    error?: string,
  ) {
    const now = this.deps.clock.now();
    await mutateItem<Record<string, unknown>>(
      this.deps.store,
      id,
      () => now,
      (fresh) => {
        const outbox = outboxEntries.done(fresh.outbox, entryId, now, error);
        const patch = followup?.({ ...fresh, outbox }) ?? {};
        return { ...patch, outbox };
      },
    );
  }

  private async retryLater(id: string, entry: OutboxEntry, err: unknown) {
    const now = this.deps.clock.now();
    const wait = Math.max(
      retryAfterMs(err) ?? 0,
      backoffMs(entry.attempts, this.o.backoffBaseMs, this.o.backoffCapMs, this.o.random),
    );
    await mutateItem<Record<string, unknown>>(
      this.deps.store,
      id,
      () => now,
      (fresh) => ({
        outbox: outboxEntries.retry(
          fresh.outbox,
          entry,
          now,
          wait,
          errorLine(err),
          err instanceof RetryEffectError ? err.note : undefined,
        ),
      }),
    );
  }
}
