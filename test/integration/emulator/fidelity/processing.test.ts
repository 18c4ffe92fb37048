import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../../services/clock';
import { rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError, getAs, userToken } from './support';

const EM = '/identityGovernance/entitlementManagement';
const RM = '/roleManagement/directory';
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const COVID_INTERNAL = 'bb97f5f8-5e44-596d-827c-d7df625608d7';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const DELAY_MS = 30_000;

describe('emulator fidelity: requests are processed after the answer; approvals are for approvers (HTTPS)', () => {
  const clock = new ManualClock(new Date());
  const { emu } = useEmulator({ clock });
  const idOf = (alias: string) => emu().directory.userByAlias(alias)!.id;
  const post = async (alias: string, path: string, body: unknown) =>
    rawCall(emu(), 'POST', `/v1.0${path}`, { token: await userToken(emu(), alias), body });
  const mine = async (alias: string, id: string) =>
    (
      await getAs(
        emu(),
        alias,
        `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$filter=id eq '${id}'`,
      )
    ).body.value[0];
  before(() => {
    emu().knobs.processingDelayMs = DELAY_MS;
  });

  it('answers 201 submitted/Accepted, starts the approval one processing delay later, delivers after approval', async () => {
    // entitlementmanagement-post-assignmentrequests.md, example 3 and 4: 201, state submitted, status Accepted.
    const created = await post('AdeleV', `${EM}/assignmentRequests`, {
      requestType: 'userAdd',
      justification: 'Vaccine logistics',
      assignment: { targetId: idOf('AdeleV'), accessPackageId: COVID, assignmentPolicyId: COVID_INTERNAL },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.state, 'submitted');
    assert.equal(created.body.status, 'Accepted');
    assert.equal(created.body.createdDateTime, null);
    const id = created.body.id as string;
    // approval-get.md: the approval of a request Graph has not processed yet does not exist.
    assertGraphError(
      await getAs(emu(), 'MeganB', `${EM}/accessPackageAssignmentApprovals/${id}`),
      404,
      'ResourceNotFound',
    );
    assert.equal((await mine('AdeleV', id)).state, 'submitted');
    clock.advance(DELAY_MS);
    assert.equal((await mine('AdeleV', id)).state, 'pendingApproval');
    const approval = await getAs(
      emu(),
      'MeganB',
      `${EM}/accessPackageAssignmentApprovals/${id}?$expand=stages`,
    );
    assert.equal(approval.status, 200);
    const stage = approval.body.stages[0];
    const decided = await rawCall(
      emu(),
      'PATCH',
      `/v1.0${EM}/accessPackageAssignmentApprovals/${id}/stages/${stage.id}`,
      {
        token: await userToken(emu(), 'MeganB'),
        body: { reviewResult: 'Approve', justification: 'Welcome' },
      },
    );
    assert.equal(decided.status, 204);
    assert.equal((await mine('AdeleV', id)).state, 'delivering');
    clock.advance(DELAY_MS);
    assert.equal((await mine('AdeleV', id)).state, 'delivered');
  });

  it('keeps an approval private to its approvers: the requestor and others get 403', async () => {
    // approval-get.md: "This API request is made by an approver… If the caller does not have the right
    // permissions, the method returns a 403 Forbidden response code." Johanna's seeded request waits for Megan or Lee.
    const johanna = (
      await getAs(emu(), 'JohannaL', `${EM}/assignmentRequests/filterByCurrentUser(on='target')`)
    ).body.value.find((r: { state: string }) => r.state === 'pendingApproval');
    const url = `${EM}/accessPackageAssignmentApprovals/${johanna.id}`;
    for (const alias of ['JohannaL', 'AdeleV']) {
      assertGraphError(await getAs(emu(), alias, url), 403, 'Forbidden');
      assertGraphError(await getAs(emu(), alias, `${url}/stages`), 403, 'Forbidden');
    }
    const megan = await getAs(emu(), 'MeganB', `${url}/stages`);
    assert.equal(megan.status, 200);
    assert.equal(megan.body.value[0].assignedToMe, true);
    const stage = megan.body.value[0].id as string;
    assertGraphError(await getAs(emu(), 'AdeleV', `${url}/stages/${stage}`), 403, 'Forbidden');
    assert.equal((await getAs(emu(), 'LeeG', `${url}/stages/${stage}`)).status, 200);
  });

  it('answers a PIM self-activation Granted and provisions it one processing delay later', async () => {
    // rbacapplication-post-roleassignmentschedulerequests.md, example 2: 201, status Granted, targetScheduleId.
    const created = await post('AlexW', `${RM}/roleAssignmentScheduleRequests`, {
      action: 'selfActivate',
      principalId: idOf('AlexW'),
      roleDefinitionId: HELPDESK,
      directoryScopeId: '/',
      justification: 'Password resets',
      scheduleInfo: {
        startDateTime: clock.now().toISOString(),
        expiration: { type: 'AfterDuration', duration: 'PT2H' },
      },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'Granted');
    assert.equal(created.body.scheduleInfo.expiration.type, 'afterDuration');
    const active = `${RM}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`;
    assert.equal((await getAs(emu(), 'AlexW', active)).body.value.length, 0, 'not provisioned yet');
    clock.advance(DELAY_MS);
    const after = await getAs(emu(), 'AlexW', active);
    assert.deepEqual(
      after.body.value.map((a: { roleDefinitionId: string }) => a.roleDefinitionId),
      [HELPDESK],
    );
    const mineNow = await getAs(
      emu(),
      'AlexW',
      `${RM}/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')`,
    );
    assert.equal(
      mineNow.body.value.find((r: { id: string }) => r.id === created.body.id).status,
      'Provisioned',
    );
  });
});
