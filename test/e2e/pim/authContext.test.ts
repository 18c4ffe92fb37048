import { strict as assert } from 'node:assert';
import demoTenant from '../../../emulator/fixtures/demo-tenant.json';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { completeSignInPage } from '../../support/signIn';
import { startPimApp } from './pimApp';
import { activate, cardOf, cardText, graphState, nextSignInLink, ROLE, verifyState } from './pimCards';

/** The demo tenant, with User Administrator's activation protected by authentication context c1. */
function withAuthContext(): TenantFixture {
  const fixture = structuredClone(demoTenant) as unknown as TenantFixture & {
    pim: { policies: { role: string; requireMfa: boolean; authenticationContext?: string }[] };
  };
  const policy = fixture.pim.policies.find((p) => p.role === 'User Administrator')!;
  policy.requireMfa = false;
  policy.authenticationContext = 'c1';
  return fixture;
}

describe('e2e PIM: an authentication context step-up in chat', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp({ fixture: withAuthContext() });
    await app.channel.install('AlexW');
  });
  after(() => app?.stop());

  it("Graph's AcrsValidationFailed claims go on the sign-in link; the retry carries acrs c1 and succeeds", async () => {
    const { channel, emulator } = app;
    const mark = channel.recorder.mark();
    const card = await activate(channel, 'AlexW', ROLE.userAdmin, {
      duration: 'PT1H',
      justification: 'Fix a stuck account',
      ticketNumber: 'INC-5',
    });
    assert.match(cardText(card), /sign in with MFA/);
    const link = await nextSignInLink(channel, 'AlexW', mark);
    const claims = JSON.parse(new URL(link).searchParams.get('claims')!) as Record<string, unknown>;
    assert.deepEqual(claims, { access_token: { acrs: { essential: true, value: 'c1' } } });
    const { code, mfaAsked } = await completeSignInPage(link);
    assert.equal(mfaAsked, true);
    const after = channel.recorder.mark();
    assert.equal((await verifyState(channel, 'AlexW', code)).status, 200);
    const reply = await channel.waitFor((r) => r.alias === 'AlexW', 5000, after);
    assert.match(cardText(cardOf(reply)), /Active/);
    const alex = channel.user('AlexW').aadObjectId;
    assert.equal((await graphState(emulator, alex, ROLE.userAdmin)).active.length, 1);
  });
});
