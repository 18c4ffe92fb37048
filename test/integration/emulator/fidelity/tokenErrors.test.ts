import { strict as assert } from 'node:assert';
import jwt from 'jsonwebtoken';
import { gatekeeperApp } from '../../../../emulator';
import { EXCHANGE_SCOPE, GRAPH_SCOPE, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('emulator fidelity: the token endpoint and Graph refuse tokens as Entra and Graph do (HTTPS)', () => {
  const { emu } = useEmulator();

  async function obo(fields: Record<string, string>): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${emu().url}/${emu().tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: emu().clientId,
        client_secret: emu().clientSecret,
        assertion: emu().tokens.userAssertion('AdeleV'),
        scope: GRAPH_SCOPE,
        requested_token_use: 'on_behalf_of',
        ...fields,
      }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  }

  /** Entra's error body: error, AADSTS description ending in CRLF-separated ids, codes and ids. */
  function assertAadError(answer: { status: number; body: Json }, error: string, code: number): void {
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.error, error);
    assert.deepEqual(answer.body.error_codes, [code]);
    const b = answer.body;
    assert.equal(
      b.error_description.slice(b.error_description.indexOf('\r\nTrace ID:')),
      `\r\nTrace ID: ${b.trace_id}\r\nCorrelation ID: ${b.correlation_id}\r\nTimestamp: ${b.timestamp}`,
    );
    assert.match(b.error_description, new RegExp(`^AADSTS${code}: `));
    assert.match(b.timestamp, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  }

  it('answers a resource the user never consented to with AADSTS65001 and suberror consent_required', async () => {
    // The consent error as Entra sends it (microsoft-graph-docs-contrib#3462 quotes the whole body).
    const answer = await obo({ scope: EXCHANGE_SCOPE });
    assertAadError(answer, 'invalid_grant', 65001);
    assert.equal(answer.body.suberror, 'consent_required');
    assert.match(
      answer.body.error_description,
      /named 'Gatekeeper'\. Send an interactive authorization request/,
    );
  });

  it('answers an assertion issued to another app with AADSTS50013 naming both audiences', async () => {
    emu().tokens.registerApp(gatekeeperApp('other-app', 'other-secret'));
    const answer = await obo({ client_id: 'other-app', client_secret: 'other-secret' });
    assertAadError(answer, 'invalid_grant', 50013);
    assert.match(answer.body.error_description, /Assertion audience does not match the Client app/);
    assert.match(answer.body.error_description, new RegExp(`was '${emu().clientId}'`));
  });

  it('refuses on-behalf-of without requested_token_use=on_behalf_of (the OBO doc makes it required)', async () => {
    assertAadError(await obo({ requested_token_use: '' }), 'invalid_request', 900144);
  });

  // v2-oauth2-client-creds-grant-flow.md: client credentials take only `{resource}/.default` scopes.
  it('refuses client credentials for a named scope with AADSTS1002012 invalid_scope', async () => {
    const res = await fetch(`${emu().url}/${emu().tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu().clientId,
        client_secret: emu().clientSecret,
        scope: 'https://graph.microsoft.com/User.Read.All',
      }),
    });
    const answer = { status: res.status, body: (await res.json()) as Json };
    assertAadError(answer, 'invalid_scope', 1002012);
    assert.match(answer.body.error_description, /must have a scope value with \/\.default suffixed/);
  });

  it('answers Graph calls with an expired token 401 InvalidAuthenticationToken, lifetime validation failed', async () => {
    const issuer = emu().tokens.issuer;
    const now = Math.floor(Date.now() / 1000);
    const token = jwt.sign(
      {
        aud: 'https://graph.microsoft.com',
        iss: issuer.v1Issuer,
        tid: emu().tenantId,
        ver: '1.0',
        idtyp: 'app',
        appid: emu().clientId,
        roles: ['User.Read.All'],
        iat: now - 7200,
        nbf: now - 7200,
        exp: now - 3600,
      },
      issuer.key.privateKeyPem,
      { algorithm: 'RS256', keyid: issuer.key.kid },
    );
    const res = await rawCall(emu(), 'GET', '/v1.0/users', { token });
    assertGraphError(res, 401, 'InvalidAuthenticationToken');
    assert.equal(res.body.error.message, 'Lifetime validation failed, the token is expired.');
  });
});
