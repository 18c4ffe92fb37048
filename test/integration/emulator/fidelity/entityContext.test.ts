import { strict as assert } from 'node:assert';
import { graphClient, oboCredential, useEmulator } from '../../../support/emulator';
import { assertGraphError, getAs } from './support';

const EM = '/identityGovernance/entitlementManagement';
const RM = '/roleManagement/directory';
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';

describe('emulator fidelity: @odata.context and @odata.type as Graph answers them (HTTPS)', () => {
  const { emu } = useEmulator();

  // accesspackage-get.md's response example: "@odata.context": "…/$metadata#…/accessPackages/$entity";
  // a $select names the properties in the context, and only they come back.
  it('answers an access package by id with its entity context, and a $select with the properties named', async () => {
    const whole = await getAs(emu(), 'IsaiahL', `${EM}/accessPackages/${COVID}`);
    assert.equal(whole.status, 200);
    assert.match(
      whole.body['@odata.context'],
      /\/v1\.0\/\$metadata#identityGovernance\/entitlementManagement\/accessPackages\/\$entity$/,
    );
    const some = await getAs(emu(), 'IsaiahL', `${EM}/accessPackages/${COVID}?$select=id,displayName`);
    assert.match(
      some.body['@odata.context'],
      /#identityGovernance\/entitlementManagement\/accessPackages\(id,displayName\)\/\$entity$/,
    );
    assert.deepEqual(Object.keys(some.body).sort(), ['@odata.context', 'displayName', 'id']);
  });

  // rbacapplication-post-roleassignmentschedulerequests.md, example 2: 201 with the request's entity context.
  it('answers a PIM activation 201 with the request entity context', async () => {
    const alex = emu().directory.userByAlias('AlexW')!.id;
    const client = graphClient(emu(), oboCredential(emu(), 'AlexW', { mfa: true }));
    const created = await client.api(`${RM}/roleAssignmentScheduleRequests`).post({
      action: 'selfActivate',
      principalId: alex,
      roleDefinitionId: USER_ADMIN,
      directoryScopeId: '/',
      justification: 'Incident 7',
      ticketInfo: { ticketNumber: 'INC-7', ticketSystem: 'ServiceNow' },
      scheduleInfo: {
        startDateTime: new Date().toISOString(),
        expiration: { type: 'afterDuration', duration: 'PT1H' },
      },
    });
    assert.match(
      created['@odata.context'],
      /#roleManagement\/directory\/roleAssignmentScheduleRequests\/\$entity$/,
    );
    assert.equal(created.action, 'selfActivate');
  });

  // unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md: a function's collection, items typed;
  // unifiedroleassignmentschedulerequest-filterbycurrentuser.md shows the entity set's context instead,
  // and supports only on='principal' and on='approver'.
  it('answers PIM filterByCurrentUser as each function’s doc shows, and only the on values it supports', async () => {
    const eligible = await getAs(
      emu(),
      'AlexW',
      `${RM}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')`,
    );
    assert.equal(eligible.status, 200);
    assert.match(
      eligible.body['@odata.context'],
      /\/v1\.0\/\$metadata#Collection\(unifiedRoleEligibilityScheduleInstance\)$/,
    );
    assert.ok(eligible.body.value.length > 0);
    for (const item of eligible.body.value)
      assert.equal(item['@odata.type'], '#microsoft.graph.unifiedRoleEligibilityScheduleInstance');
    const requests = `${RM}/roleAssignmentScheduleRequests/filterByCurrentUser`;
    const mine = await getAs(emu(), 'AlexW', `${requests}(on='principal')`);
    assert.match(mine.body['@odata.context'], /#roleManagement\/directory\/roleAssignmentScheduleRequests$/);
    assert.ok(mine.body.value.length > 0, 'the activation of the test above');
    assertGraphError(await getAs(emu(), 'AlexW', `${requests}(on='createdBy')`), 400, 'BadRequest');
  });
});
