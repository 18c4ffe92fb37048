import { strict as assert } from 'node:assert';
import { ApprovalEngine } from '../../../../services/approvals/approvalEngine';
import { ApprovalTimers } from '../../../../services/approvals/approvalTimers';
import {
  AlreadyDecidedError,
  NotAnApproverError,
  NotPendingError,
  ReasonRequiredError,
  SelfApprovalError,
} from '../../../../services/approvals/errors';
import type { ApprovalItemData } from '../../../../services/approvals/model';
import { ManualClock } from '../../../../services/clock';
import { people } from '../fakes/directory';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { seedPending, stageRecord } from './fixtures';

describe('ApprovalEngine.decide', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let engine: ApprovalEngine;
  let timers: ApprovalTimers;
  const get = async () => (await store.workflows.get<ApprovalItemData>('req-1'))!;
  const types = async () => (await get()).outbox.filter((e) => !e.doneAt).map((e) => e.type);

  beforeEach(() => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    engine = new ApprovalEngine({ store: store.workflows, clock });
    timers = new ApprovalTimers({ store: store.workflows, clock });
  });

  it('an approval of the only stage approves the request and records every effect with it', async () => {
    await seedPending(store.workflows, clock);
    clock.advance(42 * 60_000);
    const { decision } = await engine.decide({
      actor: { id: 'megan' },
      itemId: 'req-1',
      decision: 'approve',
      reason: ' ok ',
    });
    const item = await get();
    assert.equal(item.state, 'delivering');
    assert.equal(item.data.approval.stages[0]?.state, 'Approved');
    assert.deepEqual(decision, {
      result: 'approved',
      by: { id: 'megan', displayName: 'Megan Bowen' },
      at: '2026-03-02T10:42:00.000Z',
      reason: 'ok',
    });
    const pending = await types();
    for (const t of [
      'accessRequest.recordDecision',
      'notify.refresh',
      'timers.cancel',
      'audit.append',
      'notify.send',
    ]) {
      assert.ok(pending.includes(t), `missing effect ${t}`);
    }
    const record = item.outbox.find((e) => e.type === 'accessRequest.recordDecision');
    assert.deepEqual(record?.payload, { stage: 0, approverId: 'megan', decision: 'approve', reason: 'ok' });
  });

  it('two approvers deciding at once: one wins, the other gets AlreadyDecided with who and when', async () => {
    await seedPending(store.workflows, clock);
    const results = await Promise.allSettled([
      engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'yes' }),
      engine.decide({ actor: { id: 'lee' }, itemId: 'req-1', decision: 'deny', reason: 'no' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    const err = lost[0]?.reason as AlreadyDecidedError;
    assert.ok(err instanceof AlreadyDecidedError);
    assert.equal(err.code, 'alreadyDecided');
    assert.equal(err.decision.by?.id, (await get()).data.approval.outcome?.by?.id);
    assert.equal(err.decision.at, '2026-03-02T10:00:00.000Z');
    assert.equal((await get()).outbox.filter((e) => e.type === 'accessRequest.recordDecision').length, 1);
  });

  it('refuses the requester, non-approvers, and a missing reason where the stage needs one', async () => {
    await seedPending(store.workflows, clock);
    await assert.rejects(
      engine.decide({ actor: { id: 'adele' }, itemId: 'req-1', decision: 'approve', reason: 'me' }),
      SelfApprovalError,
    );
    await assert.rejects(
      engine.decide({ actor: { id: 'nestor' }, itemId: 'req-1', decision: 'approve', reason: 'x' }),
      NotAnApproverError,
    );
    await assert.rejects(
      engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'deny', reason: '  ' }),
      ReasonRequiredError,
    );
    assert.equal((await get()).state, 'pendingApproval');
    assert.equal((await get()).version, 1, 'nothing written');
  });

  it('a denial denies the request; a later click on any copy gets AlreadyDecided', async () => {
    await seedPending(store.workflows, clock);
    await engine.decide({ actor: { id: 'lee' }, itemId: 'req-1', decision: 'deny', reason: 'not now' });
    assert.equal((await get()).state, 'denied');
    await assert.rejects(
      engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'x' }),
      (e: unknown) =>
        e instanceof AlreadyDecidedError &&
        e.decision.by?.displayName === 'Lee Gu' &&
        e.decision.reason === 'not now',
    );
  });

  it('multi-stage: the next stage starts (cards to its approvers) only when the previous approves', async () => {
    await seedPending(store.workflows, clock, [
      stageRecord(0, { approvers: [people.megan], decideWithin: 'P3D' }),
      stageRecord(1, { approvers: [people.lee], reasonRequired: false, decideWithin: 'P3D' }),
    ]);
    const sendsTo = async () =>
      (await get()).outbox.filter((e) => e.type === 'notify.send').map((e) => e.payload.userId);
    assert.deepEqual(await sendsTo(), ['megan']);
    await assert.rejects(
      engine.decide({ actor: { id: 'lee' }, itemId: 'req-1', decision: 'approve' }),
      NotAnApproverError,
    );
    clock.advance(3_600_000);
    await engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'fine' });
    let item = await get();
    assert.equal(item.state, 'pendingApproval');
    assert.equal(item.data.approval.current, 1);
    assert.equal(item.data.approval.stages[1]?.state, 'InProgress');
    assert.equal(item.data.approval.stages[1]?.decideBy, '2026-03-05T11:00:00.000Z');
    // Lee's card for stage 2, and Adele hears that stage 1 passed.
    assert.deepEqual(await sendsTo(), ['megan', 'lee', 'adele']);
    const told = item.outbox.find((e) => e.id === 'send:requester:stage-passed:0');
    assert.deepEqual(told?.payload, {
      key: 'requester:stage-passed:0',
      userId: 'adele',
      kind: 'approval.stagePassed',
    });
    await assert.rejects(
      engine.decide({
        actor: { id: 'megan' },
        itemId: 'req-1',
        decision: 'approve',
        reason: 'again',
        stage: 0,
      }),
      AlreadyDecidedError,
    );
    await engine.decide({ actor: { id: 'lee' }, itemId: 'req-1', decision: 'approve' });
    item = await get();
    assert.equal(item.state, 'delivering');
    assert.equal(item.data.approval.outcome?.by?.id, 'lee');
  });

  it('after escalation the escalation approvers may decide too', async () => {
    await seedPending(store.workflows, clock, [
      stageRecord(0, {
        approvers: [people.megan],
        escalationApprovers: [people.patti],
        escalateAfter: 'P1D',
        decideWithin: 'P3D',
      }),
    ]);
    await assert.rejects(
      engine.decide({ actor: { id: 'patti' }, itemId: 'req-1', decision: 'approve', reason: 'x' }),
      NotAnApproverError,
    );
    await timers.escalate('req-1', 0);
    await timers.escalate('req-1', 0); // a timer firing twice changes nothing more
    const item = await get();
    assert.equal(item.data.approval.stages[0]?.escalated, true);
    assert.deepEqual(
      item.outbox.filter((e) => e.type === 'notify.send').map((e) => e.payload.userId),
      ['megan', 'patti'],
    );
    await engine.decide({ actor: { id: 'patti' }, itemId: 'req-1', decision: 'approve', reason: 'covering' });
    assert.equal((await get()).state, 'delivering');
  });

  it('expiry denies the request and later decisions get AlreadyDecided (expired)', async () => {
    await seedPending(store.workflows, clock);
    await timers.expire('req-1', 0);
    const item = await get();
    assert.equal(item.state, 'denied');
    assert.equal(item.data.approval.outcome?.result, 'expired');
    await assert.rejects(
      engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'late' }),
      (e: unknown) => e instanceof AlreadyDecidedError && e.decision.result === 'expired',
    );
  });

  it('refuses decisions on a request that is not pending', async () => {
    await seedPending(store.workflows, clock);
    const item = await get();
    await store.workflows.update(item.id, item.version, { state: 'failed', at: clock.now() });
    await assert.rejects(
      engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'x' }),
      NotPendingError,
    );
  });
});
