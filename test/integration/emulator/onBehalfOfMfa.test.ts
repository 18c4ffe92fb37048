import { strict as assert } from 'node:assert';
import { ClientSecretCredential } from '@azure/identity';
import jwt from 'jsonwebtoken';
import { channelUsers } from '../../../emulator/teams/users';
import { loadDemoFixture } from '../../../emulator';
import { GRAPH_SCOPE, oboCredential, rawCall, useEmulator } from '../../support/emulator';
import { completeSignInPage } from '../../support/signIn';

const MFA_CLAIMS = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });
const ACRS_CLAIMS = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });

/**
 * On-behalf-of cannot prompt the user (Microsoft identity platform, "OAuth 2.0 On-Behalf-Of flow",
 * "Error response example"): when the request's `claims` ask for what the incoming token's session did
 * not do, the token endpoint answers 400 `interaction_required` with the claims to sign in with
 * (AADSTS50076: MFA required). Only an interactive sign-in (here: the sign-in page's MFA step) meets it.
 */
describe('emulator: on-behalf-of and multi-factor authentication', () => {
  const { emu } = useEmulator();

  async function obo(assertion: string, claims?: string) {
    const res = await fetch(`${emu().url}/${emu().tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: emu().clientId,
        client_secret: emu().clientSecret,
        assertion,
        scope: `${GRAPH_SCOPE} openid profile offline_access`,
        requested_token_use: 'on_behalf_of',
        ...(claims ? { claims } : {}),
      }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (await res.json()) as any };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  function assertInteractionRequired(answer: { status: number; body: Json }): Json {
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'interaction_required');
    assert.deepEqual(answer.body.error_codes, [50076]);
    assert.match(String(answer.body.error_description), /^AADSTS50076: .*multi-factor authentication/);
    for (const field of ['timestamp', 'trace_id', 'correlation_id']) assert.ok(answer.body[field], field);
    return JSON.parse(String(answer.body.claims)) as Json;
  }

  it('refuses an MFA claims request for a password-only session: 400 interaction_required with the claims', async () => {
    const challenge = assertInteractionRequired(await obo(emu().tokens.userAssertion('AdeleV'), MFA_CLAIMS));
    assert.equal(challenge.access_token.capolids.essential, true);
    assert.equal(challenge.access_token.capolids.values.length, 1);
  });

  it('refuses an authentication context (acrs) the session did not meet, naming it in the challenge', async () => {
    const challenge = assertInteractionRequired(await obo(emu().tokens.userAssertion('AdeleV'), ACRS_CLAIMS));
    assert.deepEqual(challenge.access_token.acrs.values, ['c1']);
  });

  it('passes a session that did MFA, and the Graph token carries the context asked for', async () => {
    const answer = await obo(emu().tokens.userAssertion('AdeleV', { mfa: true }), ACRS_CLAIMS);
    assert.equal(answer.status, 200);
    const claims = jwt.decode(answer.body.access_token) as Record<string, unknown>;
    assert.deepEqual(claims.acrs, ['c1']);
    assert.deepEqual(claims.amr, ['pwd', 'mfa']);
  });

  it('without claims, exchanges a password-only session: nobody has MFA unless they did it', async () => {
    const answer = await obo(emu().tokens.userAssertion('AdeleV'));
    assert.equal(answer.status, 200);
    assert.deepEqual((jwt.decode(answer.body.access_token) as { amr: string[] }).amr, ['pwd']);
  });

  it('answers 400 invalid_request (AADSTS90014) to claims that are not JSON', async () => {
    const answer = await obo(emu().tokens.userAssertion('AdeleV'), '{not json');
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body.error_codes, [90014]);
  });

  it('hands the claims to @azure/identity 4.14, which keeps them on the error (the step-up needs them)', async () => {
    await assert.rejects(
      oboCredential(emu(), 'AdeleV').getToken(GRAPH_SCOPE, { claims: ACRS_CLAIMS }),
      (e: unknown) => {
        const cause = (e as { cause?: { errorCode?: string; claims?: string } }).cause;
        assert.equal(cause?.errorCode, 'interaction_required');
        assert.match(cause?.claims ?? '', /"acrs"/);
        return true;
      },
    );
  });

  it('is satisfied only after an interactive sign-in with the MFA step; an SSO exchange of the old session is not enough', async () => {
    const user = channelUsers(loadDemoFixture() as never).find((u) => u.alias === 'AdeleV')!;
    const bot = await new ClientSecretCredential('botframework.com', emu().clientId, emu().clientSecret, {
      authorityHost: emu().url,
      disableInstanceDiscovery: true,
    }).getToken('https://api.botframework.com/.default');
    const query = `userId=${encodeURIComponent(user.id)}&connectionName=graph&channelId=msteams`;
    // Teams SSO hands over the password-only session: still refused.
    const exchanged = await rawCall(emu(), 'POST', `/api/usertoken/exchange?${query}`, {
      token: bot!.token,
      body: { token: emu().tokens.userAssertion('AdeleV') },
    });
    assert.equal(exchanged.status, 200);
    assertInteractionRequired(await obo(exchanged.body.token, ACRS_CLAIMS));

    // The sign-in link, with the challenge as Entra's authorize endpoint takes it, asks for MFA.
    const state = Buffer.from(
      JSON.stringify({ connectionName: 'graph', conversation: { user: { id: user.id } } }),
    );
    const resource = await rawCall(
      emu(),
      'GET',
      `/api/botsignin/GetSignInResource?state=${encodeURIComponent(state.toString('base64'))}`,
      {
        token: bot!.token,
      },
    );
    const { code, mfaAsked } = await completeSignInPage(
      `${resource.body.signInLink}&claims=${encodeURIComponent(ACRS_CLAIMS)}`,
    );
    assert.equal(mfaAsked, true);
    const redeemed = await rawCall(emu(), 'GET', `/api/usertoken/GetToken?${query}&code=${code}`, {
      token: bot!.token,
    });
    assert.equal(redeemed.status, 200);
    const sso = jwt.decode(redeemed.body.token) as { amr: string[]; acrs: string[] };
    assert.deepEqual(sso.amr, ['pwd', 'mfa']);
    assert.deepEqual(sso.acrs, ['c1']);

    const answer = await obo(redeemed.body.token, ACRS_CLAIMS);
    assert.equal(answer.status, 200);
    assert.deepEqual((jwt.decode(answer.body.access_token) as { acrs: string[] }).acrs, ['c1']);
  });
});
