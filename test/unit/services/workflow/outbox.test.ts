import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../../services/clock';
import {
  GraphUnavailableError,
  PolicyViolationError,
  ThrottledError,
} from '../../../../services/ports/graphErrors';
import { RetryEffectError, type EffectHandler } from '../../../../services/workflow/effects';
import { effect } from '../../../../services/workflow/mutate';
import { OutboxRunner } from '../../../../services/workflow/outbox';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { silentLogger } from '../fakes/logger';

describe('OutboxRunner', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let calls: string[];

  const runner = (handlers: Record<string, EffectHandler>, maxAttempts = 3) =>
    new OutboxRunner({
      store: store.workflows,
      audit: store.audit,
      clock,
      logger: silentLogger,
      handlers,
      maxAttempts,
      backoffBaseMs: 1000,
      backoffCapMs: 4000,
      random: () => 0,
      leaseMs: 30_000,
    });

  async function seed(...types: string[]) {
    const { item } = await store.workflows.create({
      id: 'w1',
      kind: 'test',
      state: 'open',
      data: { n: 0 },
      subjects: [],
      outbox: types.map((t, i) => effect(`e${i}`, t, {}, clock.now())),
      at: clock.now(),
    });
    return item;
  }

  beforeEach(() => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    calls = [];
  });

  it('runs a due effect once, records its result with "done", and runs the effects it adds', async () => {
    await seed('first');
    const r = runner({
      first: {
        run: async ({ entry }) => {
          calls.push(entry.id);
          return () => ({ data: { n: 1 }, effects: [effect('e9', 'second', {}, clock.now())] });
        },
      },
      second: { run: async ({ entry }) => void calls.push(entry.id) },
    });
    assert.equal(await r.runDue(), 2);
    assert.equal(await r.runDue(), 0);
    const item = await store.workflows.get<{ n: number }>('w1');
    assert.deepEqual(calls, ['e0', 'e9']);
    assert.equal(item?.data.n, 1);
    assert.ok(item?.outbox.every((e) => e.doneAt));
    assert.equal(item?.nextEffectAt, undefined);
  });

  it('retries a transient failure with exponential backoff, capped, honouring Retry-After', async () => {
    await seed('flaky');
    let fails = 3;
    const r = runner(
      {
        flaky: {
          run: async () => {
            calls.push(clock.now().toISOString());
            if (fails-- === 3) throw new ThrottledError('429', 9000);
            if (fails >= 0) throw new GraphUnavailableError('503', 503);
          },
        },
      },
      10,
    );
    await r.runDue();
    clock.advance(8999);
    assert.equal(await r.runDue(), 0, 'Retry-After (9 s) beats the 1 s backoff');
    clock.advance(1);
    await r.runDue(); // attempt 2 fails: backoff 2 s
    clock.advance(1999);
    assert.equal(await r.runDue(), 0);
    clock.advance(1);
    await r.runDue(); // attempt 3 fails: 4 s
    clock.advance(4000);
    await r.runDue(); // attempt 4 succeeds
    assert.equal(calls.length, 4);
    const entry = (await store.workflows.get('w1'))?.outbox[0];
    assert.ok(entry?.doneAt);
    assert.equal(entry?.lastError, undefined);
  });

  it('records a permanent failure, calls onFailed once, audits it, and stops retrying', async () => {
    await seed('refused');
    const r = runner({
      refused: {
        run: async () => {
          calls.push('run');
          throw new PolicyViolationError('nope', 'AccessPackageAlreadyAssigned', 'alreadyAssigned');
        },
        onFailed: (_ctx, err) => (fresh) => ({
          state: 'failed',
          data: { ...fresh.data, why: (err as Error).message },
        }),
      },
    });
    await r.runDue();
    clock.advance(3_600_000);
    await r.runDue();
    const item = await store.workflows.get<{ why: string }>('w1');
    assert.deepEqual(calls, ['run']);
    assert.equal(item?.state, 'failed');
    assert.equal(item?.data.why, 'nope');
    assert.match(item?.outbox[0]?.lastError ?? '', /PolicyViolationError/);
    const audit = await store.audit.list({ types: ['effect.failed'] });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.itemId, 'w1');
  });

  it('gives up after maxAttempts transient failures', async () => {
    await seed('down');
    const r = runner(
      {
        down: {
          run: async () => {
            calls.push('x');
            throw new GraphUnavailableError('x');
          },
        },
      },
      3,
    );
    for (let i = 0; i < 5; i++) {
      await r.runDue();
      clock.advance(60_000);
    }
    assert.equal(calls.length, 3);
    assert.equal((await store.audit.list({ types: ['effect.failed'] })).length, 1);
  });

  it("retries a RetryEffectError and keeps its note in the entry's payload for the next attempt", async () => {
    await seed('stepwise');
    const seen: unknown[] = [];
    const r = runner({
      stepwise: {
        run: async ({ entry }) => {
          seen.push(entry.payload.step);
          if (!entry.payload.step) throw new RetryEffectError('first half done', { step: 'half' });
        },
      },
    });
    await r.runDue();
    const waiting = (await store.workflows.get('w1'))?.outbox[0];
    assert.equal(waiting?.doneAt, undefined, 'not a permanent failure');
    assert.equal(waiting?.payload.step, 'half');
    assert.match(waiting?.lastError ?? '', /RetryEffectError: first half done/);
    clock.advance(1000);
    await r.runDue();
    assert.deepEqual(seen, [undefined, 'half']);
    const done = (await store.workflows.get('w1'))?.outbox[0];
    assert.ok(done?.doneAt);
    assert.equal(done?.lastError, undefined);
  });

  it('a crashed runner leaves its claimed effect to another runner after the lease, who runs it once', async () => {
    await seed('send');
    let release!: () => void;
    const hung = runner({ send: { run: () => new Promise<void>((res) => (release = res)) } });
    const crashed = hung.runDue(); // claims, then "crashes" (never finishes in time)
    await new Promise((r) => setImmediate(r));
    const other = runner({ send: { run: async () => void calls.push('other') } });
    assert.equal(await other.runDue(), 0, 'leased: not run twice while the first runner may still be at it');
    clock.advance(30_000);
    assert.equal(await other.runDue(), 1);
    assert.equal(await other.runDue(), 0);
    assert.deepEqual(calls, ['other']);
    release();
    await crashed;
  });

  it('two runners racing for the same effect: exactly one runs it', async () => {
    await seed('once');
    const h = { once: { run: async () => void calls.push('ran') } };
    await Promise.all([runner(h).runDue(), runner(h).runDue(), runner(h).runItem('w1')]);
    assert.deepEqual(calls, ['ran']);
  });

  it("passes the turn's assertions to the handler and does not persist them", async () => {
    await seed('asUser');
    let seen: string | undefined;
    const r = runner({ asUser: { run: async (ctx) => void (seen = ctx.assertions.get('u1')) } });
    await r.runItem('w1', new Map([['u1', 'sso-token']]));
    assert.equal(seen, 'sso-token');
    assert.doesNotMatch(JSON.stringify(await store.workflows.get('w1')), /sso-token/);
  });
});
