import { strict as assert } from 'node:assert';
import type { DirectoryAuditInput } from '../../../../emulator/graph/routing';
import { EntitlementService } from '../../../../emulator/graph/modules/entitlement/service';
import { PimService } from '../../../../emulator/graph/modules/pim/service';
import { DAY, idOf, testContext, userCaller } from './support';
import { EM, userAdd } from './entitlementFixtures';

describe('emulator governance modules: directory audit events', () => {
  let ctx: ReturnType<typeof testContext>;
  let events: DirectoryAuditInput[];
  beforeEach(() => {
    ctx = testContext();
    events = [];
    ctx.auditLog = { append: (e) => void events.push(e) };
  });
  const names = () => events.map((e) => e.activityDisplayName);

  it('records request, fulfilment and expiry of an access package assignment', () => {
    const em = new EntitlementService(ctx);
    assert.equal(events.length, 0, 'seeding writes nothing');
    em.submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.sales, EM.salesPolicy));
    assert.deepEqual(names(), ['User requests access package assignment']);
    em.refresh(); // Graph fulfils after answering
    assert.deepEqual(names(), [
      'User requests access package assignment',
      'Fulfill access package assignment',
    ]);
    assert.equal(events[1]!.category, 'EntitlementManagement');
    assert.deepEqual(
      events[1]!.targetResources?.map((t) => t.id),
      [EM.sales, idOf(ctx, 'AlexW')],
    );
    ctx.clock.advance(91 * DAY);
    em.refresh();
    assert.ok(names().includes('Access package assignment expired'));
  });

  it('records approval decisions with the approver as initiator', () => {
    const em = new EntitlementService(ctx);
    const johanna = [...em.state.requests.values()].find((r) => r.state === 'pendingApproval')!;
    em.decide(johanna.id, johanna.stages[0]!.id, idOf(ctx, 'LeeG'), {
      reviewResult: 'Deny',
      justification: 'Not now',
    });
    assert.equal(events[0]!.activityDisplayName, 'Deny access package assignment request');
    assert.equal(events[0]!.initiatedBy?.user?.id, idOf(ctx, 'LeeG'));
  });

  it('records PIM activations under RoleManagement with justification and ticket', () => {
    const pim = new PimService(ctx);
    pim.submit(userCaller(ctx, 'AlexW'), {
      action: 'selfActivate',
      principalId: idOf(ctx, 'AlexW'),
      roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
      justification: 'Resets',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } },
    });
    assert.equal(events.length, 0, 'granted: provisioned after the answer');
    pim.refresh();
    assert.equal(events[0]!.category, 'RoleManagement');
    assert.equal(events[0]!.activityDisplayName, 'Add member to role completed (PIM activation)');
    assert.deepEqual(
      events[0]!.additionalDetails?.find((d) => d.key === 'Justification'),
      { key: 'Justification', value: 'Resets' },
    );
  });
});
