import { strict as assert } from 'node:assert';
import { startPimApp } from './pimApp';
import { activate, actionData, cardOf, cardText, graphState, invokeCard, ROLE } from './pimCards';

describe('e2e PIM: my roles and activation without approval', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    // Users in New York: times they type are read in their zone, not UTC.
    app = await startPimApp({ timezone: 'America/New_York' });
    for (const alias of ['AlexW', 'AdeleV', 'IsaiahL']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  const say = async (alias: string, text: string) => {
    const mark = app.channel.recorder.mark();
    await app.channel.send(alias, text);
    return cardText(cardOf(await app.channel.waitFor((r) => r.alias === alias, 5000, mark)));
  };

  it('"my roles" lists what Alex may activate, with the eligibility end', async () => {
    const text = await say('AlexW', 'my roles');
    assert.match(text, /You can activate/);
    assert.match(text, /Helpdesk Administrator\s+eligible permanently/);
    assert.match(text, /User Administrator\s+eligible until/);
  });

  it('"activate helpdesk admin" narrows the list to the role meant', async () => {
    const text = await say('AlexW', 'activate helpdesk admin');
    assert.match(text, /Helpdesk Administrator/);
    assert.doesNotMatch(text, /User Administrator/);
  });

  it('Adele, eligible for nothing, is told so and whom to ask', async () => {
    const text = await say('AdeleV', 'activate');
    assert.match(text, /no admin roles/);
    assert.match(text, /Privileged Role Administrator/);
  });

  it('a duration over the maximum and a missing ticket are refused on the card, before Graph', async () => {
    const posts = () =>
      app.emulator.requestLog.count({ method: 'POST', path: /roleAssignmentScheduleRequests$/ });
    const before = posts();
    const tooLong = await activate(app.channel, 'AlexW', ROLE.helpdesk, {
      duration: 'PT9H',
      justification: 'Password resets',
    });
    assert.match(cardText(tooLong), /over this role's maximum of 8 hours/);
    assert.equal(actionData(tooLong, 'pim.activate').length, 1, 'the form again, to fix');
    const noTicket = await activate(app.channel, 'AlexW', ROLE.userAdmin, {
      duration: 'PT1H',
      justification: 'Onboarding',
    });
    assert.match(cardText(noTicket), /This role needs a ticket number/);
    assert.match(cardText(noTicket), /Onboarding/, 'what was typed stays');
    assert.equal(posts(), before, 'Graph was not asked');
  });

  it('Alex activates Helpdesk Administrator for 2 hours: active, and Graph holds the schedule with its end', async () => {
    const alex = app.channel.user('AlexW').aadObjectId;
    const card = await activate(app.channel, 'AlexW', ROLE.helpdesk, {
      duration: 'PT2H',
      justification: 'Password resets for the new starters',
    });
    assert.match(cardText(card), /Active/);
    assert.match(cardText(card), /Until/);
    const [item] = actionData(card, 'pim.status');
    assert.ok(item?.itemId);
    const deadline = Date.now() + 5000;
    let state = await graphState(app.emulator, alex, ROLE.helpdesk);
    while (state.active.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      state = await graphState(app.emulator, alex, ROLE.helpdesk);
    }
    assert.equal(state.active.length, 1, JSON.stringify(state));
    const lasts = Date.parse(state.active[0]!.endDateTime) - app.clock.now().getTime();
    assert.ok(Math.abs(lasts - 2 * 3_600_000) < 60_000, `ends in ${lasts} ms`);
    const mine = state.requests.filter((r) => r.justification === 'Password resets for the new starters');
    assert.deepEqual(
      mine.map((r) => [r.action, r.status]),
      [['selfActivate', 'Provisioned']],
    );
    const list = await say('AlexW', 'my roles');
    assert.match(list, /Active now/);
    assert.ok(invokeCard(await app.channel.invoke('AlexW', 'pim.status', { itemId: item.itemId })));
  });

  it("a start chosen in the user's time zone: the activation is scheduled from then", async () => {
    const start = new Date(app.clock.now().getTime() + 26 * 3_600_000);
    const localDate = start.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    const localTime = start.toLocaleTimeString('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
    });
    const card = await activate(app.channel, 'IsaiahL', ROLE.global, {
      duration: 'PT1H',
      justification: 'Planned tenant change',
      ticketNumber: 'CHG-1',
      startDate: localDate,
      startTime: localTime,
    });
    // Global Administrator needs MFA first: the activation is held, its start kept for the retry.
    assert.match(cardText(card), /sign in with MFA/);
    const [status] = actionData(card, 'pim.status');
    const item = await app.store.workflows.get<{ startDateTime?: string }>(String(status!.itemId));
    const kept = Date.parse(item!.data.startDateTime!);
    assert.ok(
      Math.abs(kept - start.getTime()) < 60_000,
      `${item!.data.startDateTime} vs ${start.toISOString()}`,
    );
  });
});
