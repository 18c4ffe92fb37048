import { strict as assert } from 'node:assert';
import type { CurrentStore } from './store.contract';
import { at, newJob } from './storeFixtures';

const LEASE_MS = 5 * 60_000;

/** JobStore: scheduling, leases, attempts, owner-only completion and cancellation. */
export function jobStoreContract(store: CurrentStore): void {
  describe('JobStore', function () {
    it('schedules a job with no attempts and no lease, and reschedules it while not done', async function () {
      await store().jobs.schedule(newJob('req-1:remind', 60), at(0));
      assert.deepEqual(await store().jobs.get('req-1:remind'), {
        id: 'req-1:remind',
        type: 'reminder',
        runAt: at(60),
        payload: { itemId: 'req-1' },
        attempts: 0,
        createdAt: at(0),
      });
      await store().jobs.schedule(newJob('req-1:remind', 90, { itemId: 'req-1', round: 2 }), at(5));
      const rescheduled = await store().jobs.get('req-1:remind');
      assert.deepEqual(rescheduled?.runAt, at(90));
      assert.deepEqual(rescheduled?.payload, { itemId: 'req-1', round: 2 });
      assert.deepEqual(rescheduled?.createdAt, at(0));
      assert.equal(await store().jobs.get('unknown'), undefined);
    });

    it('claims only due jobs, earliest first, up to the limit, with a lease and one more attempt', async function () {
      const jobs = store().jobs;
      await jobs.schedule(newJob('b', 20), at(0));
      await jobs.schedule(newJob('a', 10), at(0));
      await jobs.schedule(newJob('c', 30), at(0));
      await jobs.schedule(newJob('future', 31), at(0));
      assert.deepEqual(await jobs.claimDue(at(9), 'w1', LEASE_MS, 10), []);

      const claimed = await jobs.claimDue(at(30), 'w1', LEASE_MS, 2);
      assert.deepEqual(
        claimed.map((j) => [j.id, j.attempts, j.lockedBy, j.lockedUntil]),
        [
          ['a', 1, 'w1', at(35)],
          ['b', 1, 'w1', at(35)],
        ],
      );
      assert.deepEqual(await jobs.get('a'), claimed[0]);
      const rest = await jobs.claimDue(at(30), 'w2', LEASE_MS, 10);
      assert.deepEqual(
        rest.map((j) => j.id),
        ['c'],
      );
    });

    it('lets another owner claim a job only once its lease has run out', async function () {
      const jobs = store().jobs;
      await jobs.schedule(newJob('j', 0), at(0));
      await jobs.claimDue(at(1), 'w1', LEASE_MS, 1);
      assert.deepEqual(await jobs.claimDue(at(5), 'w2', LEASE_MS, 1), []);
      const [reclaimed] = await jobs.claimDue(at(6), 'w2', LEASE_MS, 1);
      assert.equal(reclaimed?.lockedBy, 'w2');
      assert.equal(reclaimed?.attempts, 2);
      assert.equal(await jobs.complete('j', 'w1', at(7)), false);
      assert.equal(await jobs.release('j', 'w1', at(8), 'late'), false);
      assert.equal((await jobs.get('j'))?.lockedBy, 'w2');
    });

    it('renews a lease only for its owner, so nobody takes over a job still running', async function () {
      const jobs = store().jobs;
      await jobs.schedule(newJob('j', 0), at(0));
      await jobs.claimDue(at(1), 'w1', LEASE_MS, 1);
      assert.equal(await jobs.renew('j', 'w2', at(100)), false);
      assert.equal(await jobs.renew('j', 'w1', at(20)), true);
      assert.deepEqual(await jobs.claimDue(at(10), 'w2', LEASE_MS, 1), []);
      assert.deepEqual((await jobs.get('j'))?.lockedUntil, at(20));
      assert.equal((await jobs.claimDue(at(20), 'w2', LEASE_MS, 1))[0]?.lockedBy, 'w2');
    });

    it('completes only for the owner; a done job is never claimed or rescheduled', async function () {
      const jobs = store().jobs;
      await jobs.schedule(newJob('j', 0), at(0));
      await jobs.claimDue(at(1), 'w1', LEASE_MS, 1);
      assert.equal(await jobs.complete('j', 'w2', at(2)), false);
      assert.equal(await jobs.complete('j', 'w1', at(2)), true);
      assert.equal(await jobs.complete('j', 'w1', at(3)), false);
      const done = await jobs.get('j');
      assert.deepEqual(done?.doneAt, at(2));
      assert.equal(done?.lockedBy, undefined);
      assert.equal(done?.lockedUntil, undefined);
      assert.deepEqual(await jobs.claimDue(at(100), 'w3', LEASE_MS, 1), []);
      await jobs.schedule(newJob('j', 200), at(3));
      assert.deepEqual((await jobs.get('j'))?.runAt, at(0));
    });

    it('releases only for the owner, to run again at the given time, keeping attempts and error', async function () {
      const jobs = store().jobs;
      await jobs.schedule(newJob('j', 0), at(0));
      await jobs.claimDue(at(1), 'w1', LEASE_MS, 1);
      assert.equal(await jobs.release('j', 'w2', at(2)), false);
      assert.equal(await jobs.release('j', 'w1', at(20), 'Graph 503'), true);
      const released = await jobs.get('j');
      assert.deepEqual(
        [released?.runAt, released?.lastError, released?.attempts, released?.lockedBy],
        [at(20), 'Graph 503', 1, undefined],
      );
      assert.deepEqual(await jobs.claimDue(at(19), 'w2', LEASE_MS, 1), []);
      const [again] = await jobs.claimDue(at(20), 'w2', LEASE_MS, 1);
      assert.equal(again?.attempts, 2);
      assert.equal(again?.lastError, 'Graph 503');
    });

    it('cancels the jobs not yet done whose id starts with the prefix, and only those', async function () {
      const jobs = store().jobs;
      for (const id of ['req.1:remind', 'req.1:escalate', 'req.1:expire', 'reqX1:remind', 'req.10:remind']) {
        await jobs.schedule(newJob(id, 0), at(0));
      }
      await jobs.claimDue(at(1), 'w1', LEASE_MS, 10);
      assert.equal(await jobs.complete('req.1:expire', 'w1', at(2)), true);
      assert.equal(await jobs.cancelByPrefix('req.1:', at(3)), 2);
      assert.deepEqual((await jobs.get('req.1:remind'))?.doneAt, at(3));
      assert.deepEqual((await jobs.get('req.1:expire'))?.doneAt, at(2));
      assert.equal((await jobs.get('reqX1:remind'))?.doneAt, undefined);
      assert.equal((await jobs.get('req.10:remind'))?.doneAt, undefined);
      assert.equal(await jobs.complete('req.1:remind', 'w1', at(4)), false);
      assert.equal(await jobs.cancelByPrefix('req.1:', at(5)), 0);
    });

    it('cancels by a prefix that ends inside an id part, or has no part at all', async function () {
      const jobs = store().jobs;
      const ids = [
        'pim:a:stepUp',
        'pim:a:stepUp:2',
        'pim:a:ending',
        'pim:ab:stepUp',
        'solo',
        'solo2',
        'x:solo',
      ];
      for (const id of ids) await jobs.schedule(newJob(id, 0), at(0));
      assert.equal(await jobs.cancelByPrefix('pim:a:step', at(1)), 2);
      assert.equal(await jobs.cancelByPrefix('solo', at(1)), 2);
      const open = [];
      for (const id of ids) if (!(await jobs.get(id))?.doneAt) open.push(id);
      assert.deepEqual(open, ['pim:a:ending', 'pim:ab:stepUp', 'x:solo']);
    });
  });
}
