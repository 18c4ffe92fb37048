import { strict as assert } from 'node:assert';
import { appCredential, appToken, GRAPH_SCOPE, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError, userToken } from './support';

const EM = '/identityGovernance/entitlementManagement';
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const COVID_INTERNAL = 'bb97f5f8-5e44-596d-827c-d7df625608d7';

describe('emulator fidelity: the permissions each route takes, as the docs list them (HTTPS)', () => {
  const { emu } = useEmulator();

  // rbacapplication-list-roledefinitions.md: RoleManagement.Read.Directory, Directory.Read.All,
  // RoleManagement.ReadWrite.Directory, Directory.ReadWrite.All (delegated and application).
  it('lets an app holding only Directory.Read.All list role definitions, and refuses one without', async () => {
    const register = (clientId: string, graphRoles: string[]) =>
      emu().tokens.registerApp({
        clientId,
        clientSecret: 's',
        displayName: clientId,
        graphRoles,
        exchangeRoles: [],
        delegatedScopes: [],
      });
    const tokenOf = async (clientId: string) =>
      (await appCredential(emu(), 's', clientId).getToken(GRAPH_SCOPE))!.token;
    register('directory-reader', ['Directory.Read.All']);
    register('group-reader', ['Group.Read.All']);
    const path = '/v1.0/roleManagement/directory/roleDefinitions';
    const reader = await rawCall(emu(), 'GET', path, { token: await tokenOf('directory-reader') });
    assert.equal(reader.status, 200);
    assert.ok(reader.body.value.length > 0);
    const other = await rawCall(emu(), 'GET', path, { token: await tokenOf('group-reader') });
    assert.equal(other.status, 403);
  });

  // accesspackageassignmentrequest-cancel.md: delegated only (application: not supported); an end user
  // cancels their own request with EntitlementMgmt-SubjectAccess.ReadWrite and no role; 200 OK.
  it('refuses an app-only cancel of an access package request, and lets its requestor cancel it', async () => {
    const adele = emu().directory.userByAlias('AdeleV')!.id;
    const created = await rawCall(emu(), 'POST', `/v1.0${EM}/assignmentRequests`, {
      token: await userToken(emu(), 'AdeleV'),
      body: {
        requestType: 'userAdd',
        justification: 'Vaccine logistics',
        assignment: { targetId: adele, accessPackageId: COVID, assignmentPolicyId: COVID_INTERNAL },
      },
    });
    assert.equal(created.status, 201);
    const cancel = `/v1.0${EM}/assignmentRequests/${created.body.id}/cancel`;
    assertGraphError(
      await rawCall(emu(), 'POST', cancel, { token: await appToken(emu()) }),
      403,
      'Authorization_RequestDenied',
    );
    const own = await rawCall(emu(), 'POST', cancel, { token: await userToken(emu(), 'AdeleV') });
    assert.equal(own.status, 200);
  });
});
