import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ManualClock } from '../../../../services/clock';
import type { Job } from '../../../../services/ports/jobStore';
import { type JobHandler, Scheduler } from '../../../../services/workflow/scheduler';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { silentLogger } from '../fakes/logger';

describe('Scheduler', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let ran: string[];

  const scheduler = (owner: string, handlers: Record<string, JobHandler>, pollMs = 1000, leaseMs = 60_000) =>
    new Scheduler({
      jobs: store.jobs,
      audit: store.audit,
      clock,
      logger: silentLogger,
      handlers,
      owner,
      pollMs,
      leaseMs,
      maxAttempts: 3,
      backoffBaseMs: 1000,
      random: () => 0,
    });
  const record: JobHandler = async (job: Job) => void ran.push(job.id);

  beforeEach(() => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    ran = [];
  });

  it('runs a job when it falls due, once', async () => {
    await store.jobs.schedule(
      { id: 'a', type: 't', runAt: new Date('2026-03-02T11:00:00Z'), payload: {} },
      clock.now(),
    );
    const s = scheduler('r1', { t: record });
    assert.equal(await s.runDue(), 0);
    clock.set('2026-03-02T11:00:00Z');
    assert.equal(await s.runDue(), 1);
    assert.equal(await s.runDue(), 0);
    assert.deepEqual(ran, ['a']);
    assert.ok((await store.jobs.get('a'))?.doneAt);
  });

  it('two replicas never run the same job', async () => {
    for (const id of ['a', 'b', 'c'])
      await store.jobs.schedule({ id, type: 't', runAt: clock.now(), payload: {} }, clock.now());
    await Promise.all([scheduler('r1', { t: record }).runDue(), scheduler('r2', { t: record }).runDue()]);
    assert.deepEqual([...ran].sort(), ['a', 'b', 'c']);
  });

  it('renews the lease of a job still running, so another replica does not run it again', async () => {
    await store.jobs.schedule({ id: 'slow', type: 't', runAt: clock.now(), payload: {} }, clock.now());
    let finish!: () => void;
    const slow: JobHandler = async (job) => {
      ran.push(`${job.id}@r1`);
      await new Promise<void>((resolve) => (finish = resolve));
    };
    const first = scheduler('r1', { t: slow }, 1000, 100).runDue();
    await waitUntil(() => ran.length === 1);
    clock.advance(60);
    await new Promise((resolve) => setTimeout(resolve, 120)); // the renewal timer runs every 50 ms
    clock.advance(60); // past the first lease's end, not the renewed one's
    assert.equal(await scheduler('r2', { t: record }, 1000, 100).runDue(), 0);
    finish();
    assert.equal(await first, 1);
    assert.deepEqual(ran, ['slow@r1']);
    assert.ok((await store.jobs.get('slow'))?.doneAt);
  });

  it('retries a failing job with backoff, then gives up and audits it', async () => {
    await store.jobs.schedule({ id: 'x', type: 't', runAt: clock.now(), payload: {} }, clock.now());
    const s = scheduler('r1', { t: async (j) => Promise.reject(new Error(`boom ${j.attempts}`)) });
    await s.runDue();
    assert.equal((await store.jobs.get('x'))?.runAt.toISOString(), '2026-03-02T10:00:01.000Z');
    clock.advance(1000);
    await s.runDue();
    clock.advance(2000);
    await s.runDue();
    const job = await store.jobs.get('x');
    assert.ok(job?.doneAt);
    const audit = await store.audit.list({ types: ['job.failed'] });
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.summary ?? '', /boom 3/);
  });

  it('runs a job missed while down as soon as it starts, and keeps polling (fake timers at the edge)', async () => {
    await store.jobs.schedule(
      { id: 'missed', type: 't', runAt: new Date('2026-03-01T00:00:00Z'), payload: {} },
      clock.now(),
    );
    const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = scheduler('r1', { t: record }, 5000);
      s.start();
      await timers.tickAsync(0);
      assert.deepEqual(ran, ['missed']);
      await store.jobs.schedule(
        { id: 'later', type: 't', runAt: new Date('2026-03-02T10:00:03Z'), payload: {} },
        clock.now(),
      );
      clock.advance(3000);
      await timers.tickAsync(4999);
      assert.deepEqual(ran, ['missed']);
      await timers.tickAsync(1);
      assert.deepEqual(ran, ['missed', 'later']);
      await s.stop();
    } finally {
      timers.restore();
    }
  });

  it('a job leased by a replica that died is taken over once the lease runs out', async () => {
    await store.jobs.schedule({ id: 'j', type: 't', runAt: clock.now(), payload: {} }, clock.now());
    await store.jobs.claimDue(clock.now(), 'dead-replica', 60_000, 10);
    const s = scheduler('r2', { t: record });
    assert.equal(await s.runDue(), 0);
    clock.advance(60_000);
    assert.equal(await s.runDue(), 1);
    assert.deepEqual(ran, ['j']);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
