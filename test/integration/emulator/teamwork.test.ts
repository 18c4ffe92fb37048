import { strict as assert } from 'node:assert';
import { GATEKEEPER_APP, type UserInstallation } from '../../../emulator';
import { appCredential, GRAPH_SCOPE, rawCall, useEmulator } from '../../support/emulator';
import { userId } from '../../contracts/graph/context';

const GATEKEEPER = GATEKEEPER_APP;
const BIND = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${GATEKEEPER.id}`;

describe('emulator: Teams app catalog and apps installed for users', () => {
  const { emu } = useEmulator();
  /** An app-only token of the Gatekeeper registration, or of an app registered with only `roles`. */
  const token = async (roles?: string[]) => {
    if (!roles) return (await appCredential(emu()).getToken(GRAPH_SCOPE))!.token;
    const clientId = `app-${roles.join('-') || 'none'}`;
    emu().tokens.registerApp({
      clientId,
      clientSecret: 's',
      displayName: clientId,
      graphRoles: roles,
      exchangeRoles: [],
      delegatedScopes: [],
    });
    return (await appCredential(emu(), 's', clientId).getToken(GRAPH_SCOPE))!.token;
  };
  const install = async (alias: string, t: string, bind = BIND) =>
    rawCall(emu(), 'POST', `/v1.0/users/${userId(alias)}/teamwork/installedApps`, {
      token: t,
      body: { 'teamsApp@odata.bind': bind },
    });

  it('finds the Gatekeeper app by its manifest id (externalId), with AppCatalog.Read.All', async () => {
    const filter = encodeURIComponent(`externalId eq '${GATEKEEPER.externalId}'`);
    const found = await rawCall(emu(), 'GET', `/v1.0/appCatalogs/teamsApps?$filter=${filter}`, {
      token: await token(),
    });
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.value, [
      {
        id: GATEKEEPER.id,
        externalId: GATEKEEPER.externalId,
        displayName: 'Gatekeeper',
        distributionMethod: 'organization',
      },
    ]);
    const without = await rawCall(emu(), 'GET', `/v1.0/appCatalogs/teamsApps?$filter=${filter}`, {
      token: await token(['TeamsAppInstallation.ReadWriteSelfForUser.All']),
    });
    assert.equal(without.status, 403);
  });

  it('refuses to install with an app-only token that lacks TeamsAppInstallation.ReadWriteSelfForUser.All (403)', async () => {
    const res = await install('AlexW', await token(['AppCatalog.Read.All', 'User.Read.All']));
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'Authorization_RequestDenied');
    assert.deepEqual(emu().teamsApps.installedFor(userId('AlexW')), []);
  });

  it('"Self" permission: an app may install itself, not another app (403)', async () => {
    const res = await install('AlexW', await token(['TeamsAppInstallation.ReadWriteSelfForUser.All']));
    assert.equal(res.status, 403);
    const any = await install('AlexW', await token(['TeamsAppInstallation.ReadWriteForUser.All']));
    assert.equal(any.status, 201);
  });

  it('installs for a user (201), tells listeners after answering, then 409 when installed; 404 for unknowns', async () => {
    const heard: UserInstallation[] = [];
    const stop = emu().teamsApps.onInstalled((i) => heard.push(i));
    try {
      const t = await token();
      const first = await install('MeganB', t);
      assert.equal(first.status, 201);
      assert.equal(first.body, undefined);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(
        heard.map((i) => [i.userId, i.app.externalId]),
        [[userId('MeganB'), GATEKEEPER.externalId]],
      );
      const again = await install('MeganB', t);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'Conflict');
      const nobody = await rawCall(
        emu(),
        'POST',
        '/v1.0/users/00000000-0000-0000-0000-000000000000/teamwork/installedApps',
        {
          token: t,
          body: { 'teamsApp@odata.bind': BIND },
        },
      );
      assert.equal(nobody.status, 404);
      const noApp = await install('LeeG', t, 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/nope');
      assert.equal(noApp.status, 404);
      const malformed = await rawCall(emu(), 'POST', `/v1.0/users/${userId('LeeG')}/teamwork/installedApps`, {
        token: t,
        body: { teamsApp: GATEKEEPER.id },
      });
      assert.equal(malformed.status, 400);
      assert.equal(heard.length, 1, 'refused installs tell nobody');
    } finally {
      stop();
    }
  });

  it("lists a user's installed apps, with $expand=teamsApp and $filter on teamsApp/externalId", async () => {
    const t = await token();
    assert.equal((await install('PattiF', t)).status, 201);
    const path = `/v1.0/users/${userId('PattiF')}/teamwork/installedApps`;
    const plain = await rawCall(emu(), 'GET', path, { token: t });
    assert.equal(plain.body.value.length, 1);
    assert.deepEqual(Object.keys(plain.body.value[0]), ['id']);
    assert.equal(
      Buffer.from(plain.body.value[0].id, 'base64').toString(),
      `${userId('PattiF')}##${GATEKEEPER.id}`,
    );
    const filter = (externalId: string) =>
      `?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/externalId eq '${externalId}'`)}`;
    const mine = await rawCall(emu(), 'GET', path + filter(GATEKEEPER.externalId), { token: t });
    assert.equal(mine.body.value[0].teamsApp.id, GATEKEEPER.id);
    const other = await rawCall(emu(), 'GET', path + filter('someone-else'), { token: t });
    assert.deepEqual(other.body.value, []);
    const none = await rawCall(emu(), 'GET', `/v1.0/users/${userId('JohannaL')}/teamwork/installedApps`, {
      token: t,
    });
    assert.deepEqual(none.body.value, []);
  });
});
