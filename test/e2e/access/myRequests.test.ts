import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching } from './accessApp';

const FALCON = 'f643b9af-c285-51d7-bb12-b8ea780faf9f';
const WORKSTREAM = 'bcb40b33-25b6-5ca8-890c-3654c6726269';
// The demo tenant seeds Johanna's COVID-19 request as made in My Access 30 hours ago, pending approval.
const MY_ACCESS_ROW = /COVID-19 Response Team.*Waiting for approval.*Requested outside Teams, in My Access/s;

describe('e2e "my requests": requests made in Teams and in My Access', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  beforeEach(async () => {
    app = await startAccessApp();
    for (const alias of ['JohannaL', 'LeeG', 'PattiF']) await channel().install(alias);
  });
  afterEach(async () => {
    await app.stop();
  });

  /** Johanna asks for Project Falcon through the bot; it waits for Lee, her manager. */
  async function requestFalcon(): Promise<string> {
    const form = invokeCard(await channel().invoke('JohannaL', 'access.open', { packageId: FALCON }));
    const submit = actionData(form, 'access.submit')[0]!;
    const status = invokeCard(
      await channel().invoke('JohannaL', 'access.submit', {
        ...submit,
        justification: 'Field trials',
        [`answer_${WORKSTREAM}`]: 'Field trials',
      }),
    );
    await statusMatching(channel(), 'JohannaL', status, /Lee Gu decides/);
    const [item] = await app.store.workflows.find({ kind: 'accessRequest' });
    return item!.id;
  }

  /** Johanna types "my requests"; resolves with the card the bot answers with. */
  async function myRequests() {
    const mark = channel().recorder.mark();
    assert.equal((await channel().send('JohannaL', 'my requests')).status, 200);
    const reply = await channel().waitFor((r) => r.alias === 'JohannaL', 10_000, mark);
    return cardOf(reply);
  }

  it('Johanna sees her bot request, with Cancel, above the one she made in My Access, read-only', async () => {
    const itemId = await requestFalcon();
    const card = await myRequests();
    const shown = cardText(card);
    assert.match(shown, /Your requests/);
    assert.match(shown, /Project Falcon.*Waiting for approval.*Lee Gu decides \(stage 1 of 2\)/s);
    assert.match(shown, MY_ACCESS_ROW);
    assert.ok(shown.indexOf('Project Falcon') < shown.indexOf('COVID-19'), 'newest first');
    assert.equal(shown.split('Project Falcon').length - 1, 1, 'the bot’s request once, not again from Graph');
    assert.deepEqual(
      actionData(card, 'access.cancel').map((d) => d.itemId),
      [itemId],
      'Cancel only on the bot’s request',
    );
    assert.doesNotMatch(shown, /could not be loaded/);
  });

  for (const [what, status] of [
    ['down', 503],
    ['throttling', 429],
  ] as const) {
    it(`Graph ${what}: her bot request still shows, with a line saying the others could not be loaded`, async () => {
      const itemId = await requestFalcon();
      // Retry-After beyond the Graph client's retry budget: it gives up at once.
      app.t.emulator.knobs.failNext(1, {
        status,
        path: /assignmentRequests\/filterByCurrentUser/,
        retryAfter: 600,
      });
      const card = await myRequests();
      const shown = cardText(card);
      assert.match(shown, /Your requests/);
      assert.match(shown, /Project Falcon.*Waiting for approval/s);
      assert.match(shown, /Requests you made outside Teams \(in My Access\) could not be loaded just now/);
      assert.doesNotMatch(shown, /COVID-19/);
      assert.deepEqual(
        actionData(card, 'access.cancel').map((d) => d.itemId),
        [itemId],
      );

      // Once Graph answers again, the My Access request is back.
      assert.match(cardText(await myRequests()), MY_ACCESS_ROW);
    });
  }
});
