import { strict as assert } from 'node:assert';
import { completeSignInPage } from '../../support/signIn';
import { startPimApp } from './pimApp';
import { activate, cardOf, cardText, graphState, nextSignInLink, ROLE, verifyState } from './pimCards';

const USER_ADMIN = {
  duration: 'PT1H',
  justification: 'Onboard the new starters',
  ticketNumber: 'CHG-77',
  ticketSystem: 'ServiceNow',
};

describe('e2e PIM: MFA step-up in chat', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  beforeEach(async () => {
    app = await startPimApp();
    await app.channel.install('AlexW');
  });
  afterEach(() => app?.stop());

  const alex = () => app.channel.user('AlexW').aadObjectId;
  const newRequests = async () =>
    (await graphState(app.emulator, alex(), ROLE.userAdmin)).requests.filter(
      (r) => r.justification === USER_ADMIN.justification,
    );

  /** Alex asks; Graph refuses for MFA; the bot holds it and sends the sign-in card. */
  async function heldActivation() {
    const mark = app.channel.recorder.mark();
    const card = await activate(app.channel, 'AlexW', ROLE.userAdmin, USER_ADMIN);
    assert.match(cardText(card), /sign in with MFA/);
    const refused = app.emulator.requestLog.find({ method: 'POST', path: /roleAssignmentScheduleRequests$/ });
    assert.deepEqual(
      refused.map((r) => r.status),
      [400],
      'Graph refused the activation once (MfaRule)',
    );
    return nextSignInLink(app.channel, 'AlexW', mark);
  }

  /** The user signs in on the link (the page asks for MFA) and Teams hands the bot the magic code. */
  async function signInWithMfa(link: string) {
    const { code, mfaAsked } = await completeSignInPage(link);
    assert.equal(mfaAsked, true, 'the sign-in asked for MFA, as the claims say');
    const mark = app.channel.recorder.mark();
    const answer = await verifyState(app.channel, 'AlexW', code);
    assert.equal(answer.status, 200);
    return {
      code,
      reply: cardText(cardOf(await app.channel.waitFor((r) => r.alias === 'AlexW', 5000, mark))),
    };
  }

  it('the MFA rule holds the activation; after the interactive sign-in it succeeds exactly once', async () => {
    const link = await heldActivation();
    assert.match(link, /claims=/, 'the challenge rides on the sign-in link');
    const { code, reply } = await signInWithMfa(link);
    assert.match(reply, /Active/);
    const state = await graphState(app.emulator, alex(), ROLE.userAdmin);
    assert.equal(state.active.length, 1);
    assert.deepEqual(
      (await newRequests()).map((r) => r.status),
      ['Provisioned'],
    );
    // Teams delivers the same code again: nothing is retried twice.
    await verifyState(app.channel, 'AlexW', code);
    assert.equal((await newRequests()).length, 1);
  });

  it('a restart between the MFA refusal and the sign-in loses nothing', async () => {
    const link = await heldActivation();
    await app.restart();
    const { reply } = await signInWithMfa(link);
    assert.match(reply, /Active/);
    assert.equal((await newRequests()).length, 1);
  });

  it('a user who never signs in sees the request expire with a clear card', async () => {
    await heldActivation();
    const mark = app.channel.recorder.mark();
    app.clock.advance(16 * 60_000);
    await app.wf().runDue();
    const sent = await app.channel.waitFor((r) => r.alias === 'AlexW' && !!r.activity, 5000, mark);
    assert.match(
      cardText(cardOf(sent)),
      /did not finish the sign-in with multi-factor authentication in time/,
    );
    assert.equal((await newRequests()).length, 0);
  });
});
