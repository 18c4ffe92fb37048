import { strict as assert } from 'node:assert';
import { ThrottledError } from '../../../services/ports/graphErrors';
import { demoTenant } from '../../contracts/graph/context';
import { startGraphHarness, type GraphHarness } from './harness';

const PACKAGES = '/v1.0/identityGovernance/entitlementManagement/accessPackages';

describe('Graph gateway under throttling (emulator)', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  afterEach(() => {
    h.emulator.knobs.reset();
    h.emulator.requestLog.clear();
  });

  it('completes a burst of direct calls: 429s are retried after Retry-After until each call succeeds once', async () => {
    await h.gateways.entitlement.listAccessPackages(undefined); // tokens cached before the knob is on
    h.emulator.requestLog.clear();
    h.emulator.knobs.throttle({ capacity: 4, refillPerSecond: 8 });
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => h.gateways.entitlement.listAccessPackages(undefined)),
    );
    for (const packages of burst) assert.equal(packages.length, demoTenant.accessPackages.length);
    const log = h.emulator.requestLog;
    const throttled = log.count({ path: PACKAGES, status: 429 });
    assert.ok(throttled > 0, 'the emulator throttled some calls');
    assert.equal(log.count({ path: PACKAGES, status: 200 }), 12, 'each call succeeded exactly once');
    assert.equal(log.count({ path: PACKAGES }), 12 + throttled, 'every 429 was followed by one retry');
  });

  it('re-sends only the throttled items of a $batch', async () => {
    const ids = demoTenant.users.map((u) => u.id);
    await h.gateways.directory.getUser(ids[0]!);
    h.emulator.requestLog.clear();
    h.emulator.knobs.throttle({ capacity: 10, refillPerSecond: 10 });
    const users = await h.gateways.directory.getUsers(ids);
    assert.equal(users.size, ids.length);
    assert.ok(users.get(demoTenant.users[4]!.id)?.manager, 'managers came through the retried items too');
    const log = h.emulator.requestLog;
    const items = log.find({ inBatch: true });
    const throttled = items.filter((e) => e.status === 429).length;
    assert.ok(throttled > 0);
    // Each of the 2 requests per user succeeded once (200, or 404 for a user without manager).
    assert.equal(items.filter((e) => e.status !== 429).length, ids.length * 2);
    assert.equal(items.length, ids.length * 2 + throttled);
    assert.ok(
      log.count({ path: '/v1.0/$batch' }) > Math.ceil((ids.length * 2) / 20),
      'retries went out as new batches',
    );
  });

  it('gives up with ThrottledError when Retry-After does not fit in the time budget', async () => {
    h.emulator.knobs.failNext(1, { status: 429, path: /accessPackages$/, retryAfter: 120 });
    await assert.rejects(h.gateways.entitlement.listAccessPackages(undefined), (e) => {
      assert.ok(e instanceof ThrottledError);
      assert.equal(e.retryAfterMs, 120_000);
      return true;
    });
    assert.equal(h.emulator.requestLog.count({ path: PACKAGES }), 1, 'no retry was attempted');
  });
});
