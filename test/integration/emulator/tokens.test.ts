import { strict as assert } from 'node:assert';
import jwt from 'jsonwebtoken';
import {
  appCredential,
  appToken,
  EXCHANGE_SCOPE,
  graphClient,
  oboCredential,
  rawCall,
  useEmulator,
  GRAPH_SCOPE,
} from '../../support/emulator';

describe('emulator: identity (real @azure/identity credentials)', () => {
  const { emu } = useEmulator();

  // Microsoft identity platform, "Access token claims reference": Graph takes v1.0 tokens (issuer
  // https://sts.windows.net/{tid}/, appid); an app-only token says idtyp "app" and its oid is the
  // service principal's object id; roles carry the application permissions.
  it('issues an app-only Graph token in v1.0 format through ClientSecretCredential', async () => {
    const token = await appCredential(emu()).getToken(GRAPH_SCOPE);
    const claims = jwt.decode(token!.token) as Record<string, unknown>;
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.iss, `https://sts.windows.net/${emu().tenantId}/`);
    assert.equal(claims.ver, '1.0');
    assert.equal(claims.tid, emu().tenantId);
    assert.equal(claims.appid, emu().clientId);
    assert.equal(claims.appidacr, '1', 'the client authenticated with a secret');
    assert.equal(claims.idtyp, 'app');
    assert.equal(claims.oid, emu().tokens.issuer.apps.get(emu().clientId)!.servicePrincipalId);
    assert.notEqual(claims.oid, emu().clientId, 'oid is the service principal, not the client id');
    assert.equal(claims.sub, claims.oid);
    assert.ok((claims.roles as string[]).includes('User.Read.All'));
    assert.equal(claims.scp, undefined);
  });

  it('names Graph in aud as the client asked for it: app ID URI or application id', async () => {
    const res = await fetch(`${emu().url}/${emu().tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu().clientId,
        client_secret: emu().clientSecret,
        scope: '00000003-0000-0000-c000-000000000000/.default',
      }),
    });
    assert.equal(res.status, 200);
    const token = ((await res.json()) as { access_token: string }).access_token;
    const claims = jwt.decode(token) as Record<string, unknown>;
    assert.equal(claims.aud, '00000003-0000-0000-c000-000000000000');
    assert.equal(claims.ver, '1.0');
    assert.equal((await rawCall(emu(), 'GET', '/v1.0/users?$top=1', { token })).status, 200);
  });

  it('answers 401 InvalidAuthenticationToken to a Graph token that is not v1.0, as Graph takes none', async () => {
    const { issuer } = emu().tokens;
    const v2 = jwt.sign(
      {
        aud: 'https://graph.microsoft.com',
        iss: issuer.issuer,
        tid: emu().tenantId,
        ver: '2.0',
        azp: emu().clientId,
        idtyp: 'app',
        roles: ['User.Read.All'],
      },
      issuer.key.privateKeyPem,
      { algorithm: 'RS256', keyid: issuer.key.kid, expiresIn: 600 },
    );
    const answer = await rawCall(emu(), 'GET', '/v1.0/users?$top=1', { token: v2 });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error.code, 'InvalidAuthenticationToken');
  });

  it('issues an Exchange token with Exchange.ManageAsApp', async () => {
    const claims = jwt.decode(await appToken(emu(), EXCHANGE_SCOPE)) as Record<string, unknown>;
    assert.equal(claims.aud, 'https://outlook.office365.com');
    assert.deepEqual(claims.roles, ['Exchange.ManageAsApp']);
  });

  it('issues the bot its Bot Framework channel token from the botframework.com tenant', async () => {
    const { ClientSecretCredential } = await import('@azure/identity');
    const cred = new ClientSecretCredential('botframework.com', emu().clientId, emu().clientSecret, {
      authorityHost: emu().url,
      disableInstanceDiscovery: true,
    });
    const token = await cred.getToken('https://api.botframework.com/.default');
    assert.equal((jwt.decode(token!.token) as Record<string, unknown>).aud, 'https://api.botframework.com');
  });

  it('refuses a wrong client secret with invalid_client / AADSTS7000215', async () => {
    await assert.rejects(appCredential(emu(), 'wrong').getToken(GRAPH_SCOPE), /AADSTS7000215/);
    assert.ok(emu().requestLog.count({ api: 'identity', status: 401, path: /\/oauth2\/v2\.0\/token$/ }) >= 1);
  });

  it('refuses an unknown client id with AADSTS700016', async () => {
    await assert.rejects(
      appCredential(emu(), 'x', '99999999-0000-4000-8000-000000000000').getToken(GRAPH_SCOPE),
      /AADSTS700016/,
    );
  });

  // Access token claims reference: a delegated v1.0 token carries the user (oid, upn), idtyp "user",
  // the delegated permissions in scp, how the user signed in (amr), and acrs only when contexts were met.
  it('exchanges a user token on-behalf-of for a delegated v1.0 token carrying oid, upn, scp and amr', async () => {
    const token = await oboCredential(emu(), 'AlexW').getToken(GRAPH_SCOPE);
    const claims = jwt.decode(token!.token) as Record<string, unknown>;
    assert.equal(claims.iss, `https://sts.windows.net/${emu().tenantId}/`);
    assert.equal(claims.ver, '1.0');
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.idtyp, 'user');
    assert.equal(claims.appid, emu().clientId);
    assert.equal(claims.oid, emu().directory.userByAlias('AlexW')!.id);
    assert.equal(claims.upn, 'AlexW@contoso.com');
    assert.equal(claims.tid, emu().tenantId);
    assert.match(String(claims.scp), /EntitlementManagement\.ReadWrite\.All/);
    assert.equal(claims.roles, undefined);
    assert.deepEqual(claims.amr, ['pwd']);
    assert.equal(claims.acrs, undefined);
  });

  it('grants an authentication-context claims request only after MFA', async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    await assert.rejects(oboCredential(emu(), 'AlexW').getToken(GRAPH_SCOPE, { claims }), /AADSTS50076/);
    const stepped = await oboCredential(emu(), 'AlexW', { mfa: true }).getToken(GRAPH_SCOPE, { claims });
    assert.deepEqual((jwt.decode(stepped!.token) as Record<string, unknown>).acrs, ['c1']);
  });

  it('refuses an assertion that this authority did not sign', async () => {
    const forged = jwt.sign({ aud: emu().clientId, oid: 'x' }, 'not-the-key');
    const res = await fetch(`${emu().url}/${emu().tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: emu().clientId,
        client_secret: emu().clientSecret,
        assertion: forged,
        scope: GRAPH_SCOPE,
        requested_token_use: 'on_behalf_of',
      }),
    });
    const body = (await res.json()) as { error: string; error_codes: number[] };
    assert.equal(res.status, 400);
    assert.equal(body.error, 'invalid_grant');
    assert.deepEqual(body.error_codes, [50013]);
  });

  it('serves OpenID metadata and a JWKS that verifies its tokens', async () => {
    const meta = await rawCall(emu(), 'GET', `/${emu().tenantId}/v2.0/.well-known/openid-configuration`);
    assert.equal(meta.body.token_endpoint, `${emu().url}/${emu().tenantId}/oauth2/v2.0/token`);
    const keys = await rawCall(emu(), 'GET', new URL(meta.body.jwks_uri).pathname);
    const token = await appToken(emu());
    const { kid } = jwt.decode(token, { complete: true })!.header;
    assert.ok(keys.body.keys.some((k: { kid: string }) => k.kid === kid));
  });

  it('lets the real Graph client call /me with a delegated token and the app call /users', async () => {
    const me = await graphClient(emu(), oboCredential(emu(), 'MeganB')).api('/me').get();
    assert.equal(me.userPrincipalName, 'MeganB@contoso.com');
    const users = await graphClient(emu(), appCredential(emu())).api('/users').get();
    assert.equal(users.value.length, 16);
  });
});
