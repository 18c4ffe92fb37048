import { strict as assert } from 'node:assert';
import type { CurrentStore } from './store.contract';
import { at, newItem, newJob } from './storeFixtures';

const WRITERS = 20;

/** Many writers at once, as several bot replicas or a double click produce: exactly one may win. */
export function concurrencyContract(store: CurrentStore): void {
  describe('under concurrent writers', function () {
    it(`lets exactly one of ${WRITERS} writers update the same version`, async function () {
      await store().workflows.create(newItem());
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, n) =>
          store().workflows.update('req-1', 1, { state: `decided-by-${n}`, data: { writer: n }, at: at(1) }),
        ),
      );
      const winners = results.filter((r) => r !== undefined);
      assert.equal(winners.length, 1, `${winners.length} writers won`);
      const stored = await store().workflows.get('req-1');
      assert.equal(stored?.version, 2);
      assert.deepEqual(stored, winners[0]);
      // The next writer, who read version 2, still gets through.
      assert.equal((await store().workflows.update('req-1', 2, { state: 'closed', at: at(2) }))?.version, 3);
    });

    it(`creates one item when ${WRITERS} requests carry the same idempotency key`, async function () {
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, n) =>
          store().workflows.create(newItem({ id: `req-${n}`, idempotencyKey: 'double-click' })),
        ),
      );
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.equal(new Set(results.map((r) => r.item.id)).size, 1);
      assert.equal((await store().workflows.find({})).length, 1);
    });

    it(`gives each of 30 due jobs to exactly one of ${WRITERS} claimers`, async function () {
      // FerretDB's SQLite serialises writes, so the losing claims queue up: seconds, not milliseconds.
      this.timeout(60_000);
      const ids = Array.from({ length: 30 }, (_, n) => `job-${String(n).padStart(2, '0')}`);
      for (const id of ids) await store().jobs.schedule(newJob(id, 0), at(0));
      const claims = await Promise.all(
        Array.from({ length: WRITERS }, (_, n) => store().jobs.claimDue(at(1), `worker-${n}`, 60_000, 4)),
      );
      const claimedIds = claims.flat().map((j) => j.id);
      assert.deepEqual([...claimedIds].sort(), ids, 'every job claimed exactly once');
      for (const [n, batch] of claims.entries()) {
        for (const job of batch) {
          const stored = await store().jobs.get(job.id);
          assert.equal(stored?.lockedBy, `worker-${n}`);
          assert.equal(stored?.attempts, 1);
        }
      }
    });

    it('never lets a reschedule and a claim overwrite one another', async function () {
      await store().jobs.schedule(newJob('j', 0), at(0));
      const [claims] = await Promise.all([
        store().jobs.claimDue(at(1), 'w1', 60_000, 1),
        ...Array.from({ length: 10 }, (_, n) => store().jobs.schedule(newJob('j', 0, { round: n }), at(0))),
      ]);
      const stored = await store().jobs.get('j');
      assert.equal(claims.length, 1);
      assert.equal(stored?.lockedBy, 'w1');
      assert.equal(stored?.attempts, 1);
    });
  });
}
