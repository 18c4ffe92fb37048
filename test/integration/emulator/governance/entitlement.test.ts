import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { ManualClock } from '../../../../services/clock';
import { appCredential, graphClient, oboCredential, rawCall, useEmulator } from '../../../support/emulator';

const R = '/identityGovernance/entitlementManagement';
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const COVID_INTERNAL = 'bb97f5f8-5e44-596d-827c-d7df625608d7';
const COVID_GROUP = '3f5b3553-e91b-5d97-8289-94ee01172e82';

describe('emulator entitlement management over HTTPS (real tokens, real Graph client)', () => {
  const clock = new ManualClock(new Date());
  const { emu } = useEmulator({ clock });
  const as = (alias: string) => graphClient(emu(), oboCredential(emu(), alias));
  const idOf = (alias: string) => emu().directory.userByAlias(alias)!.id;
  const is = (status: number, code?: string) => (e: GraphError) =>
    e.statusCode === status && (!code || e.code === code);

  it('lets Alex find a package, see what its policy asks, and request it; Megan approves, Lee is too late', async () => {
    const found = await as('AlexW')
      .api(`${R}/accessPackages/filterByCurrentUser(on='allowedRequestor')`)
      .filter("contains(tolower(displayName),'covid')")
      .get();
    assert.deepEqual(
      found.value.map((p: { id: string }) => p.id),
      [COVID],
    );
    const reqs = await as('AlexW')
      .api(`${R}/accessPackages/${COVID}/getApplicablePolicyRequirements`)
      .post({});
    assert.deepEqual(
      reqs.value.map((r: { policyId: string }) => r.policyId),
      [COVID_INTERNAL],
    );
    await assert.rejects(
      as('AlexW')
        .api(`${R}/assignmentRequests`)
        .post({
          requestType: 'userAdd',
          assignment: { targetId: idOf('AlexW'), accessPackageId: COVID, assignmentPolicyId: COVID_INTERNAL },
        }),
      is(400, 'RequestorJustificationRequired'),
    );
    const created = await as('AlexW')
      .api(`${R}/assignmentRequests`)
      .post({
        requestType: 'userAdd',
        justification: 'Vaccine logistics',
        assignment: { targetId: idOf('AlexW'), accessPackageId: COVID, assignmentPolicyId: COVID_INTERNAL },
      });
    assert.deepEqual([created.state, created.status], ['submitted', 'Accepted']);
    const inbox = await as('MeganB')
      .api(`${R}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`)
      .get();
    assert.ok(inbox.value.some((a: { id: string }) => a.id === created.id));
    const approval = await as('MeganB')
      .api(`${R}/accessPackageAssignmentApprovals/${created.id}`)
      .expand('stages')
      .get();
    const stage = approval.stages[0];
    assert.equal(stage.assignedToMe, true);
    await assert.rejects(
      as('AlexW')
        .api(`${R}/accessPackageAssignmentApprovals/${created.id}/stages/${stage.id}`)
        .patch({ reviewResult: 'Approve', justification: 'me' }),
      is(403),
    );
    await as('MeganB')
      .api(`${R}/accessPackageAssignmentApprovals/${created.id}/stages/${stage.id}`)
      .patch({ reviewResult: 'Approve', justification: 'Welcome aboard' });
    await assert.rejects(
      as('LeeG')
        .api(`${R}/accessPackageAssignmentApprovals/${created.id}/stages/${stage.id}`)
        .patch({ reviewResult: 'Deny', justification: 'no' }),
      is(409),
    );
    assert.ok(emu().directory.groupMemberIds(COVID_GROUP).includes(idOf('AlexW')));
    const app = graphClient(emu(), appCredential(emu()));
    const assignments = await app
      .api(`${R}/assignments`)
      .filter(`target/objectId eq '${idOf('AlexW')}' and state eq 'delivered'`)
      .expand('target,accessPackage,assignmentPolicy')
      .get();
    assert.equal(assignments.value.length, 1);
    assert.equal(assignments.value[0].accessPackage.id, COVID);
    assert.equal(assignments.value[0].target.principalName, 'AlexW@contoso.com');
  });

  it('refuses app-only tokens on approvals and filterByCurrentUser', async () => {
    const app = graphClient(emu(), appCredential(emu()));
    await assert.rejects(
      app.api(`${R}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`).get(),
      is(403),
    );
    await assert.rejects(app.api(`${R}/assignmentRequests/filterByCurrentUser(on='target')`).get(), is(403));
  });

  it("denies Johanna's seeded request automatically once the clock passes its deadline", async () => {
    const mine = await as('JohannaL')
      .api(`${R}/assignmentRequests/filterByCurrentUser(on='target')`)
      .filter("state eq 'pendingApproval'")
      .get();
    assert.equal(mine.value.length, 1);
    clock.advance(19 * 3_600_000);
    const after = await as('JohannaL')
      .api(`${R}/assignmentRequests/filterByCurrentUser(on='target')`)
      .filter(`id eq '${mine.value[0].id}'`)
      .get();
    assert.equal(after.value[0].state, 'denied');
    assert.equal(after.value[0].status, 'Expired');
  });

  it('records entitlement events in the directory audit log', async () => {
    const token = (await appCredential(emu()).getToken('https://graph.microsoft.com/.default'))!.token;
    const res = await rawCall(
      emu(),
      'GET',
      `/v1.0/auditLogs/directoryAudits?$filter=category eq 'EntitlementManagement'`,
      { token },
    );
    assert.equal(res.status, 200);
    const names = res.body.value.map((e: { activityDisplayName: string }) => e.activityDisplayName);
    assert.ok(names.includes('Fulfill access package assignment'), names.join(', '));
    assert.ok(names.includes('Approve access package assignment request'));
  });
});
