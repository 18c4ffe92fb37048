import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

describe('e2e access: a bot restart mid-flow loses nothing', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await app.t.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  it('Graph throttles the submit, the bot restarts, the new bot submits once and the approval goes on', async () => {
    const { channel, emulator } = app.t;
    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
    const submit = { ...actionData(form, 'access.submit')[0]!, justification: 'Joining the response' };
    // Retry-After beyond the client's own retry budget: the outbox keeps the submit for later.
    emulator.knobs.failNext(1, { status: 429, path: /assignmentRequests$/, retryAfter: 120 });
    const first = invokeCard(await channel.invoke('AdeleV', 'access.submit', submit));
    assert.match(cardText(first), /Submitted/);
    assert.match(cardText(first), /I will retry by myself/);

    await app.restart();
    const mark = channel.recorder.mark();
    app.clock.advance(121_000);
    const megan = await channel.waitFor(
      (r) => r.alias === 'MeganB' && /Adele Vance asks/.test(textOf(r)),
      10_000,
      mark,
    );
    await channel.waitFor((r) => r.alias === 'LeeG' && /Adele Vance asks/.test(textOf(r)), 10_000, mark);

    await app.restart();
    const decide = actionData(cardOf(megan), 'approval.decide').find((d) => d.decision === 'approve')!;
    const m2 = channel.recorder.mark();
    assert.match(
      cardText(
        invokeCard(
          await channel.invoke(
            'MeganB',
            'approval.decide',
            { ...decide, reason: 'ok' },
            { replyToId: megan.activityId },
          ),
        ),
      ),
      /Approved by Megan Bowen/,
    );
    await channel.waitFor((r) => r.alias === 'AdeleV' && /was approved/.test(textOf(r)), 10_000, m2);

    const adele = {
      userId: channel.user('AdeleV').aadObjectId,
      assertion: emulator.tokens.userAssertion('AdeleV'),
    };
    assert.equal(
      (await app.gateways.entitlement.myRequests(adele)).filter((r) => r.accessPackage?.id === COVID).length,
      1,
      'one Graph request',
    );
    assert.equal(
      channel.sentTo('MeganB').filter((r) => r.op !== 'update' && /Adele Vance asks/.test(textOf(r))).length,
      1,
      'one card each',
    );
  });
});
