import { strict as assert } from 'node:assert';
import type { LoggedRequest } from '../../../emulator';
import { createGraphGateway } from '../../../services/adapters/graph/createGraphGateway';
import { startGraphHarness, type GraphHarness } from './harness';

const ACRS_CLAIMS = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
const isObo = (r: LoggedRequest) => r.api === 'identity' && r.method === 'POST' && !!r.userId;
const isMetadata = (r: LoggedRequest) =>
  r.api === 'identity' && r.method === 'GET' && r.path.endsWith('/v2.0/.well-known/openid-configuration');

/**
 * Identity once per user, not per call (issue 7), counted in the emulator's request log over HTTPS:
 * one on-behalf-of exchange per user token, however many calls (concurrent ones included) use it, and the
 * authority's OpenID metadata fetched once for all of a gateway's credentials.
 */
describe('Graph gateway: one on-behalf-of exchange per user token, authority metadata once', () => {
  let h: GraphHarness;
  beforeEach(async () => {
    h = await startGraphHarness();
  });
  afterEach(() => h?.stop());
  const log = () => h.emulator.requestLog;

  it('exchanges a user token once for many calls, concurrent ones included, and again for a new token', async () => {
    const adele = h.as('AdeleV');
    await Promise.all([1, 2, 3].map(() => h.gateways.entitlement.myRequests(adele)));
    for (let i = 0; i < 5; i++) await h.gateways.entitlement.myAssignments(adele);
    assert.equal(log().count(isObo), 1);
    await h.gateways.entitlement.myRequests(h.as('AdeleV')); // a new SSO token (another sign-in)
    assert.equal(log().count(isObo), 2);
  });

  it('keeps the Graph token of a claims session too (msal-node would send the claims every time)', async () => {
    const stepped = { ...h.as('AlexW', { mfa: true }), claims: ACRS_CLAIMS };
    for (let i = 0; i < 4; i++) await h.gateways.pim.myEligibleRoles(stepped);
    assert.equal(log().count(isObo), 1);
  });

  it('fetches the authority metadata once for the app-only credential and every user', async () => {
    await h.gateways.directory.getUser(h.as('AdeleV').userId);
    for (const alias of ['AdeleV', 'MeganB', 'LeeG', 'AlexW'])
      await h.gateways.entitlement.myRequests(h.as(alias));
    assert.equal(log().count(isObo), 4);
    assert.equal(log().count(isMetadata), 1);
    // Another gateway (another process's worth of credentials) fetches it for itself.
    await createGraphGateway(h.options).entitlement.myRequests(h.as('PattiF'));
    assert.equal(log().count(isMetadata), 2);
  });
});
