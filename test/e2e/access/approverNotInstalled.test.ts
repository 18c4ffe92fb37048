import { strict as assert } from 'node:assert';
import { cardOf } from '../../../emulator/teams/cards';
import type { OutboxEntry } from '../../../services/ports/workflowStore';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

describe('e2e access: an approver who never opened the bot gets the app installed, then the card', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    // Megan has never installed Gatekeeper: the bot has no chat with her.
    for (const alias of ['AdeleV', 'LeeG']) await app.t.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  /** Megan's approval card effect, once it waits for its retry after the install. */
  async function megansSendAfterInstall(meganId: string): Promise<OutboxEntry> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const items = await app.store.workflows.find({ subject: meganId });
      const entry = items
        .flatMap((i) => i.outbox)
        .find((e) => e.type === 'notify.send' && e.payload.userId === meganId && e.payload.appInstall);
      if (entry) return entry;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("Megan's card was never retried after an install");
  }

  it('Adele requests COVID-19 Response Team; the bot installs itself for Megan, and Megan can decide', async () => {
    const { channel, emulator } = app.t;
    const megan = channel.user('MeganB');
    emulator.requestLog.clear();
    let mark = channel.recorder.mark();
    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
    const submit = actionData(form, 'access.submit')[0]!;
    await channel.invoke('AdeleV', 'access.submit', { ...submit, justification: 'Vaccine logistics' });

    const leesCard = await channel.waitFor((r) => r.alias === 'LeeG' && r.op !== 'update', 10_000, mark);
    assert.match(textOf(leesCard), /Adele Vance asks for COVID-19 Response Team/);
    // Graph installed the app for Megan; Teams (the channel stand-in) told the bot, which welcomed her.
    const welcome = await channel.waitFor((r) => r.alias === 'MeganB', 10_000, mark);
    assert.match(textOf(welcome), /Welcome to Gatekeeper/);
    const waiting = await megansSendAfterInstall(megan.aadObjectId);
    assert.equal(waiting.payload.appInstall, 'installed');
    assert.equal(waiting.doneAt, undefined);

    // The retry falls due (the outbox backs off on the app's clock).
    mark = channel.recorder.mark();
    app.clock.advance(5_000);
    const megansCard = await channel.waitFor((r) => r.alias === 'MeganB' && r.op !== 'update', 10_000, mark);
    assert.match(textOf(megansCard), /Adele Vance asks for COVID-19 Response Team/);
    assert.match(textOf(megansCard), /Vaccine logistics/);

    const installs = emulator.requestLog.find({ method: 'POST', path: /\/teamwork\/installedApps$/ });
    assert.deepEqual(
      installs.map((r) => [r.path, r.status]),
      [[`/v1.0/users/${megan.aadObjectId}/teamwork/installedApps`, 201]],
      'installed for Megan only, once',
    );
    assert.equal(emulator.requestLog.count({ method: 'GET', path: '/v1.0/appCatalogs/teamsApps' }), 1);
    assert.deepEqual(
      emulator.teamsApps.installedFor(megan.aadObjectId).map((i) => i.app.displayName),
      ['Gatekeeper'],
    );
    const audit = await app.store.audit.list({ types: ['teamsApp.installed'] });
    assert.deepEqual(
      audit.map((e) => e.details?.userId),
      [megan.aadObjectId],
    );

    const approve = actionData(cardOf(megansCard), 'approval.decide').find((d) => d.decision === 'approve')!;
    const decided = invokeCard(
      await channel.invoke(
        'MeganB',
        'approval.decide',
        { ...approve, reason: 'Welcome aboard' },
        { replyToId: megansCard.activityId },
      ),
    );
    assert.match(JSON.stringify(decided), /Approved by you/);
    const welcomes = channel.sentTo('MeganB').filter((r) => /Welcome to Gatekeeper/.test(textOf(r)));
    assert.equal(welcomes.length, 1, 'one welcome for one install (conversationUpdate + installationUpdate)');
  });
});
