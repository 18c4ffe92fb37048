import { strict as assert } from 'node:assert';
import {
  InvalidRequestError,
  NotRequestableError,
  NotYoursError,
  OpenRequestExistsError,
} from '../../../../services/access/errors';
import type { AccessRequestData } from '../../../../services/access/model';
import { AlreadyDecidedError, SelfApprovalError } from '../../../../services/approvals/errors';
import { GraphUnavailableError, PolicyViolationError } from '../../../../services/ports/graphErrors';
import { accessHarness } from './harness';

const covid = (key: string, extra = {}) => ({
  packageId: 'covid',
  idempotencyKey: key,
  justification: 'Joining the response',
  ...extra,
});
const card = (userId: string) => ({ userId, conversationId: `conv-${userId}`, activityId: 'form-card-1' });

describe('AccessRequestService', () => {
  let h: ReturnType<typeof accessHarness>;
  beforeEach(() => (h = accessHarness()));
  const item = async (id: string) => (await h.store.workflows.get<AccessRequestData>(id))!;

  it('builds the form: policy, questions in order, custom dates, who approves (manager resolved)', async () => {
    const form = await h.wf.requests.form(h.as('adele'), 'falcon');
    const [p] = form.policies;
    assert.deepEqual(
      p?.questions.map((q) => [q.id, q.required]),
      [
        ['q-ws', true],
        ['q-who', false],
      ],
    );
    assert.equal(p?.customSchedule, true);
    assert.deepEqual(
      p?.approval.stages.map((s) => s.approvers),
      [['Megan Bowen'], ['Lee Gu']],
    );
    assert.deepEqual(p?.approval.stages[0]?.escalation, { after: 'P1D', approvers: ['Patti Fernandez'] });
    await assert.rejects(h.wf.requests.form(h.as('adele'), 'finance'), NotRequestableError);
  });

  it('Adele requests COVID-19: persisted, sent to Graph once as Adele, both approvers carded, Megan approves, all see it', async () => {
    const { view, created } = await h.wf.requests.submit(h.as('adele'), {
      ...covid('k1'),
      sourceMessage: card('adele'),
    });
    assert.equal(created, true);
    assert.equal(view.state, 'pendingApproval');
    assert.deepEqual(view.stage?.approvers, ['Megan Bowen', 'Lee Gu']);
    assert.equal(view.stage?.decideBy, '2026-03-04T10:00:00.000Z');
    assert.deepEqual(
      h.entitlement.calls.filter((c) => c === 'createRequest'),
      ['createRequest'],
    );
    assert.deepEqual(h.kinds('megan'), ['approval.request']);
    assert.deepEqual(h.kinds('lee'), ['approval.request']);
    const meganCard = h.lastCard('megan', 'approval.request')!;
    assert.equal(meganCard.canDecide, true);
    assert.deepEqual(meganCard.refreshUserIds, ['megan', 'lee']);
    assert.equal((meganCard.requester as { department: string }).department, 'Retail');
    assert.deepEqual(
      (await h.wf.waitingFor('megan')).map((c) => c.itemId),
      [view.itemId],
    );
    assert.deepEqual(await h.wf.waitingFor('adele'), [], 'the requester has nothing to decide');

    h.clock.set('2026-03-02T10:42:00Z');
    await h.wf.approvals.decide({
      actor: { id: 'megan' },
      itemId: view.itemId,
      decision: 'approve',
      reason: 'Welcome',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['megan', 'sso-megan']]));
    assert.equal((await item(view.itemId)).state, 'delivering', 'Graph delivers after its answer');
    h.clock.advance(5_000); // the bot looks again a little later
    await h.wf.outbox.runDue();
    const done = await item(view.itemId);
    assert.equal(done.state, 'delivered');
    assert.ok(
      h.entitlement.assignments.some(
        (a) => a.target?.objectId === 'adele' && a.accessPackage?.id === 'covid',
      ),
    );
    assert.deepEqual(await h.wf.waitingFor('lee'), [], 'decided: nothing waits any more');
    for (const approver of ['megan', 'lee']) {
      const c = h.lastCard(approver, 'approval.request')!;
      assert.equal(c.status, 'approved');
      assert.equal(c.canDecide, false);
      assert.deepEqual((c.outcome as { by: unknown }).by, { id: 'megan', displayName: 'Megan Bowen' });
    }
    assert.deepEqual(
      h.kinds('adele'),
      ['approval.outcome'],
      'told once; the status card was updated in place',
    );
    const status = h.notifier.updates.filter((u) => u.message.activityId === 'form-card-1').at(-1);
    assert.equal(status?.notification.data.state, 'delivered');
    await assert.rejects(
      h.wf.approvals.decide({ actor: { id: 'lee' }, itemId: view.itemId, decision: 'deny', reason: 'late' }),
      (e: unknown) =>
        e instanceof AlreadyDecidedError &&
        e.decision.by?.displayName === 'Megan Bowen' &&
        e.decision.at === '2026-03-02T10:42:00.000Z',
    );
    const audit = (await h.store.audit.list({ itemId: view.itemId })).map((e) => e.type);
    for (const t of [
      'access.requested',
      'access.submitted',
      'notification.sent',
      'approval.decided',
      'access.delivered',
    ])
      assert.ok(audit.includes(t), t);
  });

  it('a double click (same key, at once) makes one item and one Graph request', async () => {
    const [a, b] = await Promise.all([
      h.wf.requests.submit(h.as('adele'), covid('dbl')),
      h.wf.requests.submit(h.as('adele'), covid('dbl')),
    ]);
    assert.equal(a.view.itemId, b.view.itemId);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(h.entitlement.calls.filter((c) => c === 'createRequest').length, 1);
    assert.equal(h.entitlement.requests.length, 1);
    await assert.rejects(h.wf.requests.submit(h.as('adele'), covid('another-card')), OpenRequestExistsError);
  });

  it('crash after Graph took the request but before we recorded it: the retry adopts it, no second request', async () => {
    const create = h.entitlement.createRequest.bind(h.entitlement);
    h.entitlement.createRequest = async (who, r) => {
      await create(who, r); // Graph created it…
      throw new GraphUnavailableError('socket hang up'); // …but the answer never came back
    };
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('crash'));
    assert.equal(view.state, 'submitted');
    assert.match(view.retrying?.message ?? '', /socket hang up/);
    h.entitlement.createRequest = create;
    h.restart();
    h.clock.advance(1000);
    await h.wf.runDue();
    assert.equal(h.entitlement.requests.length, 1);
    assert.equal((await item(view.itemId)).data.graph?.requestId, 'graph-1');
    assert.equal((await item(view.itemId)).state, 'pendingApproval');
  });

  it('runner stopped between persist and Graph: the restarted runner submits exactly once', async () => {
    h.wf.outbox.runItem = async () => 0; // the process dies right after persisting
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('stop'));
    assert.equal(view.state, 'submitted');
    assert.equal(h.entitlement.requests.length, 0);
    h.restart();
    await h.wf.runDue();
    assert.equal(
      h.entitlement.calls.filter((c) => c === 'createRequest').length,
      0,
      'the dead process still holds the lease it created the item with',
    );
    h.clock.advance(60_000); // its lease runs out
    await h.wf.runDue();
    await h.wf.runDue();
    assert.equal(h.entitlement.calls.filter((c) => c === 'createRequest').length, 1);
    assert.equal((await item(view.itemId)).state, 'pendingApproval');
  });

  it('the poller cannot take a new request from its turn: the status card tells what the turn did', async () => {
    const runItem = h.wf.outbox.runItem.bind(h.wf.outbox);
    let pollerRan = -1;
    h.wf.outbox.runItem = async (...args: Parameters<typeof runItem>) => {
      // The poller looks between the write and the turn's own run (as it may under load).
      pollerRan = await h.wf.outbox.runDue();
      return runItem(...args);
    };
    h.entitlement.createRequest = async () => {
      throw new GraphUnavailableError('busy');
    };
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('race'));
    assert.equal(pollerRan, 0, 'the item was leased to the turn in the write that created it');
    assert.match(view.retrying?.message ?? '', /busy/, "the card shows this turn's attempt");
  });

  it('Graph down: the card says we will retry, and we do', async () => {
    h.entitlement.fail.createRequest = [
      new GraphUnavailableError('503', 503),
      new GraphUnavailableError('503', 503),
    ];
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('down'));
    assert.equal(view.state, 'submitted');
    assert.equal(view.retrying?.nextAttemptAt, '2026-03-02T10:00:01.000Z');
    h.clock.advance(1000);
    await h.wf.runDue();
    h.clock.advance(2000);
    await h.wf.runDue();
    assert.equal((await h.wf.requests.status(h.as('adele'), view.itemId)).state, 'pendingApproval');
  });

  it('Graph refuses (already has access): the request fails with that reason, no approver is asked', async () => {
    h.entitlement.fail.createRequest = [
      new PolicyViolationError('already', 'AccessPackageAlreadyAssigned', 'alreadyAssigned'),
    ];
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('refused'));
    assert.equal(view.state, 'failed');
    assert.deepEqual(view.failure?.code, 'alreadyAssigned');
    assert.deepEqual(h.kinds('megan'), []);
    assert.equal(h.lastCard('adele', 'access.requestStatus')?.state, 'failed');
  });

  it('checks the form like Graph: every problem at once, nothing persisted', async () => {
    await assert.rejects(
      h.wf.requests.submit(h.as('adele'), {
        packageId: 'falcon',
        idempotencyKey: 'bad',
        answers: { 'q-ws': 'Cooking' },
        startDate: '2026-03-03',
        endDate: '2027-03-03',
      }),
      (e: unknown) =>
        e instanceof InvalidRequestError &&
        JSON.stringify(e.problems.map((p) => p.field)) ===
          JSON.stringify(['justification', 'q-ws', 'endDate']),
    );
    assert.deepEqual(await h.store.workflows.find({ kind: 'accessRequest' }), []);
  });

  it('Project Falcon: the manager, then the sponsor, in order, with answers and dates', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), {
      packageId: 'falcon',
      idempotencyKey: 'f1',
      justification: 'Field work',
      answers: { 'q-ws': 'Design' },
      startDate: '2026-03-02',
      endDate: '2026-04-30',
      timeZone: 'Europe/Berlin',
    });
    const stored = await item(view.itemId);
    assert.equal(stored.data.schedule?.expiration?.endDateTime, '2026-04-30T21:59:59.999Z');
    assert.deepEqual(h.kinds('megan'), ['approval.request']);
    assert.deepEqual(h.kinds('lee'), []);
    const c = h.lastCard('megan', 'approval.request')!;
    assert.deepEqual(c.answers, [{ question: 'Which workstream will you join?', answer: 'Design' }]);
    await h.wf.approvals.decide({
      actor: { id: 'megan' },
      itemId: view.itemId,
      decision: 'approve',
      reason: 'ok',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['megan', 'sso-megan']]));
    assert.deepEqual(h.kinds('lee'), ['approval.request']);
    await h.wf.approvals.decide({ actor: { id: 'lee' }, itemId: view.itemId, decision: 'approve' });
    await h.wf.outbox.runItem(view.itemId, new Map([['lee', 'sso-lee']]));
    h.clock.advance(5_000);
    await h.wf.outbox.runDue();
    assert.equal((await item(view.itemId)).state, 'delivered');
    assert.equal(h.entitlement.calls.filter((x) => x === 'decideStage').length, 2);
  });

  it('nobody approves their own request: Megan asking for COVID-19 is approved by Lee only', async () => {
    const { view } = await h.wf.requests.submit(h.as('megan'), covid('self'));
    assert.deepEqual(view.stage?.approvers, ['Lee Gu']);
    await assert.rejects(
      h.wf.approvals.decide({
        actor: { id: 'megan' },
        itemId: view.itemId,
        decision: 'approve',
        reason: 'me',
      }),
      SelfApprovalError,
    );
  });

  it("the requester cancels: Graph cancels, approvers' cards say so; others cannot cancel", async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('c1'));
    await assert.rejects(h.wf.requests.cancel(h.as('megan'), view.itemId), NotYoursError);
    const after = await h.wf.requests.cancel(h.as('adele'), view.itemId);
    assert.equal(after.state, 'canceled');
    assert.equal(h.entitlement.requests[0]?.state, 'canceled');
    assert.equal(h.lastCard('lee', 'approval.request')?.status, 'canceled');
    assert.deepEqual(
      (await h.wf.requests.myRequests(h.as('adele'))).rows.map((r) => r.state),
      ['canceled'],
    );
  });

  it('a denial: the requester is told, with the reason', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('d1'));
    await h.wf.approvals.decide({
      actor: { id: 'lee' },
      itemId: view.itemId,
      decision: 'deny',
      reason: 'Team is full',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['lee', 'sso-lee']]));
    assert.equal((await item(view.itemId)).state, 'denied');
    assert.deepEqual(h.lastCard('adele', 'approval.outcome')?.outcome, {
      result: 'denied',
      by: { id: 'lee', displayName: 'Lee Gu' },
      at: '2026-03-02T10:00:00.000Z',
      reason: 'Team is full',
    });
    assert.equal(h.entitlement.requests[0]?.state, 'denied');
  });
});
