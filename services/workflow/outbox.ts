import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditLog } from '../ports/auditLog';
import type { OutboxEntry, WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { type EffectHandler } from './effects';
import { EffectBatch } from './effectBatch';
import { holdsLease, type LeaseRequest, mutateItem } from './mutate';
import { outboxEntries } from './outboxEntries';
import { renewWhileRunning } from './leaseRenewal';
import { Poller } from './poller';

export interface OutboxOptions {
  pollMs?: number;
  /** How long an item's effects are reserved for one runner before another may take them over. */
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

type Assertions = ReadonlyMap<string, string>;

const ORDER = { first: 0, between: 1, last: 2 } as const;

/**
 * Carries out the side effects recorded in workflow items' outboxes, until done. One runner at a time
 * holds an item's lease and runs its due effects in the order they were recorded, then marks them all
 * in one write. A command takes the lease in the same write that records its effects (see
 * `leaseRequest`), so its process runs them at once without racing the poller; the poller claims,
 * through the nextEffectAt index, only items nobody holds. A runner that dies leaves its lease to run
 * out, and the item is taken over; a long batch renews its lease.
 */
export class OutboxRunner {
  private readonly poller: Poller;
  private readonly o: Required<OutboxOptions>;
  private readonly id = randomUUID().slice(0, 8);
  private seq = 0;
  private readonly active = new Set<Promise<unknown>>();

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

  async stop(): Promise<void> {
    await this.poller.stop();
    await this.settled();
  }

  /** Asks the poller to look again soon. */
  kick(): void {
    this.poller.kick();
  }

  /** A fresh lease owner for one command's write: whoever holds it runs the effects it recorded. */
  leaseRequest(): LeaseRequest {
    return { owner: `${this.id}#${++this.seq}`, ms: this.o.leaseMs };
  }

  /** Resolves once every batch this runner has started in the background has ended. */
  async settled(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  /** Claims items with due effects (oldest due first, by index) and runs them; returns how many ran. */
  async runDue(): Promise<number> {
    const now = this.deps.clock.now();
    const items = await this.deps.store.find<Record<string, unknown>>({
      effectsDueBy: now,
      limit: this.o.batch,
    });
    let ran = 0;
    for (const item of items) {
      const claimed = await this.claim(item, now);
      if (claimed) ran += await this.drain(claimed.item, claimed.owner, new Map());
    }
    return ran;
  }

  /**
   * Runs the item's due effects now: at once when `item` carries a lease from `leaseRequest`, else after
   * claiming it (nothing when someone else holds it: they run the new effects too). The turn that caused
   * them passes the user's SSO assertion, so a delegated Graph call does not wait for a background token.
   */
  async runItem<T>(
    target: string | WorkflowItem<T>,
    assertions: Assertions = new Map(),
    owner?: string,
  ): Promise<number> {
    const now = this.deps.clock.now();
    const item = (typeof target === 'string' ? await this.deps.store.get(target) : target) as
      WorkflowItem | undefined;
    if (!item) return 0;
    if (owner && holdsLease(item.lease, now, owner)) return this.drain(item, owner, assertions);
    const claimed = await this.claim(item, now);
    return claimed ? this.drain(claimed.item, claimed.owner, assertions) : 0;
  }

  /** runItem without waiting: the turn answers while its effects run (see `settled`). */
  runInBackground<T>(item: WorkflowItem<T>, assertions: Assertions, owner?: string): void {
    // On the next turn of the event loop: the caller's answer goes out before the effects start.
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.runItem(item, assertions, owner))
      .catch((err: unknown) => this.deps.logger.error({ err, itemId: item.id }, 'effects failed to run'));
    this.active.add(run);
    void run.finally(() => this.active.delete(run));
  }

  /** One conditional write; losing it means someone changed the item since the poll, so leave it. */
  private async claim(item: WorkflowItem, now: Date) {
    if (holdsLease(item.lease, now) || !item.outbox.some((e) => outboxEntries.isDue(e, now))) return;
    const until = new Date(now.getTime() + this.o.leaseMs);
    const owner = `${this.id}#${++this.seq}`;
    const claimed = await this.deps.store.update<Record<string, unknown>>(item.id, item.version, {
      outbox: outboxEntries.countAttempts(item.outbox, now),
      lease: { owner, until },
      nextEffectAt: until,
      at: now,
    });
    return claimed && { item: claimed, owner };
  }

  /** Runs due batches while this owner holds the lease; the last write drops it. */
  private async drain(item: WorkflowItem, owner: string, assertions: Assertions): Promise<number> {
    let ran = 0;
    let current = item;
    const renewal = this.renewWhileRunning(item.id, owner);
    try {
      for (let round = 0; round < 50 && holdsLease(current.lease, this.deps.clock.now(), owner); round++) {
        const started = new Date(current.lease!.until.getTime() - this.o.leaseMs);
        const due = current.outbox.filter((e) => outboxEntries.isDue(e, started));
        const batch = new EffectBatch(this.deps, this.o, assertions);
        // Store-only effects (audit, timers) first: what people see next is already on record. New
        // messages last: the write recording their ids follows at once, so a crash in between (which
        // would send them again) has the smallest window.
        const order = (e: OutboxEntry) => ORDER[this.deps.handlers[e.type]?.runs ?? 'between'];
        const first = due.filter((e) => order(e) === 0);
        for (const entry of first) await batch.run(current, entry);
        await this.appendAudit(batch.takeAudit());
        const rest = due.filter((e) => order(e) !== 0).sort((a, b) => order(a) - order(b));
        for (const entry of rest) await batch.run(current, entry);
        await this.appendAudit(batch.takeAudit());
        current = await this.finish(current, owner, batch);
        ran += due.length;
        if (due.length === 0) break;
      }
    } finally {
      renewal.stop();
    }
    return ran;
  }

  /** Marks the batch in one write, with its followups; keeps the lease if more is due now, else drops it. */
  private async finish(item: WorkflowItem, owner: string, batch: EffectBatch) {
    const now = this.deps.clock.now();
    const { item: after } = await mutateItem<Record<string, unknown>>(
      this.deps.store,
      item.id,
      () => now,
      (fresh) => {
        const marked = batch.applyTo(fresh, now);
        if (!holdsLease(fresh.lease, now, owner)) return { ...marked, lease: undefined };
        const more = marked.outbox!.some((e) => outboxEntries.isDue(e, now));
        if (!more) return { ...marked, lease: null };
        const until = new Date(now.getTime() + this.o.leaseMs);
        return {
          ...marked,
          outbox: outboxEntries.countAttempts(marked.outbox!, now),
          lease: { owner, until },
        };
      },
      { item, random: this.o.random },
    );
    return after;
  }

  private async appendAudit(events: AuditEvent[]): Promise<void> {
    if (events.length === 1) await this.deps.audit.append(events[0]!);
    else if (events.length > 1) await this.deps.audit.appendMany(events);
  }

  /** A batch slower than half a lease (Graph throttling us) extends it, so nobody takes the item over. */
  private renewWhileRunning(id: string, owner: string) {
    return renewWhileRunning(
      this.o.leaseMs,
      () => {
        const now = this.deps.clock.now();
        const until = new Date(now.getTime() + this.o.leaseMs);
        return mutateItem(
          this.deps.store,
          id,
          () => now,
          (fresh) => (holdsLease(fresh.lease, now, owner) ? { lease: { owner, until } } : undefined),
        );
      },
      (err) => this.deps.logger.warn({ err, itemId: id }, 'lease renewal failed'),
    );
  }
}
