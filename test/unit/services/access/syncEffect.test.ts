import { strict as assert } from 'node:assert';
import type { AccessRequestData } from '../../../../services/access/model';
import type { AssignmentRequestInfo } from '../../../../services/ports/entitlement';
import { accessHarness } from './harness';

describe('following a request in Graph until it is delivered', () => {
  it('looks again later (5 s, 10 s, …) while Graph is still delivering, then mirrors the outcome', async () => {
    const h = accessHarness();
    const states: AssignmentRequestInfo['state'][] = ['delivering', 'delivering', 'delivered'];
    const create = h.entitlement.createRequest.bind(h.entitlement);
    h.entitlement.createRequest = async (who, r) => ({ ...(await create(who, r)), state: 'delivering' });
    h.entitlement.requestState = async (id) => ({
      id,
      requestType: 'userAdd',
      state: states.shift() ?? 'delivered',
    });

    const { view } = await h.wf.requests.submit(h.as('adele'), { packageId: 'sales', idempotencyKey: 's1' });
    assert.equal(view.state, 'delivering');
    const state = async () => (await h.store.workflows.get<AccessRequestData>(view.itemId))!.state;
    h.clock.advance(10_000);
    await h.wf.runDue();
    assert.equal(await state(), 'delivering');
    assert.equal(states.length, 1, 'asked twice so far');
    h.clock.advance(20_000);
    await h.wf.runDue();
    assert.equal(await state(), 'delivered');
    assert.equal(h.lastCard('adele', 'access.requestStatus')?.state, 'delivered');
    assert.deepEqual(await h.store.audit.list({ types: ['effect.failed'] }), []);
  });

  it('keeps a request Graph has not processed yet Submitted: no approver is asked before Graph shows pendingApproval', async () => {
    const h = accessHarness();
    // entitlementmanagement-post-assignmentrequests.md: Graph answers `submitted` and processes afterwards.
    const states: AssignmentRequestInfo['state'][] = ['submitted', 'submitted', 'pendingApproval'];
    h.entitlement.requestState = async (id) => ({
      id,
      requestType: 'userAdd',
      state: states.shift() ?? 'pendingApproval',
    });
    const { view } = await h.wf.requests.submit(h.as('adele'), {
      packageId: 'covid',
      idempotencyKey: 'c1',
      justification: 'Joining the response',
    });
    assert.equal(view.state, 'submitted');
    assert.equal(view.processing, true);
    assert.deepEqual(
      [h.kinds('megan'), h.kinds('lee')],
      [[], []],
      'no approver card before Graph has an approval',
    );
    h.clock.advance(10_000);
    await h.wf.runDue();
    assert.deepEqual(h.kinds('megan'), [], 'still processing in Graph');
    h.clock.advance(20_000);
    await h.wf.runDue();
    const item = (await h.store.workflows.get<AccessRequestData>(view.itemId))!;
    assert.equal(item.state, 'pendingApproval');
    assert.equal(item.data.graph?.state, 'pendingApproval');
    assert.deepEqual([h.kinds('megan'), h.kinds('lee')], [['approval.request'], ['approval.request']]);
    assert.equal(h.lastCard('adele', 'access.requestStatus')?.state, 'pendingApproval');
    assert.ok(!h.entitlement.calls.includes('approvalStages'), 'nothing read an approval');
  });
});
