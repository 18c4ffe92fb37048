import { strict as assert } from 'node:assert';
import type { RouteDef } from '../../../../emulator/graph/routing';
import { entitlementModule } from '../../../../emulator/graph/modules/entitlement';
import { appCaller, idOf, testContext, userCaller } from './support';
import { call, json } from './routeHarness';
import { EM } from './entitlementFixtures';

const R = '/identityGovernance/entitlementManagement';
const RW = ['EntitlementManagement.ReadWrite.All'];

describe('emulator entitlement management: routes', () => {
  let ctx: ReturnType<typeof testContext>;
  let routes: RouteDef[];
  beforeEach(() => {
    ctx = testContext();
    routes = entitlementModule.routes(ctx);
  });
  const as = (alias: string) => userCaller(ctx, alias, { scopes: RW });

  it('finds packages with contains(tolower(displayName)) and expands policies, catalog and role scopes', async () => {
    const q = `$filter=contains(tolower(displayName),'sales')&$expand=assignmentPolicies,catalog,resourceRoleScopes($expand=role,scope)`;
    const res = json(await call(routes, 'GET', `${R}/accessPackages?${q}`, { caller: as('IsaiahL') }));
    assert.deepEqual(
      res.value.map((p: { id: string }) => p.id),
      [EM.sales],
    );
    const pkg = res.value[0];
    assert.equal(pkg.catalog.displayName, 'General');
    assert.equal(pkg.assignmentPolicies[0].requestApprovalSettings.isApprovalRequiredForAdd, false);
    assert.equal(pkg.resourceRoleScopes[0].scope.originId, EM.salesGroup);
    const plain = json(
      await call(routes, 'GET', `${R}/accessPackages/${EM.sales}`, { caller: as('IsaiahL') }),
    );
    assert.equal(plain.catalog, undefined);
  });

  it('pages with $top and a nextLink that leads to the rest', async () => {
    const first = json(await call(routes, 'GET', `${R}/accessPackages?$top=3`, { caller: as('IsaiahL') }));
    assert.equal(first.value.length, 3);
    const next = new URL(first['@odata.nextLink']);
    const rest = json(
      await call(routes, 'GET', `${R}/accessPackages${next.search}`, { caller: as('IsaiahL') }),
    );
    assert.equal(rest.value.length, 1);
    assert.equal(rest['@odata.nextLink'], undefined);
  });

  it('returns only the policies the caller may request under, and refuses apps', async () => {
    const url = `${R}/accessPackages/${EM.covid}/getApplicablePolicyRequirements`;
    const sam = json(await call(routes, 'POST', url, { caller: as('SamT') }));
    assert.deepEqual(
      sam.value.map((p: { policyId: string }) => p.policyId),
      [EM.covidFabrikam],
    );
    assert.equal(sam.value[0].isRequestorJustificationRequired, true);
    const alex = json(
      await call(routes, 'POST', `${R}/accessPackages/${EM.finance}/getApplicablePolicyRequirements`, {
        caller: as('AlexW'),
      }),
    );
    assert.deepEqual(alex.value, []);
    assert.equal((await call(routes, 'POST', url, { caller: appCaller(ctx, RW) })).status, 403);
  });

  it('creates a request (201), approves it through the approval routes, and shows the assignment', async () => {
    const body = {
      requestType: 'userAdd',
      justification: 'crisis work',
      assignment: {
        targetId: idOf(ctx, 'AlexW'),
        accessPackageId: EM.covid,
        assignmentPolicyId: EM.covidInternal,
      },
    };
    const created = await call(routes, 'POST', `${R}/assignmentRequests`, { caller: as('AlexW'), body });
    assert.equal(created.status, 201);
    const id = json(created).id as string;
    const inbox = json(
      await call(routes, 'GET', `${R}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`, {
        caller: as('MeganB'),
      }),
    );
    assert.ok(inbox.value.some((a: { id: string }) => a.id === id));
    const approval = json(
      await call(routes, 'GET', `${R}/accessPackageAssignmentApprovals/${id}?$expand=stages`, {
        caller: as('MeganB'),
      }),
    );
    const stage = approval.stages[0];
    assert.equal(stage.assignedToMe, true);
    const patch = (alias: string) =>
      call(routes, 'PATCH', `${R}/accessPackageAssignmentApprovals/${id}/stages/${stage.id}`, {
        caller: as(alias),
        body: { reviewResult: 'Approve', justification: 'ok' },
      });
    assert.equal((await patch('AlexW')).status, 403);
    assert.equal((await patch('MeganB')).status, 204);
    assert.equal(json(await patch('LeeG')).error.code, 'Conflict');
    const mine = json(
      await call(
        routes,
        'GET',
        `${R}/assignmentRequests/filterByCurrentUser(on='target')?$filter=state eq 'delivered'&$expand=accessPackage`,
        { caller: as('AlexW') },
      ),
    );
    assert.deepEqual(
      mine.value.map((r: { accessPackage: { id: string } }) => r.accessPackage.id),
      [EM.covid],
    );
    const q = `$filter=target/objectId eq '${idOf(ctx, 'AlexW')}' and state eq 'delivered'&$expand=target,accessPackage,assignmentPolicy`;
    const assignments = json(
      await call(routes, 'GET', `${R}/assignments?${q}`, { caller: appCaller(ctx, RW) }),
    );
    assert.equal(assignments.value.length, 1);
    assert.equal(assignments.value[0].assignmentPolicy.id, EM.covidInternal);
  });

  it('refuses approval routes and filterByCurrentUser to app-only callers', async () => {
    const app = appCaller(ctx, RW);
    assert.equal(
      (
        await call(
          routes,
          'GET',
          `${R}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`,
          { caller: app },
        )
      ).status,
      403,
    );
    assert.equal(
      (await call(routes, 'GET', `${R}/assignmentRequests/filterByCurrentUser(on='target')`, { caller: app }))
        .status,
      403,
    );
    assert.equal((await call(routes, 'GET', `${R}/assignmentRequests`, { caller: app })).status, 200);
  });

  it('answers policy refusals with Graph error bodies', async () => {
    const body = {
      requestType: 'userAdd',
      assignment: {
        targetId: idOf(ctx, 'SamT'),
        accessPackageId: EM.sales,
        assignmentPolicyId: EM.salesPolicy,
      },
    };
    const res = await call(routes, 'POST', `${R}/assignmentRequests`, { caller: as('SamT'), body });
    assert.equal(res.status, 403);
    assert.equal(json(res).error.code, 'RequestorNotAllowedByPolicy');
  });
});
