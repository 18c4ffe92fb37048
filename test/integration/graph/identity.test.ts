import { strict as assert } from 'node:assert';
import { createGraphGateway } from '../../../services/adapters/graph/createGraphGateway';
import {
  GraphRequestError,
  isRetryable,
  MfaRequiredError,
  SignInRequiredError,
} from '../../../services/ports/graphErrors';
import { startGraphHarness, type GraphHarness } from './harness';

const ACRS_CLAIMS = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });

describe('Graph gateway credentials against the emulated authority', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());

  it('asks the user to sign in again when the SSO token is not accepted on-behalf-of', async () => {
    const forged = {
      userId: h.as('AdeleV').userId,
      assertion: `${h.as('AdeleV').assertion.slice(0, -4)}AAAA`,
    };
    await assert.rejects(h.gateways.entitlement.myRequests(forged), SignInRequiredError);
  });

  it('reports a wrong client secret as a setup error, not as an outage', async () => {
    const broken = createGraphGateway({ ...h.options, clientSecret: 'not-the-secret' });
    await assert.rejects(broken.directory.getUser(h.as('AdeleV').userId), (e) => {
      assert.ok(e instanceof GraphRequestError, String(e));
      assert.equal(e.graphCode, 'invalid_client');
      assert.ok(!isRetryable(e));
      return true;
    });
  });

  it('sends a claims challenge on-behalf-of: without MFA the authority asks for step-up, after MFA it passes', async () => {
    const alex = { ...h.as('AlexW'), claims: ACRS_CLAIMS };
    await assert.rejects(h.gateways.pim.myEligibleRoles(alex), (e) => {
      assert.ok(e instanceof MfaRequiredError, String(e));
      assert.match(e.claims, /"acrs"/);
      return true;
    });
    const stepped = { ...h.as('AlexW', { mfa: true }), claims: ACRS_CLAIMS };
    const roles = await h.gateways.pim.myEligibleRoles(stepped);
    assert.ok(roles.length > 0);
  });
});
