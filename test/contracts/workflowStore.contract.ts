import { strict as assert } from 'node:assert';
import type { CurrentStore } from './store.contract';
import { at, effect, newItem, T0 } from './storeFixtures';

/** WorkflowStore: creation, idempotency, conditional updates, queries and the outbox schedule. */
export function workflowStoreContract(store: CurrentStore): void {
  describe('WorkflowStore', function () {
    it('creates an item at version 1 and reads back exactly what was stored', async function () {
      const { item, created } = await store().workflows.create(newItem({ idempotencyKey: 'click-1' }));
      assert.equal(created, true);
      assert.deepEqual(item, {
        id: 'req-1',
        kind: 'accessRequest',
        state: 'submitted',
        data: { packageId: 'pkg-1', justification: 'Quarter close', nested: { answers: ['a', 'b'] } },
        subjects: ['user-alice', 'user-bob'],
        idempotencyKey: 'click-1',
        version: 1,
        outbox: [],
        createdAt: T0,
        updatedAt: T0,
      });
      assert.deepEqual(await store().workflows.get('req-1'), item);
      assert.equal(await store().workflows.get('nope'), undefined);
    });

    it('keeps what it stores: changing a returned or given object does not change the stored item', async function () {
      const input = newItem();
      const { item } = await store().workflows.create(input);
      (input.data as { packageId: string }).packageId = 'changed-input';
      // The memory adapter hands out its frozen items (no copy per read): changing one throws.
      attempt(() => ((item.data as { packageId: string }).packageId = 'changed-result'));
      attempt(() => item.subjects.push('user-mallory'));
      const read = await store().workflows.get<{ packageId: string }>('req-1');
      assert.equal(read?.data.packageId, 'pkg-1');
      assert.deepEqual(read?.subjects, ['user-alice', 'user-bob']);
    });

    it('returns the existing item, unchanged, when the same id is created again', async function () {
      await store().workflows.create(newItem());
      const again = await store().workflows.create(newItem({ state: 'other', data: { x: 1 }, at: at(5) }));
      assert.equal(again.created, false);
      assert.equal(again.item.state, 'submitted');
      assert.deepEqual(again.item.createdAt, T0);
    });

    it('treats the same idempotency key of the same kind as the same intent', async function () {
      const first = await store().workflows.create(newItem({ id: 'req-1', idempotencyKey: 'k' }));
      const second = await store().workflows.create(newItem({ id: 'req-2', idempotencyKey: 'k', at: at(1) }));
      assert.equal(second.created, false);
      assert.deepEqual(second.item, first.item);
      assert.equal(await store().workflows.get('req-2'), undefined);
    });

    it('keeps idempotency keys apart across kinds, and items without a key never collide', async function () {
      await store().workflows.create(newItem({ id: 'a', kind: 'accessRequest', idempotencyKey: 'k' }));
      const otherKind = await store().workflows.create(
        newItem({ id: 'b', kind: 'pimActivation', idempotencyKey: 'k' }),
      );
      const noKey1 = await store().workflows.create(newItem({ id: 'c' }));
      const noKey2 = await store().workflows.create(newItem({ id: 'd' }));
      assert.deepEqual([otherKind.created, noKey1.created, noKey2.created], [true, true, true]);
    });

    it('updates only at the expected version, adding 1 and keeping what the change leaves out', async function () {
      await store().workflows.create(newItem({ outbox: [effect('e1', 10)] }));
      const updated = await store().workflows.update('req-1', 1, { state: 'approved', at: at(3) });
      assert.equal(updated?.version, 2);
      assert.equal(updated?.state, 'approved');
      assert.deepEqual(updated?.updatedAt, at(3));
      assert.deepEqual(updated?.createdAt, T0);
      assert.deepEqual(updated?.data, newItem().data);
      assert.deepEqual(updated?.outbox, [effect('e1', 10)]);
      assert.deepEqual(updated?.nextEffectAt, at(10));
      assert.deepEqual(await store().workflows.get('req-1'), updated);

      assert.equal(await store().workflows.update('req-1', 1, { state: 'denied', at: at(4) }), undefined);
      assert.equal((await store().workflows.get('req-1'))?.state, 'approved');
      const third = await store().workflows.update('req-1', 2, {
        data: { replaced: true },
        subjects: ['x'],
        at: at(5),
      });
      assert.equal(third?.version, 3);
      assert.deepEqual(third?.data, { replaced: true });
      assert.deepEqual(third?.subjects, ['x']);
      assert.equal(await store().workflows.update('unknown', 1, { state: 'x', at: at(6) }), undefined);
    });

    it('sets nextEffectAt to the earliest entry not done, and clears it when all are done', async function () {
      const { item } = await store().workflows.create(
        newItem({ outbox: [effect('late', 30), effect('done', 1, 2), effect('soon', 20)] }),
      );
      assert.deepEqual(item.nextEffectAt, at(20));
      const later = await store().workflows.update('req-1', 1, {
        outbox: [effect('late', 30), effect('done', 1, 2), effect('soon', 20, 21)],
        at: at(21),
      });
      assert.deepEqual(later?.nextEffectAt, at(30));
      const allDone = await store().workflows.update('req-1', 2, {
        outbox: [effect('late', 30, 31), effect('done', 1, 2), effect('soon', 20, 21)],
        at: at(31),
      });
      assert.equal(allDone?.nextEffectAt, undefined);
      assert.equal('nextEffectAt' in (await store().workflows.get('req-1'))!, false);
    });

    it('stores and drops a lease, with the nextEffectAt the caller gives', async function () {
      await store().workflows.create(newItem({ outbox: [effect('soon', 20)] }));
      const leased = await store().workflows.update('req-1', 1, {
        lease: { owner: 'runner-1', until: at(80) },
        nextEffectAt: at(80),
        at: at(20),
      });
      assert.deepEqual(leased?.lease, { owner: 'runner-1', until: at(80) });
      assert.deepEqual(leased?.nextEffectAt, at(80));
      const dropped = await store().workflows.update('req-1', 2, {
        lease: null,
        nextEffectAt: null,
        at: at(21),
      });
      assert.equal('lease' in dropped!, false);
      assert.equal('nextEffectAt' in (await store().workflows.get('req-1'))!, false);
      assert.equal((await store().workflows.get('req-1'))?.version, 3);
    });

    it('finds by kind, states, subject and due effects, newest first, up to the limit', async function () {
      const w = store().workflows;
      await w.create(
        newItem({ id: 'r1', state: 'submitted', subjects: ['alice'], at: at(1), outbox: [effect('e', 50)] }),
      );
      await w.create(newItem({ id: 'r2', state: 'approved', subjects: ['alice', 'bob'], at: at(2) }));
      await w.create(
        newItem({ id: 'r3', state: 'submitted', subjects: ['bob'], at: at(3), outbox: [effect('e', 40)] }),
      );
      await w.create(
        newItem({
          id: 'p1',
          kind: 'pimActivation',
          subjects: ['alice'],
          at: at(4),
          outbox: [effect('e', 60)],
        }),
      );
      const ids = async (q: Parameters<typeof w.find>[0]) => (await w.find(q)).map((i) => i.id);

      assert.deepEqual(await ids({}), ['p1', 'r3', 'r2', 'r1']);
      assert.deepEqual(await ids({ kind: 'accessRequest' }), ['r3', 'r2', 'r1']);
      assert.deepEqual(await ids({ kind: 'accessRequest', states: ['submitted'] }), ['r3', 'r1']);
      assert.deepEqual(await ids({ states: ['approved', 'submitted'], subject: 'alice' }), [
        'p1',
        'r2',
        'r1',
      ]);
      assert.deepEqual(await ids({ subject: 'bob', limit: 1 }), ['r3']);
      assert.deepEqual(await ids({ effectsDueBy: at(50) }), ['r3', 'r1']);
      assert.deepEqual(await ids({ effectsDueBy: at(49) }), ['r3']);
      assert.deepEqual(await ids({ kind: 'none' }), []);
      assert.deepEqual(await ids({ limit: 0 }), []);
      const [found] = await w.find({ kind: 'pimActivation' });
      assert.deepEqual(found, await w.get('p1'));
    });
  });
}

/** Runs `change`; a TypeError (a frozen object) is as good as a change that stays local. */
function attempt(change: () => unknown): void {
  try {
    change();
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
  }
}
