import { strict as assert } from 'node:assert';
import { approvalKeys } from '../../../../services/approvals/keys';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { ManualClock } from '../../../../services/clock';
import { GraphUnavailableError } from '../../../../services/ports/graphErrors';
import type { PimGateway, RoleRequestInfo } from '../../../../services/ports/pim';
import type { Store } from '../../../../services/ports/store';
import type { WorkflowItem } from '../../../../services/ports/workflowStore';
import { mutateItem } from '../../../../services/workflow/mutate';
import { PimApprovalReconciler } from '../../../../services/pim/approvalReconciler';
import { afterGraph } from '../../../../services/pim/graphOutcome';
import { PIM_ACTIVATION, PimJob, type PimActivationData } from '../../../../services/pim/model';
import { people } from '../fakes/directory';
import { stageRecord } from '../approvals/fixtures';

const START = new Date('2026-03-02T09:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Graph as the reconciler reads it, app-only: the pending list and one request by id. */
class FakeGraph {
  calls: string[] = [];
  requests = new Map<string, RoleRequestInfo>();
  fail?: Error;
  gateway(): PimGateway {
    const rest = () => {
      throw new Error('not used by the reconciler');
    };
    return new Proxy({} as PimGateway, {
      get: (_t, name: string) => {
        if (name === 'pendingApprovalRequests')
          return async () => {
            this.calls.push('list');
            return [...this.requests.values()].filter((r) => r.status === 'PendingApproval');
          };
        if (name === 'requestState')
          return async (id: string) => {
            this.calls.push(`get ${id}`);
            if (this.fail) throw this.fail;
            return this.requests.get(id)!;
          };
        return rest;
      },
    });
  }
  set(id: string, status: string, completedDateTime?: string) {
    this.requests.set(id, { ...this.requests.get(id)!, status, completedDateTime });
  }
}

describe('PIM approvals decided outside Teams (reconciler)', () => {
  let store: Store;
  let clock: ManualClock;
  let graph: FakeGraph;
  let reconciler: PimApprovalReconciler;
  beforeEach(() => {
    store = createMemoryStore();
    clock = new ManualClock(START);
    graph = new FakeGraph();
    reconciler = new PimApprovalReconciler({
      pim: graph.gateway(),
      workflows: store.workflows,
      jobs: store.jobs,
      clock,
    });
  });

  /** Adele's Security Administrator activation, waiting for Megan or Lee since now (Graph request `rq`). */
  async function waiting(id: string, rq: string): Promise<WorkflowItem<PimActivationData>> {
    const info: RoleRequestInfo = {
      id: rq,
      action: 'selfActivate',
      status: 'PendingApproval',
      principalId: people.adele.id,
      roleDefinitionId: 'security',
      approvalId: `ap-${rq}`,
    };
    graph.requests.set(rq, info);
    const { item } = await store.workflows.create<PimActivationData>({
      id,
      kind: PIM_ACTIVATION,
      state: 'submitted',
      subjects: [people.adele.id],
      data: {
        requesterId: people.adele.id,
        requestType: 'activate',
        role: { id: 'security', displayName: 'Security Administrator' },
        directoryScopeId: '/',
        duration: 'PT2H',
        policy: { maximumDuration: 'PT8H', requireMfa: false, approvalRequired: true, notify: [] },
        attempts: 1,
        messages: {},
        approval: {
          requester: people.adele,
          subject: { title: 'Security Administrator (role activation)', answers: [], facts: [] },
          stages: [stageRecord(0, { decideWithin: 'P1D' })],
          current: 0,
        },
      },
      outbox: [],
      at: clock.now(),
    });
    const started = await mutateItem<PimActivationData>(
      store.workflows,
      item.id,
      () => clock.now(),
      (fresh) => afterGraph(fresh, info, clock.now()),
    );
    return started.item;
  }

  const get = async (id: string) => (await store.workflows.get<PimActivationData>(id))!;

  it('the stage deadline is PIM’s own job, and the first round is scheduled when the wait starts', async () => {
    const item = await waiting('pim-1', 'rq-1');
    const jobs = item.outbox
      .filter((e) => e.type === 'timers.schedule')
      .flatMap((e) => e.payload.jobs as { id: string; type: string; runAt: string }[]);
    const expire = jobs.find((j) => j.type === PimJob.expire);
    assert.ok(expire?.id.startsWith(approvalKeys.timersOfStage('pim-1', 0)), 'a decision cancels it');
    assert.equal(expire?.runAt, new Date(START.getTime() + 24 * HOUR).toISOString());
    const round = jobs.find((j) => j.type === PimJob.reconcile);
    assert.equal(round?.runAt, '2026-03-02T09:05:00.000Z', 'at the next multiple of 5 minutes');
  });

  it('nothing waits: a round asks Graph nothing and ends the chain', async () => {
    assert.deepEqual(await reconciler.round(), { checked: 0, changed: 0 });
    assert.deepEqual(graph.calls, []);
  });

  it('nothing decided: one list for every waiting activation, no read by id, the next round kept', async () => {
    await waiting('pim-1', 'rq-1');
    await waiting('pim-2', 'rq-2');
    assert.deepEqual(await reconciler.round(), { checked: 2, changed: 0 });
    assert.deepEqual(graph.calls, ['list']);
    assert.equal((await get('pim-1')).state, 'pendingApproval');
    const next = await store.jobs.get(`${PimJob.reconcile}:2026-03-02T09:05:00.000Z`);
    assert.ok(next && !next.doneAt, 'the next round is scheduled');
  });

  it('granted in the admin center: only that request is read; active, decided "in the admin center"', async () => {
    await waiting('pim-1', 'rq-1');
    await waiting('pim-2', 'rq-2');
    clock.advance(10 * MINUTE);
    graph.set('rq-1', 'Granted', new Date(clock.now().getTime() - 3 * MINUTE).toISOString());
    assert.deepEqual(await reconciler.round(), { checked: 2, changed: 1 });
    assert.deepEqual(graph.calls, ['list', 'get rq-1']);
    const item = await get('pim-1');
    assert.equal(item.state, 'delivered');
    assert.equal(item.data.approval.outcome?.result, 'approved');
    assert.equal(item.data.approval.outcome?.via, 'adminCenter');
    assert.equal(item.data.activeUntil, '2026-03-02T11:07:00.000Z', 'two hours from when Graph granted it');
    assert.equal((await get('pim-2')).state, 'pendingApproval');
    assert.equal(await reconciler.round().then((r) => r.changed), 0, 'a second look changes nothing');
  });

  it('denied there: denied here; canceled there: canceled here', async () => {
    await waiting('pim-1', 'rq-1');
    await waiting('pim-2', 'rq-2');
    clock.advance(HOUR);
    graph.set('rq-1', 'Denied', clock.now().toISOString());
    graph.set('rq-2', 'Canceled', clock.now().toISOString());
    await reconciler.round();
    assert.equal((await get('pim-1')).state, 'denied');
    assert.equal((await get('pim-1')).data.approval.outcome?.result, 'denied');
    assert.equal((await get('pim-2')).state, 'canceled');
  });

  describe('the deadline asks Graph before it tells anyone', () => {
    const expire = (id: string) =>
      reconciler.jobs()[PimJob.expire]!({
        id: `${approvalKeys.timersOfStage(id, 0)}${PimJob.expire}`,
        type: PimJob.expire,
        runAt: clock.now(),
        payload: { itemId: id, stage: 0 },
        attempts: 1,
      } as never);

    it('granted in Graph (no round ran since): active, not expired', async () => {
      await waiting('pim-1', 'rq-1');
      clock.advance(24 * HOUR);
      graph.set('rq-1', 'Provisioned', new Date(clock.now().getTime() - MINUTE).toISOString());
      await expire('pim-1');
      assert.equal((await get('pim-1')).state, 'delivered');
      assert.deepEqual(graph.calls, ['get rq-1']);
    });

    it("Entra's own denial at the deadline reads as expired", async () => {
      await waiting('pim-1', 'rq-1');
      clock.advance(24 * HOUR);
      graph.set('rq-1', 'Denied', clock.now().toISOString());
      await expire('pim-1');
      assert.equal((await get('pim-1')).state, 'denied');
      assert.equal((await get('pim-1')).data.approval.outcome?.result, 'expired');
    });

    it('still pending in Graph: expired as the engine does', async () => {
      await waiting('pim-1', 'rq-1');
      clock.advance(24 * HOUR);
      await expire('pim-1');
      assert.equal((await get('pim-1')).data.approval.outcome?.result, 'expired');
    });

    it('Graph down: the job fails (the scheduler tries again) and nothing is decided', async () => {
      await waiting('pim-1', 'rq-1');
      clock.advance(24 * HOUR);
      graph.fail = new GraphUnavailableError('Graph is down', 503);
      await assert.rejects(expire('pim-1'), GraphUnavailableError);
      assert.equal((await get('pim-1')).state, 'pendingApproval');
    });
  });
});
