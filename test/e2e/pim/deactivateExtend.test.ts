import { strict as assert } from 'node:assert';
import { startPimApp } from './pimApp';
import { activate, actionData, cardOf, cardText, graphState, invokeCard, ROLE } from './pimCards';

describe('e2e PIM: early deactivation, and Extend before the end', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  beforeEach(async () => {
    app = await startPimApp();
    await app.channel.install('AlexW');
  });
  afterEach(() => app?.stop());

  const alex = () => app.channel.user('AlexW').aadObjectId;
  const helpdesk = () =>
    activate(app.channel, 'AlexW', ROLE.helpdesk, { duration: 'PT2H', justification: 'Reset passwords' });

  it('Alex deactivates Helpdesk Administrator early from its card: Graph ends it', async () => {
    const card = await helpdesk();
    assert.equal((await graphState(app.emulator, alex(), ROLE.helpdesk)).active.length, 1);
    app.clock.advance(10 * 60_000);
    const [deactivate] = actionData(card, 'pim.deactivate');
    assert.ok(deactivate, 'the active card offers Deactivate');
    const after = invokeCard(await app.channel.invoke('AlexW', 'pim.deactivate', deactivate));
    assert.match(cardText(after), /Ended/);
    assert.equal((await graphState(app.emulator, alex(), ROLE.helpdesk)).active.length, 0);
  });

  it('15 minutes before the end Alex gets Extend: a new activation from the end, justification prefilled', async () => {
    await helpdesk();
    const mark = app.channel.recorder.mark();
    app.clock.advance(2 * 3_600_000 - 14 * 60_000);
    await app.wf().runDue();
    const ending = await app.channel.waitFor((r) => r.alias === 'AlexW' && !!r.activity, 5000, mark);
    assert.match(cardText(cardOf(ending)), /ends soon/);
    const [extend] = actionData(cardOf(ending), 'pim.extend');
    assert.ok(extend, 'the card offers Extend');
    const form = invokeCard(await app.channel.invoke('AlexW', 'pim.extend', extend));
    assert.match(JSON.stringify(form), /Reset passwords/, 'justification prefilled');
    const [submit] = actionData(form, 'pim.activate');
    const answer = invokeCard(
      await app.channel.invoke('AlexW', 'pim.activate', {
        ...submit,
        duration: 'PT8H',
        justification: 'Reset passwords',
      }),
    );
    assert.doesNotMatch(cardText(answer), /Not activated|refused/, cardText(answer));
    // The first activation ends, the extension takes over: still active afterwards.
    app.clock.advance(20 * 60_000);
    const state = await graphState(app.emulator, alex(), ROLE.helpdesk);
    assert.equal(state.active.length, 1);
    const lasts = Date.parse(state.active[0]!.endDateTime) - app.clock.now().getTime();
    assert.ok(lasts > 7 * 3_600_000, `the extension runs about 8 hours more (${lasts} ms)`);
  });
});
