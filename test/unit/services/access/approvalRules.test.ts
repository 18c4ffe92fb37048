import { strict as assert } from 'node:assert';
import type { AccessRequestData } from '../../../../services/access/model';
import { accessHarness } from './harness';

const falcon = (key: string) => ({
  packageId: 'falcon',
  idempotencyKey: key,
  justification: 'Field work',
  answers: { 'q-ws': 'Design' },
});

/**
 * The approval rules that mutation testing showed untested: each test fails on one small change to
 * the engine (starting stage 2 after a denial, dropping a stage's audit, answering a retried card
 * with a new request).
 */
describe('approval rules (mutation-killing)', () => {
  let h: ReturnType<typeof accessHarness>;
  beforeEach(() => (h = accessHarness()));
  const item = async (id: string) => (await h.store.workflows.get<AccessRequestData>(id))!;

  it('a stage-1 denial of a two-stage request denies the request; stage 2 never starts', async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), falcon('deny-1'));
    await h.wf.approvals.decide({
      actor: { id: 'megan' },
      itemId: view.itemId,
      decision: 'deny',
      reason: 'Not this quarter',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['megan', 'sso-megan']]));
    const denied = await item(view.itemId);
    assert.equal(denied.state, 'denied');
    assert.equal(denied.data.approval.outcome?.result, 'denied');
    assert.equal(denied.data.approval.stages[1]?.state, 'NotStarted');
    assert.deepEqual(h.kinds('lee'), [], 'the stage-2 approver is never asked');
    assert.deepEqual(
      h.kinds('adele').filter((k) => k === 'approval.stagePassed'),
      [],
    );
    assert.equal((h.lastCard('adele', 'approval.outcome')?.outcome as { result: string }).result, 'denied');
    assert.equal(h.entitlement.requests[0]?.state, 'denied');
  });

  it("every stage's decision is in the audit log, with its approver, stage and reason", async () => {
    const { view } = await h.wf.requests.submit(h.as('adele'), falcon('audit-1'));
    await h.wf.approvals.decide({
      actor: { id: 'megan' },
      itemId: view.itemId,
      decision: 'approve',
      reason: 'ok',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['megan', 'sso-megan']]));
    assert.deepEqual(
      h.kinds('adele').filter((k) => k === 'approval.stagePassed'),
      ['approval.stagePassed'],
    );
    await h.wf.approvals.decide({
      actor: { id: 'lee' },
      itemId: view.itemId,
      decision: 'approve',
      reason: 'go',
    });
    await h.wf.outbox.runItem(view.itemId, new Map([['lee', 'sso-lee']]));
    const decided = await h.store.audit.list({ itemId: view.itemId, types: ['approval.decided'] });
    assert.deepEqual(
      decided
        .map((e) => [
          e.actorId,
          (e.details as { stage: number }).stage,
          (e.details as { reason?: string }).reason,
        ])
        .sort(),
      [
        ['lee', 1, 'go'],
        ['megan', 0, 'ok'],
      ],
    );
  });

  it('submitting the same card again later (a retry, a second tab next day) makes no second request', async () => {
    const first = await h.wf.requests.submit(h.as('adele'), falcon('same-card'));
    h.clock.advance(26 * 3_600_000);
    await h.wf.approvals.decide({
      actor: { id: 'megan' },
      itemId: first.view.itemId,
      decision: 'deny',
      reason: 'no',
    });
    await h.wf.outbox.runItem(first.view.itemId, new Map([['megan', 'sso-megan']]));
    // Denied, so no open request blocks a new one: only the key keeps the old card from asking again.
    const again = await h.wf.requests.submit(h.as('adele'), falcon('same-card'));
    assert.equal(again.created, false);
    assert.equal(again.view.itemId, first.view.itemId);
    assert.equal(again.view.state, 'denied');
    assert.equal(h.entitlement.requests.length, 1, 'one Graph request');
    assert.equal((await h.store.workflows.find({ kind: 'accessRequest' })).length, 1);
  });

  it('the 1-day expiry warning fires inside its window (under 24 h left), not a day early', async () => {
    h.entitlement.assignments.push({
      id: 'asg-1',
      state: 'delivered',
      accessPackage: { id: 'sales', displayName: 'Sales Toolkit' },
      target: { objectId: 'miriam' },
      policyId: 'p-sales',
      endDateTime: '2026-03-10T10:00:00.000Z',
    });
    const thresholds = () =>
      h.notifier.sent
        .filter((s) => s.userId === 'miriam' && s.notification.kind === 'access.expiring')
        .map((s) => (s.notification.data as { thresholdDays: number }).thresholdDays);
    const scanAt = async (iso: string) => {
      h.clock.set(iso);
      await h.wf.expiry.scan();
      await h.wf.outbox.runDue();
    };
    await scanAt('2026-03-03T11:00:00Z'); // 6 days 23 h left: the 7-day warning
    assert.deepEqual(thresholds(), [7]);
    await scanAt('2026-03-08T10:00:00Z'); // 2 days left: still only the 7-day one
    assert.deepEqual(thresholds(), [7]);
    await scanAt('2026-03-09T09:59:00Z'); // 24 h 1 min left: a day early would warn here
    assert.deepEqual(thresholds(), [7]);
    await scanAt('2026-03-09T10:00:00Z'); // exactly 24 h left: inside the window
    assert.deepEqual(thresholds(), [7, 1]);
    await scanAt('2026-03-10T10:00:00Z'); // ended: no more warnings
    assert.deepEqual(thresholds(), [7, 1]);
  });
});
