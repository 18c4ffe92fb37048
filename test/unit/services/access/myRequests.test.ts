import { strict as assert } from 'node:assert';
import { MY_REQUESTS_SHOWN, type MyRequestRow } from '../../../../services/access/myRequests';
import type { RequestState } from '../../../../services/ports/entitlement';
import { GraphUnavailableError, ThrottledError } from '../../../../services/ports/graphErrors';
import { accessHarness } from './harness';

const covid = (key: string) => ({ packageId: 'covid', idempotencyKey: key, justification: 'Joining' });
const names = { covid: 'COVID-19 Response Team', falcon: 'Project Falcon', sales: 'Sales Toolkit' };

/** Short form of a row: where it comes from, its package and state. */
const brief = (r: MyRequestRow) => `${r.source}:${r.package.displayName}:${r.state}`;

describe('AccessRequestService.myRequests: the bot’s requests and those made elsewhere', () => {
  let h: ReturnType<typeof accessHarness>;
  beforeEach(() => (h = accessHarness()));

  /** A request the user made in My Access: Graph knows it, the bot does not. */
  const madeElsewhere = (
    userId: string,
    pkg: keyof typeof names,
    state: RequestState,
    hoursAgo: number,
    extra: { requestType?: string; status?: string } = {},
  ) => {
    const id = `myaccess-${h.entitlement.requests.length + 1}`;
    h.entitlement.requests.push({
      id,
      requestType: extra.requestType ?? 'userAdd',
      state,
      status: extra.status,
      createdDateTime: new Date(h.clock.now().getTime() - hoursAgo * 3_600_000).toISOString(),
      accessPackage: { id: pkg, displayName: names[pkg] },
      targetId: userId,
      policyId: `p-${pkg}`,
      stages: [],
      approvers: [],
    });
    return id;
  };

  it('lists a My Access request beside the bot’s own, newest first, each once; admin and system ones stay out', async () => {
    madeElsewhere('adele', 'falcon', 'pendingApproval', 30, { status: 'PendingApprovalEscalated' });
    madeElsewhere('adele', 'sales', 'delivered', 24 * 40);
    madeElsewhere('adele', 'covid', 'delivered', 2, { requestType: 'adminAdd' });
    madeElsewhere('adele', 'sales', 'delivered', 1, { requestType: 'systemRemove' });
    madeElsewhere('lee', 'falcon', 'pendingApproval', 3);
    h.clock.advance(60_000);
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));

    const mine = await h.wf.requests.myRequests(h.as('adele'));
    assert.deepEqual(mine.rows.map(brief), [
      'teams:COVID-19 Response Team:pendingApproval',
      'elsewhere:Project Falcon:pendingApproval',
      'elsewhere:Sales Toolkit:delivered',
    ]);
    assert.equal(mine.elsewhereLoaded, true);
    assert.equal(mine.truncated, false);
    const [bot, falcon, sales] = mine.rows;
    assert.ok(bot?.source === 'teams');
    assert.equal(bot.itemId, view.itemId);
    assert.equal(bot.canCancel, true);
    assert.deepEqual(bot.stage?.approvers, ['Megan Bowen', 'Lee Gu']);
    assert.ok(falcon?.source === 'elsewhere');
    assert.equal(falcon.status, 'PendingApprovalEscalated');
    assert.equal(falcon.cancelable, true, 'Graph lets the requestor cancel a pending request');
    assert.equal(falcon.createdAt, '2026-03-01T04:00:00.000Z');
    assert.ok(sales?.source === 'elsewhere');
    assert.equal(sales.cancelable, false);
  });

  it('an approver does not see the request they approve among their own', async () => {
    await h.wf.requests.submit(h.as('adele'), covid('k1'));
    const lee = await h.wf.requests.myRequests(h.as('lee'));
    assert.deepEqual(lee.rows, []);
    assert.equal(lee.elsewhereLoaded, true);
  });

  for (const [what, err] of [
    ['down', new GraphUnavailableError('Graph down', 503)],
    ['throttled', new ThrottledError('Too many requests', 120_000)],
  ] as const) {
    it(`Graph ${what}: the bot’s own requests still show, and the list says the rest could not be loaded`, async () => {
      madeElsewhere('adele', 'falcon', 'pendingApproval', 30);
      await h.wf.requests.submit(h.as('adele'), covid('k1'));
      h.entitlement.fail.myRequests = [err];
      const mine = await h.wf.requests.myRequests(h.as('adele'));
      assert.deepEqual(mine.rows.map(brief), ['teams:COVID-19 Response Team:pendingApproval']);
      assert.equal(mine.elsewhereLoaded, false);
    });
  }

  it('a bug is not hidden as a Graph failure', async () => {
    h.entitlement.fail.myRequests = [new TypeError('cannot read properties of undefined')];
    await assert.rejects(h.wf.requests.myRequests(h.as('adele')), TypeError);
  });

  it('a submit whose answer was lost: the request it made in Graph is the bot’s row, not a second one', async () => {
    const old = madeElsewhere('adele', 'covid', 'denied', 24 * 10);
    h.entitlement.fail.createRequest = [new GraphUnavailableError('Gateway timeout', 504)];
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    assert.equal(view.state, 'submitted');
    assert.ok(view.retrying, 'the outbox will try again');
    h.clock.advance(1000);
    madeElsewhere('adele', 'covid', 'pendingApproval', 0); // what the lost attempt created

    const mine = await h.wf.requests.myRequests(h.as('adele'));
    assert.deepEqual(mine.rows.map(brief), [
      'teams:COVID-19 Response Team:submitted',
      'elsewhere:COVID-19 Response Team:denied',
    ]);
    assert.equal(mine.rows[1]?.source === 'elsewhere' && mine.rows[1].requestId, old);
  });

  it(`shows the ${MY_REQUESTS_SHOWN} newest and says there are more`, async () => {
    for (let i = 0; i < MY_REQUESTS_SHOWN + 5; i++) madeElsewhere('adele', 'sales', 'delivered', 100 + i);
    const { view } = await h.wf.requests.submit(h.as('adele'), covid('k1'));
    const mine = await h.wf.requests.myRequests(h.as('adele'));
    assert.equal(mine.rows.length, MY_REQUESTS_SHOWN);
    assert.equal(mine.truncated, true);
    assert.equal(mine.rows[0]?.source === 'teams' && mine.rows[0].itemId, view.itemId);
    const times = mine.rows.map((r) => Date.parse(r.createdAt!));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    assert.equal(Math.min(...times), h.clock.now().getTime() - 118 * 3_600_000, 'the oldest left out');
  });
});
