import { strict as assert } from 'node:assert';
import type { AccessRequestData } from '../../../../services/access/model';
import { RECONCILE_JOB } from '../../../../services/access/pendingReconciler';
import type { ApprovalRequestCardData } from '../../../../services/approvals/approvalCards';
import { GraphUnavailableError, SignInRequiredError } from '../../../../services/ports/graphErrors';
import { accessHarness } from './harness';

const covid = (key: string) => ({
  packageId: 'covid',
  idempotencyKey: key,
  justification: 'Joining the response',
  sourceMessage: { userId: 'adele', conversationId: 'conv-adele', activityId: 'form-card-1' },
});

describe('requests decided or canceled outside Teams (reconcile with Graph)', () => {
  let h: ReturnType<typeof accessHarness>;
  beforeEach(() => (h = accessHarness('2026-03-02T10:00:00Z')));
  const item = async (id: string) => (await h.store.workflows.get<AccessRequestData>(id))!;
  const graphOf = async (id: string) => {
    const requestId = (await item(id)).data.graph!.requestId;
    return h.entitlement.requests.find((r) => r.id === requestId)!;
  };
  const card = (userId: string) =>
    h.lastCard(userId, 'approval.request') as unknown as ApprovalRequestCardData;
  /** What a decision in My Access leaves in Graph (the fake records only the reviewer's id). */
  const decideInMyAccess = async (
    itemId: string,
    userId: string,
    decision: 'Approve' | 'Deny',
    reason: string,
    stage = 0,
  ) => {
    const g = await graphOf(itemId);
    await h.entitlement.decideStage(h.as(userId), g.id, `stage-${stage}`, decision, reason);
    g.stages[stage]!.reviewedDateTime = h.clock.now().toISOString();
  };
  /** The recurring round at its next slot, with everything it causes. */
  const nextRound = async () => {
    await h.wf.reconciler.scheduleNext();
    const every = 5 * 60_000;
    h.clock.set(new Date(Math.floor(h.clock.now().getTime() / every) * every + every));
    await h.wf.runDue();
  };

  it('Lee approves in My Access: every card says so, Adele is told, and nothing is written to Graph', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    h.clock.set('2026-03-02T10:21:00Z');
    await decideInMyAccess(view.itemId, 'lee', 'Approve', 'Go ahead');
    const graphCalls = h.entitlement.calls.length;

    h.clock.set('2026-03-02T10:24:00Z');
    await h.wf.reconciler.scheduleNext();
    await h.wf.runDue();
    assert.equal((await item(view.itemId)).state, 'pendingApproval', 'not before the round is due');
    h.clock.set('2026-03-02T10:25:00Z');
    await h.wf.runDue();

    const done = await item(view.itemId);
    assert.equal(done.state, 'delivered', 'approved here, then followed in Graph until delivered');
    assert.deepEqual(done.data.approval.stages[0]?.decision, {
      result: 'approved',
      by: { id: 'lee', displayName: 'Lee Gu' },
      at: '2026-03-02T10:21:00.000Z',
      reason: 'Go ahead',
      via: 'myAccess',
    });
    for (const approver of ['megan', 'lee']) {
      const c = card(approver);
      assert.equal(c.status, 'approved');
      assert.equal(c.canDecide, false);
      assert.equal(c.outcome?.by?.displayName, 'Lee Gu (in My Access)');
    }
    const told = h.notifier.sent.filter(
      (s) => s.userId === 'adele' && s.notification.kind === 'approval.outcome',
    );
    assert.equal(told.length, 1);
    assert.match(JSON.stringify(told[0]!.notification.data), /Lee Gu \(in My Access\).*Go ahead/);
    assert.equal(h.lastCard('adele', 'access.requestStatus')?.state, 'delivered');

    const newCalls = h.entitlement.calls.slice(graphCalls);
    assert.ok(!newCalls.includes('decideStage') && !newCalls.includes('cancelRequest'), newCalls.join());
    const [decided] = await h.store.audit.list({ types: ['approval.decided'] });
    assert.equal(decided?.actorId, 'lee');
    assert.equal(decided?.source?.via, 'myAccess');
    assert.equal((await h.store.audit.list({ types: ['approval.decidedElsewhere'] })).length, 1);
    const expire = await h.store.jobs.get(`approval:${view.itemId}:0:approval.expire`);
    assert.ok(expire?.doneAt, 'the automatic denial timer is gone');
    assert.ok(await h.store.jobs.get(`${RECONCILE_JOB}:2026-03-02T10:30:00.000Z`), 'the next round waits');
  });

  it('Project Falcon: the manager approves stage 1 in My Access, the sponsor gets a card and decides in Teams', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), {
      packageId: 'falcon',
      idempotencyKey: 'f1',
      justification: 'Field work',
      answers: { 'q-ws': 'Design' },
    });
    assert.deepEqual(h.kinds('lee'), []);
    await decideInMyAccess(view.itemId, 'megan', 'Approve', 'Fine by me');
    await nextRound();

    const mid = await item(view.itemId);
    assert.equal(mid.state, 'pendingApproval');
    assert.equal(mid.data.approval.current, 1);
    assert.deepEqual(h.kinds('lee'), ['approval.request']);
    assert.equal(card('lee').canDecide, true);
    assert.equal(card('megan').status, 'approved');
    assert.equal(card('megan').outcome?.by?.displayName, 'Megan Bowen (in My Access)');
    assert.ok(await h.store.jobs.get(`approval:${view.itemId}:1:approval.expire`), "stage 2's timers");

    await h.wf.approvals.decide({ actor: { id: 'lee' }, itemId: view.itemId, decision: 'approve' });
    await h.wf.outbox.runItem(view.itemId, new Map([['lee', 'sso-lee']]));
    h.clock.advance(5_000);
    await h.wf.outbox.runDue();
    assert.equal((await item(view.itemId)).state, 'delivered');
    assert.equal((await graphOf(view.itemId)).stages[1]?.reviewResult, 'Approve', 'recorded in Graph');
  });

  it('an admin cancels in the portal: the cards say canceled, Adele sees it, and no cancel goes to Graph', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    (await graphOf(view.itemId)).state = 'canceled';
    await nextRound();

    assert.equal((await item(view.itemId)).state, 'canceled');
    for (const approver of ['megan', 'lee']) {
      assert.equal(card(approver).status, 'canceled');
      assert.equal(card(approver).canDecide, false);
    }
    assert.equal(h.lastCard('adele', 'access.requestStatus')?.state, 'canceled');
    assert.ok(!h.kinds('adele').includes('approval.outcome'));
    assert.ok(!h.entitlement.calls.includes('cancelRequest'));
    assert.ok(!h.entitlement.calls.includes('approvalStages'), 'a cancel has no decider to look up');
  });

  it('Megan denies in My Access with a reason: denied here, Adele gets the reason', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    await decideInMyAccess(view.itemId, 'megan', 'Deny', 'Not this quarter');
    await nextRound();
    assert.equal((await item(view.itemId)).state, 'denied');
    assert.equal(card('lee').outcome?.by?.displayName, 'Megan Bowen (in My Access)');
    const told = h.notifier.sent.find(
      (s) => s.userId === 'adele' && s.notification.kind === 'approval.outcome',
    );
    const outcome = (told?.notification.data as { outcome?: { result: string; reason?: string } }).outcome;
    assert.equal(outcome?.result, 'denied');
    assert.equal(outcome?.reason, 'Not this quarter');
  });

  it('Graph down: the item waits for the next round, which applies it; the rounds go on', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    await decideInMyAccess(view.itemId, 'lee', 'Approve', 'ok');
    h.entitlement.fail.requestState = [new GraphUnavailableError('Graph is down', 503)];
    await nextRound();
    assert.equal((await item(view.itemId)).state, 'pendingApproval');
    assert.deepEqual(await h.store.audit.list({ types: ['job.failed'] }), []);
    await h.wf.runDue();
    await nextRound();
    assert.equal((await item(view.itemId)).state, 'delivered');
  });

  it("without an approver who can read the stages, Graph's request state still settles it", async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    await decideInMyAccess(view.itemId, 'lee', 'Approve', 'ok');
    h.entitlement.fail.approvalStages = [new SignInRequiredError('megan'), new SignInRequiredError('lee')];
    await nextRound();
    assert.equal((await item(view.itemId)).state, 'delivered');
    assert.equal(card('megan').outcome?.by?.displayName, 'an approver (in My Access)');
  });

  it('still pending in Graph: nothing changes and nothing is written', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    const before = (await item(view.itemId)).version;
    await nextRound();
    assert.equal((await item(view.itemId)).version, before);
    assert.ok(h.entitlement.calls.includes('requestState'));
    assert.ok(!h.entitlement.calls.includes('approvalStages'), 'one stage: the request state says it all');
  });

  it('two replicas reconciling at once change the item once', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    await decideInMyAccess(view.itemId, 'lee', 'Approve', 'ok');
    const first = h.wf;
    const second = h.restart('replica-2');
    const rounds = await Promise.all([first.reconciler.run(), second.reconciler.run()]);
    assert.equal(rounds[0].changed + rounds[1].changed, 1);
    await first.runDue();
    await second.runDue();
    assert.equal(h.kinds('adele').filter((k) => k === 'approval.outcome').length, 1);
    assert.equal((await h.store.audit.list({ types: ['approval.decided'] })).length, 1);
  });

  it('replicas starting at once keep one round scheduled', async () => {
    h.clock.set('2026-03-02T10:03:10Z');
    await Promise.all([h.wf.reconciler.scheduleNext(), h.restart('replica-2').reconciler.scheduleNext()]);
    const job = await h.store.jobs.get(`${RECONCILE_JOB}:2026-03-02T10:05:00.000Z`);
    assert.equal(job?.type, RECONCILE_JOB);
    h.clock.set('2026-03-02T10:05:00Z');
    await h.wf.runDue();
    assert.ok((await h.store.jobs.get(job.id))?.doneAt);
    assert.ok(await h.store.jobs.get(`${RECONCILE_JOB}:2026-03-02T10:10:00.000Z`));
  });
});
