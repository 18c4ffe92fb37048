import { strict as assert } from 'node:assert';
import { renderNoticeCard } from '../../cards/notice';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { startTestApp, type TestApp } from '../support/app';

/** The payload of a JWT, unverified: enough to see whose token it is. */
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { oid: string };

describe('e2e: acting as the user with Teams SSO (emulated token service)', () => {
  let t: TestApp;
  let seenTokens: string[];
  let adele: string;
  beforeEach(async () => {
    seenTokens = [];
    t = await startTestApp({
      env: { SSO_CONNECTION_NAME: 'graph-sso' },
      flows: [
        () => ({
          messages: {
            myAccess: async ({ userToken }) => {
              seenTokens.push(await userToken());
              return renderNoticeCard({ title: 'Your access', text: 'listed' });
            },
          },
        }),
      ],
    });
    await t.channel.install('AdeleV');
    adele = t.channel.user('AdeleV').aadObjectId;
  });
  afterEach(async () => {
    await t.stop();
  });

  it('acts with the signed-in user own token', async () => {
    const mark = t.channel.recorder.mark();
    await t.channel.send('AdeleV', 'my access');
    const reply = await t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
    assert.match(cardText(cardOf(reply)), /Your access/);
    assert.equal(seenTokens.length, 1);
    assert.equal(claimsOf(seenTokens[0]!).oid, adele);
    assert.doesNotMatch(JSON.stringify(t.logs()), new RegExp(seenTokens[0]!.slice(-20)));
  });

  it('asks a signed-out user to sign in with an OAuth card, and acts after Teams exchanges the token', async () => {
    t.emulator.tokens.signOut(adele);
    const mark = t.channel.recorder.mark();
    await t.channel.send('AdeleV', 'my access');
    const reply = await t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
    const attachment = (
      reply.activity?.attachments as { contentType: string; content: Record<string, unknown> }[]
    )[0]!;
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.oauth');
    assert.equal(attachment.content.connectionName, 'graph-sso');
    assert.deepEqual(seenTokens, []);

    const exchanged = await t.channel.tokenExchange(
      'AdeleV',
      'graph-sso',
      t.emulator.tokens.userAssertion('AdeleV'),
    );
    assert.equal(exchanged.status, 200);
    const after = t.channel.recorder.mark();
    await t.channel.send('AdeleV', 'my access');
    await t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, after);
    assert.equal(claimsOf(seenTokens[0]!).oid, adele);
  });

  it("answers 412 to a token exchange the token service refuses (someone else's token)", async () => {
    t.emulator.tokens.signOut(adele);
    const answer = await t.channel.tokenExchange(
      'AdeleV',
      'graph-sso',
      t.emulator.tokens.userAssertion('MeganB'),
    );
    assert.equal(answer.status, 412);
  });

  it('gives background work the user token through UserTokenSource, and nothing once signed out', async () => {
    assert.equal(claimsOf((await t.app.userTokens.assertionFor(adele))!).oid, adele);
    t.emulator.tokens.signOut(adele);
    assert.equal(await t.app.userTokens.assertionFor(adele), undefined);
    // Never installed: no conversation, so no channel user id to ask the token service about.
    assert.equal(await t.app.userTokens.assertionFor(t.channel.user('PattiF').aadObjectId), undefined);
  });
});
