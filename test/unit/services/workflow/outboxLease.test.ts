import { strict as assert } from 'node:assert';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { ManualClock } from '../../../../services/clock';
import type { WorkflowItem } from '../../../../services/ports/workflowStore';
import {
  CoreEffect,
  cancelTimersEffect,
  createCoreEffects,
  scheduleTimersEffect,
} from '../../../../services/workflow/coreEffects';
import type { EffectHandler } from '../../../../services/workflow/effects';
import { effect, mutateItem } from '../../../../services/workflow/mutate';
import { OutboxRunner } from '../../../../services/workflow/outbox';
import { silentLogger } from '../fakes/logger';

/** The item lease: who runs an item's effects, and how the turn and the poller stay out of each other's way. */
describe('OutboxRunner leases', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let calls: string[];
  const record: EffectHandler = { run: async ({ entry }) => void calls.push(entry.id) };

  const runner = (handlers: Record<string, EffectHandler> = { t: record }) =>
    new OutboxRunner({
      store: store.workflows,
      audit: store.audit,
      clock,
      logger: silentLogger,
      handlers,
      random: () => 0,
      leaseMs: 30_000,
    });

  const seed = () =>
    store.workflows.create({
      id: 'w1',
      kind: 'test',
      state: 'open',
      data: {},
      subjects: [],
      at: clock.now(),
    });

  /** A command recording one effect, taking the lease for `owner` in the same write. */
  const command = (r: OutboxRunner, id: string) => {
    const lease = r.leaseRequest();
    return mutateItem(
      store.workflows,
      'w1',
      () => clock.now(),
      () => ({ effects: [effect(id, 't', {}, clock.now())] }),
      {
        lease,
      },
    ).then(({ item }) => ({ item, owner: lease.owner }));
  };

  beforeEach(() => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    calls = [];
  });

  it('a command takes the lease in its own write: the poller leaves the item, the command runs it, two writes in all', async () => {
    await seed();
    const turn = runner();
    const poller = runner();
    const { item, owner } = await command(turn, 'e1');
    assert.equal(item.version, 2);
    assert.equal(item.lease?.owner, owner);
    assert.deepEqual(item.nextEffectAt, item.lease?.until, 'pollers look again only when the lease runs out');
    assert.equal(await poller.runDue(), 0);
    assert.equal(await turn.runItem(item, new Map(), owner), 1);
    const after = (await store.workflows.get('w1'))!;
    assert.deepEqual(calls, ['e1']);
    assert.equal(after.version, 3, 'the effect is marked done and the lease dropped in one write');
    assert.equal(after.lease, undefined);
    assert.equal(after.nextEffectAt, undefined);
    assert.equal(after.outbox[0]?.attempts, 1);
  });

  it('a second command while the lease is held leaves its effects to the holder, who runs them before letting go', async () => {
    await seed();
    const a = runner();
    const b = runner();
    const first = await command(a, 'e1');
    const second = await command(b, 'e2');
    assert.equal(second.item.lease?.owner, first.owner, 'b did not take the lease');
    assert.equal(await b.runItem(second.item, new Map(), second.owner), 0);
    assert.equal(await a.runItem(first.item, new Map(), first.owner), 2);
    assert.deepEqual(calls, ['e1', 'e2']);
    assert.equal((await store.workflows.get('w1'))?.lease, undefined);
  });

  it('a holder that died: the item is taken over once its lease runs out, and its effects run once', async () => {
    await seed();
    await command(runner(), 'e1'); // this process dies before running anything
    const survivor = runner();
    assert.equal(await survivor.runDue(), 0);
    clock.advance(30_000);
    assert.equal(await survivor.runDue(), 1);
    assert.equal(await survivor.runDue(), 0);
    assert.deepEqual(calls, ['e1']);
    assert.equal((await store.workflows.get('w1'))?.outbox[0]?.attempts, 2, 'both attempts counted');
  });

  it('a claim that loses to another write is not retried: the poller moves on', async () => {
    await seed();
    await mutateItem(
      store.workflows,
      'w1',
      () => clock.now(),
      () => ({ effects: [effect('e1', 't', {}, clock.now())] }),
    );
    const stale = (await store.workflows.get('w1'))!;
    await store.workflows.update('w1', stale.version, { state: 'moved', at: clock.now() });
    assert.equal(await runner().runItem(stale), 0);
    assert.deepEqual(calls, []);
    assert.equal(await runner().runDue(), 1);
  });

  it('effects of one item run in the order they were recorded, across rounds and followups', async () => {
    await seed();
    const r = runner({
      t: {
        run: async ({ entry }) => {
          calls.push(entry.id);
          if (entry.id === 'e1') return () => ({ effects: [effect('e3', 't', {}, clock.now())] });
        },
      },
    });
    const lease = r.leaseRequest();
    const { item } = await mutateItem(
      store.workflows,
      'w1',
      () => clock.now(),
      () => ({ effects: [effect('e1', 't', {}, clock.now()), effect('e2', 't', {}, clock.now())] }),
      { lease },
    );
    assert.equal(await r.runItem(item, new Map(), lease.owner), 3);
    assert.deepEqual(calls, ['e1', 'e2', 'e3']);
  });

  it('writers racing on one item all land, in turn: contention never reaches the caller', async () => {
    await seed();
    const writers = Array.from({ length: 40 }, (_, i) =>
      mutateItem<Record<string, unknown>>(
        store.workflows,
        'w1',
        () => clock.now(),
        (fresh) => ({
          data: { ...fresh.data, [`w${i}`]: true },
        }),
      ),
    );
    await Promise.all(writers);
    const item = (await store.workflows.get('w1')) as WorkflowItem;
    assert.equal(item.version, 41);
    assert.equal(Object.keys(item.data).length, 40);
  });

  it('cancel wins whatever the order: timers a later cancel covers are never scheduled, even on a retry after it', async () => {
    await seed();
    const core = createCoreEffects({ jobs: store.jobs, audit: store.audit, clock });
    let failOnce = true;
    const schedule: EffectHandler = {
      run: async (ctx) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('store hiccup');
        }
        return core[CoreEffect.scheduleTimers]!.run(ctx);
      },
    };
    const r = runner({ ...core, [CoreEffect.scheduleTimers]: schedule });
    const job = {
      id: 'w1:stage:0:remind',
      type: 'remind',
      runAt: new Date('2026-03-03T10:00:00Z'),
      payload: {},
    };
    await mutateItem(
      store.workflows,
      'w1',
      () => clock.now(),
      () => ({
        effects: [
          scheduleTimersEffect('timers', [job], clock.now()),
          cancelTimersEffect('cancel', 'w1:stage:0:', clock.now()),
        ],
      }),
    );
    await r.runDue(); // the schedule fails, the cancel runs (nothing to cancel yet)
    clock.advance(60_000);
    await r.runDue(); // the schedule's retry
    assert.ok((await store.workflows.get('w1'))?.outbox.every((e) => e.doneAt));
    assert.equal(await store.jobs.get(job.id), undefined);
  });
});
