import { strict as assert } from 'node:assert';
import pino from 'pino';
import { accessGateways } from '../../../bot/flows/access/graphGateways';
import { startEmulator, type Emulator } from '../../../emulator';
import { GraphApprovalReader } from '../../../services/access/graphApprovalReader';
import { DelegatedIdentities } from '../../../services/access/identities';
import { PendingReconciler, RECONCILE_JOB } from '../../../services/access/pendingReconciler';
import { systemClock } from '../../../services/clock';
import type { Job } from '../../../services/ports/jobStore';
import type { Store } from '../../../services/ports/store';
import type { NewWorkflowItem } from '../../../services/ports/workflowStore';
import { Scheduler } from '../../../services/workflow/scheduler';
import { mongoTestDb, type MongoTestDb } from '../../support/mongo';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const INTERNAL_STAFF = 'bb97f5f8-5e44-596d-827c-d7df625608d7';
const REQUESTERS = ['AdeleV', 'AlexW', 'DiegoS', 'GradyA', 'IsaiahL'];
/** Short, so that a round at Graph's pace outlasts it several times over. */
const LEASE_MS = 1_000;
const GRAPH_LATENCY_MS = 400;
const ROUNDS = 3;
const QUICK_JOBS = 8;

interface Run {
  job: string;
  owner: string;
  start: number;
  end?: number;
}

describe('integration: two replicas on one MongoDB with slow Graph', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let db: MongoTestDb;
  const stores: Store[] = [];

  before(async () => {
    emu = await startEmulator();
    db = mongoTestDb('two_replicas');
    stores.push(await db.connect(), await db.connect());
  });
  after(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
    await emu?.stop();
  });

  const gateway = () =>
    accessGateways({
      baseUrl: emu.url,
      authorityHost: emu.url,
      exchangeBaseUrl: emu.url,
      tenantId: emu.tenantId,
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      logger: pino({ level: 'silent' }),
    }).entitlement;

  /** One replica's scheduler: its own connection, Graph client and owner; the real reconcile round. */
  function replica(store: Store, owner: string, runs: Run[]): Scheduler {
    const entitlement = gateway();
    const identities = new DelegatedIdentities({
      assertionFor: async (userId: string) => emu.tokens.userAssertion(userId),
    });
    const logger = pino({ level: 'silent' });
    const reconciler = new PendingReconciler({
      reader: new GraphApprovalReader({ entitlement, identities }),
      workflows: store.workflows,
      jobs: store.jobs,
      clock: systemClock,
      logger,
    });
    const recorded = (work: () => Promise<unknown>) => async (job: Job) => {
      const run: Run = { job: job.id, owner, start: Date.now() };
      runs.push(run);
      await work();
      run.end = Date.now();
    };
    return new Scheduler({
      jobs: store.jobs,
      audit: store.audit,
      clock: systemClock,
      logger,
      owner,
      pollMs: 50,
      leaseMs: LEASE_MS,
      handlers: {
        [RECONCILE_JOB]: recorded(() => reconciler.run()),
        'test.quick': recorded(async () => undefined),
      },
    });
  }

  it('runs every scheduled job once, a reconcile round slower than its lease included', async () => {
    const [a, b] = stores as [Store, Store];
    const now = new Date();
    // Requests waiting for approval in Graph and here: each round reads each one in Graph.
    const entitlement = gateway();
    for (const alias of REQUESTERS) {
      const who = {
        userId: emu.directory.userByAlias(alias)!.id,
        assertion: emu.tokens.userAssertion(alias),
      };
      const request = await entitlement.createRequest(who, {
        kind: 'add',
        accessPackageId: COVID,
        policyId: INTERNAL_STAFF,
        justification: 'Two replicas',
      });
      await a.workflows.create(pendingItem(alias, request.id, now));
    }
    for (let i = 0; i < ROUNDS; i++)
      await a.jobs.schedule(
        { id: `${RECONCILE_JOB}:r${i}`, type: RECONCILE_JOB, runAt: now, payload: {} },
        now,
      );
    for (let i = 0; i < QUICK_JOBS; i++)
      await a.jobs.schedule({ id: `quick:${i}`, type: 'test.quick', runAt: now, payload: {} }, now);
    emu.knobs.latencyMs = GRAPH_LATENCY_MS;
    const reads = () => emu.requestLog.count({ method: 'GET', path: /\/assignmentRequests\/[^/]+$/ });
    const readsBefore = reads();

    const runs: Run[] = [];
    const replicas = [replica(a, 'replica-a', runs), replica(b, 'replica-b', runs)];
    replicas.forEach((r) => r.start());
    const ids = [
      ...Array.from({ length: ROUNDS }, (_, i) => `${RECONCILE_JOB}:r${i}`),
      ...Array.from({ length: QUICK_JOBS }, (_, i) => `quick:${i}`),
    ];
    const deadline = Date.now() + 45_000;
    while (!(await Promise.all(ids.map((id) => a.jobs.get(id)))).every((j) => j?.doneAt)) {
      if (Date.now() > deadline) throw new Error('the jobs never all ended');
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(replicas.map((r) => r.stop()));
    emu.knobs.reset();

    const rounds = runs.filter((r) => r.job.startsWith(RECONCILE_JOB));
    const slowest = Math.max(...rounds.map((r) => r.end! - r.start));
    assert.ok(slowest > 1.5 * LEASE_MS, `a round outlasted its lease (${slowest} ms)`);
    const twice = ids.filter((id) => runs.filter((r) => r.job === id).length !== 1);
    assert.deepEqual(twice, [], `jobs not run exactly once: ${JSON.stringify(runs)}`);
    assert.equal(reads() - readsBefore, ROUNDS * REQUESTERS.length, 'each round read each request once');
    assert.deepEqual(await a.audit.list({ types: ['job.failed'] }), []);
  });
});

/** A request waiting for approval here, as far as a reconcile round reads it. */
function pendingItem(alias: string, requestId: string, now: Date): NewWorkflowItem {
  return {
    id: `two-replicas-${alias}`,
    kind: 'accessRequest',
    state: 'pendingApproval',
    subjects: [],
    data: {
      graph: { requestId, state: 'pendingApproval' },
      approval: { stages: [], current: 0, requester: { id: alias, displayName: alias }, subject: {} },
    },
    outbox: [],
    at: now,
  };
}
