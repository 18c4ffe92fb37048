import { strict as assert } from 'node:assert';
import { ClientSecretCredential } from '@azure/identity';
import { ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import jwt from 'jsonwebtoken';
import { createBotFrameworkAuth } from '../../../bot/adapter';
import { channelUsers } from '../../../emulator/teams/users';
import { gatekeeperApp, loadDemoFixture } from '../../../emulator';
import { loadConfig } from '../../../services/config';
import { rawCall, useEmulator } from '../../support/emulator';
import { completeSignInPage } from '../../support/signIn';

/**
 * The Bot Framework token service stand-in against botbuilder's real UserTokenClient. The answers follow
 * the Token API (botbuilder-js libraries/swagger/TokenAPI.json, botframework-connector's tokenApi):
 * GetToken 200 TokenResponse / 404 when the user has no token; exchange 200, or 400 ErrorResponse;
 * every operation needs the bot's own token (Bearer, audience https://api.botframework.com).
 */
describe('emulator: Bot Framework token service (real UserTokenClient with the bot credentials)', () => {
  const { emu } = useEmulator();
  const CONNECTION = 'graph';
  const teamsId = (alias: string) =>
    channelUsers(loadDemoFixture() as never).find((u) => u.alias === alias)!.id;
  const objectId = (alias: string) => emu().directory.userByAlias(alias)!.id;
  let client: UserTokenClient;
  let botToken: string;

  before(async () => {
    const config = loadConfig({
      MicrosoftAppId: emu().clientId,
      MicrosoftAppPassword: emu().clientSecret,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: emu().tenantId,
      MONGODB_URI: 'mongodb://127.0.0.1:9/unused',
      OAuthUrl: emu().url,
      ToChannelFromBotLoginUrl: `${emu().url}/botframework.com`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    });
    // As a channel's turn gives it: the audience claim is the bot's app id.
    const identity = new ClaimsIdentity([{ type: 'aud', value: emu().clientId }], true);
    client = await createBotFrameworkAuth(config).createUserTokenClient(identity);
    botToken = (await new ClientSecretCredential('botframework.com', emu().clientId, emu().clientSecret, {
      authorityHost: emu().url,
      disableInstanceDiscovery: true,
    }).getToken('https://api.botframework.com/.default'))!.token;
  });
  afterEach(() => {
    for (const u of emu().directory.users()) emu().tokens.signOut(u.id);
  });

  const getToken = (alias: string, token?: string, code = '') =>
    rawCall(
      emu(),
      'GET',
      `/api/usertoken/GetToken?userId=${encodeURIComponent(teamsId(alias))}&connectionName=${CONNECTION}&channelId=msteams${code ? `&code=${code}` : ''}`,
      { token },
    );

  it('answers 401 to a call without the bot token, with another resource token, or with another app token', async () => {
    assert.equal((await getToken('AdeleV')).status, 401);
    const graphToken = emu().tokens.issuer.appToken(
      emu().tokens.issuer.apps.get(emu().clientId)!,
      'https://graph.microsoft.com',
    );
    const wrongAudience = await getToken('AdeleV', graphToken);
    assert.equal(wrongAudience.status, 401);
    assert.equal(wrongAudience.body.error.code, 'Unauthorized');
    emu().tokens.registerApp({
      ...gatekeeperApp('7d3c1f00-5b1e-4c9a-9e2f-0a1b2c3d4e5f', 's'),
      displayName: 'Other bot',
    });
    const other = emu().tokens.issuer.appToken(
      emu().tokens.issuer.apps.get('7d3c1f00-5b1e-4c9a-9e2f-0a1b2c3d4e5f')!,
      'https://api.botframework.com',
    );
    assert.equal((await getToken('AdeleV', other)).status, 401);
    // botbuilder with auth off sends no token at all: the real service refuses it, and so does this one.
    const anonymous = await new ConfigurationBotFrameworkAuthentication({
      OAuthUrl: emu().url,
    }).createUserTokenClient(new ClaimsIdentity([], true));
    await assert.rejects(anonymous.getUserToken(teamsId('AdeleV'), CONNECTION, 'msteams', ''), /denied/);
  });

  it('has no token for a user who never signed in (404)', async () => {
    assert.equal((await getToken('AdeleV', botToken)).status, 404);
    assert.ok(!(await client.getUserToken(teamsId('AdeleV'), CONNECTION, 'msteams', ''))?.token);
  });

  it('stores the token of a Teams SSO exchange and hands out that same token at every GetToken', async () => {
    const sso = emu().tokens.userAssertion('MeganB', { mfa: true });
    const exchanged = await client.exchangeToken(teamsId('MeganB'), CONNECTION, 'msteams', { token: sso });
    assert.ok(exchanged.token);
    const claims = jwt.decode(exchanged.token) as Record<string, unknown>;
    assert.equal(claims.oid, objectId('MeganB'));
    assert.equal(claims.aud, emu().clientId);
    assert.deepEqual(claims.amr, ['pwd', 'mfa'], 'the session keeps how the user signed in');
    const first = await client.getUserToken(teamsId('MeganB'), CONNECTION, 'msteams', '');
    const second = await client.getUserToken(`29:${objectId('MeganB')}`, CONNECTION, 'msteams', '');
    assert.equal(first.token, exchanged.token);
    assert.equal(second.token, exchanged.token);
    assert.ok(Date.parse(first.expiration!) > Date.now());
    // Another connection of the same user has nothing.
    assert.ok(!(await client.getUserToken(teamsId('MeganB'), 'other', 'msteams', ''))?.token);
  });

  it("refuses to exchange someone else's, a foreign or a malformed token with 400 and an ErrorResponse", async () => {
    const exchange = (body: string) =>
      rawCall(
        emu(),
        'POST',
        `/api/usertoken/exchange?userId=${encodeURIComponent(teamsId('AdeleV'))}&connectionName=${CONNECTION}&channelId=msteams`,
        {
          token: botToken,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.parse(body) as unknown,
        },
      );
    const theirs = await exchange(JSON.stringify({ token: emu().tokens.userAssertion('MeganB') }));
    assert.equal(theirs.status, 400);
    assert.equal(theirs.body.error.code, 'ServiceError');
    const forged = jwt.sign({ aud: emu().clientId, oid: objectId('AdeleV') }, 'not-the-key');
    assert.equal((await exchange(JSON.stringify({ token: forged }))).status, 400);
    assert.equal((await exchange(JSON.stringify({}))).status, 400);
    assert.equal((await getToken('AdeleV', botToken)).status, 404, 'nothing was stored');
  });

  it('signs a user in through the sign-in link and magic code: a wrong code gets nothing, the right one the token', async () => {
    const state = Buffer.from(
      JSON.stringify({
        connectionName: CONNECTION,
        conversation: { user: { id: teamsId('AlexW') } },
        msAppId: emu().clientId,
      }),
    ).toString('base64');
    const resource = await rawCall(
      emu(),
      'GET',
      `/api/botsignin/GetSignInResource?state=${encodeURIComponent(state)}`,
      {
        token: botToken,
      },
    );
    assert.equal(resource.status, 200);
    assert.equal(resource.body.tokenExchangeResource.uri, `api://${emu().clientId}`);
    const { code, mfaAsked } = await completeSignInPage(resource.body.signInLink);
    assert.equal(mfaAsked, false, 'no claims asked for, no MFA step');
    assert.equal((await getToken('AlexW', botToken)).status, 404, 'not signed in until the code is redeemed');
    const wrong = code === '000000' ? '111111' : '000000';
    assert.equal((await getToken('AlexW', botToken, wrong)).status, 404);
    const redeemed = await client.getUserToken(teamsId('AlexW'), CONNECTION, 'msteams', code);
    assert.deepEqual((jwt.decode(redeemed.token) as { amr: string[] }).amr, ['pwd']);
    assert.equal(
      (await client.getUserToken(teamsId('AlexW'), CONNECTION, 'msteams', '')).token,
      redeemed.token,
    );
    assert.equal((await getToken('AlexW', botToken, code)).status, 404, 'a code works once');
  });

  it('forgets the token at SignOut, and reports it in GetTokenStatus', async () => {
    emu().tokens.signIn('LeeG', CONNECTION);
    const status = await client.getTokenStatus(teamsId('LeeG'), 'msteams', '');
    assert.deepEqual(
      status.filter((s) => s.connectionName === CONNECTION).map((s) => s.hasToken),
      [true],
    );
    await client.signOutUser(teamsId('LeeG'), CONNECTION, 'msteams');
    assert.ok(!(await client.getUserToken(teamsId('LeeG'), CONNECTION, 'msteams', ''))?.token);
  });
});
