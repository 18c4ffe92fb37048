import { strict as assert } from 'node:assert';
import { ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import jwt from 'jsonwebtoken';
import { channelUsers } from '../../../emulator/teams/users';
import { loadDemoFixture } from '../../../emulator';
import { rawCall, useEmulator } from '../../support/emulator';

describe('emulator: Bot Framework token service (real UserTokenClient)', () => {
  const { emu } = useEmulator();
  const teamsId = (alias: string) =>
    channelUsers(loadDemoFixture() as never).find((u) => u.alias === alias)!.id;
  let client: UserTokenClient;

  before(async () => {
    // Auth disabled (no app id): the client calls OAuthUrl without a bot token, as in demo mode.
    const auth = new ConfigurationBotFrameworkAuthentication({ OAuthUrl: emu().url });
    client = await auth.createUserTokenClient(new ClaimsIdentity([], true));
  });
  afterEach(() => emu().knobs.reset());

  it('returns a user assertion for the Teams user, issued to the bot app', async () => {
    const result = await client.getUserToken(teamsId('AdeleV'), 'sso', 'msteams', '');
    assert.equal(result.connectionName, 'sso');
    assert.ok(Date.parse(result.expiration!) > Date.now());
    const claims = jwt.decode(result.token) as Record<string, unknown>;
    assert.equal(claims.oid, emu().directory.userByAlias('AdeleV')!.id);
    assert.equal(claims.aud, emu().clientId);
  });

  it('maps 29:<objectId> ids too, and answers 404 (no token) once the user is signed out', async () => {
    const id = emu().directory.userByAlias('LeeG')!.id;
    assert.ok((await client.getUserToken(`29:${id}`, 'sso', 'msteams', '')).token);
    emu().knobs.signOut(id);
    const res = await rawCall(
      emu(),
      'GET',
      `/api/usertoken/GetToken?userId=${encodeURIComponent(teamsId('LeeG'))}&connectionName=sso&channelId=msteams`,
    );
    assert.equal(res.status, 404);
    const none = await client.getUserToken(teamsId('LeeG'), 'sso', 'msteams', '');
    assert.ok(!none?.token);
  });

  it('signs out through SignOut and back in through a token exchange', async () => {
    await client.signOutUser(teamsId('MeganB'), 'sso', 'msteams');
    assert.ok(!(await client.getUserToken(teamsId('MeganB'), 'sso', 'msteams', ''))?.token);
    const ssoToken = emu().tokens.userAssertion('MeganB');
    const exchanged = await client.exchangeToken(teamsId('MeganB'), 'sso', 'msteams', { token: ssoToken });
    assert.ok(exchanged.token);
    assert.ok((await client.getUserToken(teamsId('MeganB'), 'sso', 'msteams', '')).token);
  });

  it('gives a sign-in resource whose link signs the user back in', async () => {
    const id = emu().directory.userByAlias('AlexW')!.id;
    emu().knobs.signOut(id);
    // The state botbuilder's UserTokenClient.createTokenExchangeState builds (it needs a bot app id).
    const state = Buffer.from(
      JSON.stringify({
        connectionName: 'sso',
        conversation: { user: { id: teamsId('AlexW') } },
        msAppId: emu().clientId,
      }),
    ).toString('base64');
    const res = await rawCall(
      emu(),
      'GET',
      `/api/botsignin/GetSignInResource?state=${encodeURIComponent(state)}`,
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.tokenExchangeResource.uri, `api://${emu().clientId}`);
    assert.ok(res.body.signInLink.startsWith(`${emu().url}/api/botsignin/signin?state=`));
    assert.equal((await fetch(res.body.signInLink)).status, 200);
    assert.ok((await client.getUserToken(teamsId('AlexW'), 'sso', 'msteams', '')).token);
  });

  it('marks MFA in the assertion when the session completed it', async () => {
    const id = emu().directory.userByAlias('AlexW')!.id;
    emu().knobs.completeMfa(id);
    const token = (await client.getUserToken(teamsId('AlexW'), 'sso', 'msteams', '')).token;
    assert.deepEqual((jwt.decode(token) as { amr: string[] }).amr, ['pwd', 'mfa']);
  });
});
