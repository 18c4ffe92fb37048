import { strict as assert } from 'node:assert';
import type { RouteDef } from '../../../../emulator/graph/routing';
import { reviewsModule } from '../../../../emulator/graph/modules/reviews';
import { appCaller, idOf, testContext, userCaller } from './support';
import { call, json } from './routeHarness';

const ROOT = '/identityGovernance/accessReviews/definitions';
const FALCON_REVIEW = '2de93ae6-dab7-5772-83f1-7112d4e076b0';
const RW = ['AccessReview.ReadWrite.All'];

describe('emulator access reviews: routes', () => {
  let ctx: ReturnType<typeof testContext>;
  let routes: RouteDef[];
  beforeEach(() => {
    ctx = testContext();
    routes = reviewsModule.routes(ctx);
  });
  const as = (alias: string) => userCaller(ctx, alias, { scopes: RW });
  const instanceId = async () =>
    json(await call(routes, 'GET', `${ROOT}/${FALCON_REVIEW}/instances`, { caller: appCaller(ctx, RW) }))
      .value[0].id as string;

  it("lists the reviewer's instances and decisions with recommendations and principals", async () => {
    const mine = json(
      await call(routes, 'GET', `${ROOT}/${FALCON_REVIEW}/instances/filterByCurrentUser(on='reviewer')`, {
        caller: as('NestorW'),
      }),
    );
    assert.equal(mine.value.length, 1);
    assert.equal(mine.value[0].status, 'InProgress');
    const none = json(
      await call(routes, 'GET', `${ROOT}/${FALCON_REVIEW}/instances/filterByCurrentUser(on='reviewer')`, {
        caller: as('AlexW'),
      }),
    );
    assert.equal(none.value.length, 0);
    const iid = mine.value[0].id;
    const decisions = json(
      await call(
        routes,
        'GET',
        `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions/filterByCurrentUser(on='reviewer')?$filter=recommendation eq 'Deny'`,
        { caller: as('NestorW') },
      ),
    );
    assert.deepEqual(
      decisions.value
        .map((d: { principal: { userPrincipalName: string } }) => d.principal.userPrincipalName)
        .sort(),
      ['DiegoS@contoso.com', 'GradyA@contoso.com', 'sam.taylor@fabrikam.com'],
    );
    const defs = json(
      await call(routes, 'GET', `${ROOT}/filterByCurrentUser(on='reviewer')`, { caller: as('MeganB') }),
    );
    assert.deepEqual(
      defs.value.map((d: { displayName: string }) => d.displayName),
      ['Guests in COVID-19 Response Team - monthly review'],
    );
  });

  it('records decisions by PATCH (204) and in bulk by batchRecordDecisions', async () => {
    const iid = await instanceId();
    const list = json(
      await call(routes, 'GET', `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions`, {
        caller: as('NestorW'),
      }),
    );
    const diego = list.value.find(
      (d: { principal: { id: string } }) => d.principal.id === idOf(ctx, 'DiegoS'),
    );
    const patch = await call(
      routes,
      'PATCH',
      `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions/${diego.id}`,
      { caller: as('NestorW'), body: { decision: 'Deny', justification: 'left' } },
    );
    assert.equal(patch.status, 204);
    const batch = await call(
      routes,
      'POST',
      `${ROOT}/${FALCON_REVIEW}/instances/${iid}/batchRecordDecisions`,
      {
        caller: as('NestorW'),
        body: { decision: 'Approve', justification: 'all fine', principalId: idOf(ctx, 'AdeleV') },
      },
    );
    assert.equal(batch.status, 204);
    const after = json(
      await call(
        routes,
        'GET',
        `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions?$filter=decision eq 'NotReviewed'`,
        { caller: as('NestorW') },
      ),
    );
    assert.equal(after.value.length, 3);
    const refused = await call(
      routes,
      'PATCH',
      `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions/${diego.id}`,
      { caller: as('AlexW'), body: { decision: 'Approve', justification: 'x' } },
    );
    assert.equal(refused.status, 403);
    assert.equal(
      (
        await call(routes, 'PATCH', `${ROOT}/${FALCON_REVIEW}/instances/${iid}/decisions/${diego.id}`, {
          caller: appCaller(ctx, RW),
          body: { decision: 'Deny' },
        })
      ).status,
      403,
    );
  });

  it('stops an instance (204) and then refuses decisions with 409', async () => {
    const iid = await instanceId();
    assert.equal(
      (
        await call(routes, 'POST', `${ROOT}/${FALCON_REVIEW}/instances/${iid}/stop`, {
          caller: appCaller(ctx, RW),
        })
      ).status,
      204,
    );
    const res = await call(routes, 'POST', `${ROOT}/${FALCON_REVIEW}/instances/${iid}/batchRecordDecisions`, {
      caller: as('NestorW'),
      body: { decision: 'Deny' },
    });
    assert.equal(res.status, 409);
  });
});
