import { strict as assert } from 'node:assert';
import { appCredential, GRAPH_SCOPE, rawCall, useEmulator } from '../../../support/emulator';

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
});
