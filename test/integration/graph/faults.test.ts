import { strict as assert } from 'node:assert';
import { GraphUnavailableError } from '../../../services/ports/graphErrors';
import { packageId } from '../../contracts/graph/context';
import { startGraphHarness, type GraphHarness } from './harness';

const FALCON = packageId('Project Falcon');
const SALES = packageId('Sales Toolkit');
const EM = '/v1.0/identityGovernance/entitlementManagement';

describe('Graph gateway against server faults (emulator)', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness({ gateway: { retry: { maxRetries: 2 } } });
  });
  after(() => h?.stop());
  afterEach(() => {
    h.emulator.knobs.reset();
    h.emulator.requestLog.clear();
  });

  it('retries a 503 and succeeds', async () => {
    h.emulator.knobs.failNext(1, { status: 503, path: new RegExp(`accessPackages/${FALCON}$`) });
    const falcon = await h.gateways.entitlement.getAccessPackage(FALCON);
    assert.equal(falcon.displayName, 'Project Falcon');
    const calls = h.emulator.requestLog.find({ path: `${EM}/accessPackages/${FALCON}` }).map((e) => e.status);
    assert.deepEqual(calls, [503, 200]);
  });

  it('stops after maxRetries and reports the outage as retryable', async () => {
    h.emulator.knobs.failNext(5, { status: 503, path: new RegExp(`accessPackages/${FALCON}$`) });
    await assert.rejects(
      h.gateways.entitlement.getAccessPackage(FALCON),
      (e) => e instanceof GraphUnavailableError && e.status === 503,
    );
    assert.equal(
      h.emulator.requestLog.count({ path: `${EM}/accessPackages/${FALCON}` }),
      3,
      '1 try + 2 retries',
    );
  });

  it('never repeats a POST after a gateway timeout, but repeats one Graph throttled', async () => {
    const alex = h.as('AlexW');
    const [policy] = (await h.gateways.entitlement.applicablePolicies(alex, [SALES])).get(SALES)!;
    h.emulator.knobs.failNext(1, { status: 504, path: /assignmentRequests$/ });
    await assert.rejects(
      h.gateways.entitlement.createRequest(alex, {
        kind: 'add',
        accessPackageId: SALES,
        policyId: policy!.policyId,
      }),
      GraphUnavailableError,
    );
    assert.equal(h.emulator.requestLog.count({ path: `${EM}/assignmentRequests`, method: 'POST' }), 1);
    h.emulator.requestLog.clear();
    h.emulator.knobs.failNext(1, { status: 429, path: /assignmentRequests$/, retryAfter: 1 });
    const created = await h.gateways.entitlement.createRequest(alex, {
      kind: 'add',
      accessPackageId: SALES,
      policyId: policy!.policyId,
    });
    assert.ok(created.id);
    const posts = h.emulator.requestLog
      .find({ path: `${EM}/assignmentRequests`, method: 'POST' })
      .map((e) => e.status);
    assert.deepEqual(posts, [429, 201]);
    const mine = await h.gateways.entitlement.myRequests(alex);
    assert.equal(mine.filter((r) => r.accessPackage?.id === SALES).length, 1, 'one request, not two');
  });
});
