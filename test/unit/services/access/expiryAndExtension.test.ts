import { strict as assert } from 'node:assert';
import { NotExtendableError, NotYoursError } from '../../../../services/access/errors';
import type { AccessRequestData } from '../../../../services/access/model';
import { accessHarness } from './harness';
import { renderExpiringCard } from '../../../../bot/flows/access/expiringCard';
import type { ExpiringCardData } from '../../../../services/access/expiryWarningService';

describe('ExpiryWarningService and AccessExtensionService', () => {
  let h: ReturnType<typeof accessHarness>;
  beforeEach(() => {
    h = accessHarness('2026-03-02T10:00:00Z');
    h.entitlement.assignments.push(
      {
        id: 'asg-miriam',
        state: 'delivered',
        accessPackage: { id: 'sales', displayName: 'Sales Toolkit' },
        target: { objectId: 'miriam' },
        policyId: 'p-sales',
        endDateTime: '2026-03-07T10:00:00.000Z',
      },
      {
        id: 'asg-later',
        state: 'delivered',
        accessPackage: { id: 'covid', displayName: 'COVID-19 Response Team' },
        target: { objectId: 'lee' },
        policyId: 'p-covid',
        endDateTime: '2026-06-01T00:00:00.000Z',
      },
    );
  });

  it('warns once per threshold (7 days, then 1 day), from the hourly scan job', async () => {
    await h.wf.start(); // schedules the first scan; runners are stopped again below
    await h.wf.stop();
    h.clock.set('2026-03-02T11:00:00Z');
    await h.wf.runDue();
    assert.deepEqual(h.kinds('miriam'), ['access.expiring']);
    assert.deepEqual(h.lastCard('miriam', 'access.expiring'), {
      assignmentId: 'asg-miriam',
      package: { id: 'sales', displayName: 'Sales Toolkit' },
      endsAt: '2026-03-07T10:00:00.000Z',
      thresholdDays: 7,
      extendable: true,
    });
    assert.deepEqual(h.kinds('lee'), [], 'months away: no warning');
    h.clock.set('2026-03-02T12:00:00Z');
    await h.wf.runDue(); // the next hourly scan: nothing new
    assert.equal(h.kinds('miriam').length, 1);
    h.clock.set('2026-03-06T12:00:00Z');
    h.restart();
    await h.wf.runDue(); // missed scans while down: runs on start-up
    assert.deepEqual(h.kinds('miriam'), ['access.expiring', 'access.expiring']);
    assert.equal(h.lastCard('miriam', 'access.expiring')?.thresholdDays, 1);
  });

  it('Miriam extends her Sales Toolkit: userExtend under the same policy, delivered without approval', async () => {
    const { view, created } = await h.wf.extensions.extend(h.as('miriam'), {
      assignmentId: 'asg-miriam',
      idempotencyKey: 'ext-1',
    });
    assert.equal(created, true);
    assert.equal(view.requestType, 'extend');
    const again = await h.wf.extensions.extend(h.as('miriam'), {
      assignmentId: 'asg-miriam',
      idempotencyKey: 'ext-1',
    });
    assert.equal(again.created, false);
    assert.equal(h.entitlement.requests.length, 1);
    assert.equal(h.entitlement.requests[0]?.requestType, 'userExtend');
    await h.wf.runDue();
    const item = await h.store.workflows.get<AccessRequestData>(view.itemId);
    assert.equal(item?.state, 'delivered');
    await assert.rejects(
      h.wf.extensions.extend(h.as('adele'), { assignmentId: 'asg-miriam', idempotencyKey: 'x' }),
      NotYoursError,
    );
  });

  it('a policy that does not let users extend: no form, no request to Graph, and my access says so', async () => {
    const sales = h.entitlement.packages.find((p) => p.id === 'sales')!;
    sales.policies = sales.policies.map((p) => ({ ...p, enableTargetsToSelfUpdateAccess: false }));
    await assert.rejects(h.wf.extensions.form(h.as('miriam'), 'asg-miriam'), (err: Error) => {
      assert.ok(err instanceof NotExtendableError);
      assert.match(err.message, /The policy of Sales Toolkit does not let you extend it/);
      return true;
    });
    await assert.rejects(
      h.wf.extensions.extend(h.as('miriam'), { assignmentId: 'asg-miriam', idempotencyKey: 'ext-no' }),
      NotExtendableError,
    );
    assert.equal(h.entitlement.requests.length, 0);
    const [row] = await h.wf.extensions.myAccess(h.as('miriam'));
    assert.equal(row?.extendable, false);
  });

  it('the expiry warning of access its policy does not let users extend offers no Extend, and says so', async () => {
    const sales = h.entitlement.packages.find((p) => p.id === 'sales')!;
    sales.policies = sales.policies.map((p) => ({ ...p, enableTargetsToSelfUpdateAccess: false }));
    await h.wf.start(); // schedules the first scan, as above
    await h.wf.stop();
    h.clock.set('2026-03-02T11:00:00Z');
    await h.wf.runDue();
    const card = h.lastCard('miriam', 'access.expiring') as unknown as ExpiringCardData;
    assert.equal(card.extendable, false);
    const rendered = JSON.stringify(renderExpiringCard(card, { timeZone: 'UTC', now: h.clock.now() }));
    assert.doesNotMatch(rendered, /access\.extendForm/);
    assert.match(rendered, /Its policy does not allow extending it/);
  });

  it("my access lists the user's assignments, soonest to end first", async () => {
    h.entitlement.assignments.push({
      id: 'asg-m2',
      state: 'delivered',
      accessPackage: { id: 'falcon', displayName: 'Project Falcon' },
      target: { objectId: 'miriam' },
    });
    const mine = await h.wf.extensions.myAccess(h.as('miriam'));
    assert.deepEqual(
      mine.map((a) => [a.package.displayName, a.endsAt]),
      [
        ['Sales Toolkit', '2026-03-07T10:00:00.000Z'],
        ['Project Falcon', undefined],
      ],
    );
  });
});
