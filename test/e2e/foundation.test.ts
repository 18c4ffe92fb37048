import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { startTestApp, type TestApp } from '../support/app';

describe('e2e: install, help and bad input', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    // Teams only lets users chat with an app they installed; the connector refuses the others.
    await t.channel.install('MeganB');
  });
  afterEach(async () => {
    await t.stop();
  });

  it('welcomes the user once in their chat when they install the app, and remembers the conversation', async () => {
    const answers = await t.channel.install('AdeleV');
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
    );
    const welcome = await t.channel.waitFor((r) => r.alias === 'AdeleV' && r.op === 'reply');
    assert.match(cardText(cardOf(welcome)), /Welcome to Gatekeeper, Adele Vance/);
    assert.equal(welcome.conversationId, t.channel.user('AdeleV').conversationId);
    // conversationUpdate and installationUpdate arrive for one install: one welcome, not two.
    assert.equal(t.channel.sentTo('AdeleV').length, 1);
    const saved = await t.store.conversations.get(t.channel.user('AdeleV').aadObjectId);
    assert.equal(saved?.tenantId, t.channel.user('AdeleV').tenantId);
  });

  for (const text of ['help', 'HELP!', 'what is this?']) {
    it(`answers "${text}" with the help card listing what the bot does`, async () => {
      const mark = t.channel.recorder.mark();
      const answer = await t.channel.send('MeganB', text);
      assert.equal(answer.status, 200);
      const reply = await t.channel.waitFor((r) => r.alias === 'MeganB', 5000, mark);
      const shown = cardText(cardOf(reply));
      for (const command of [
        'request access',
        'my requests',
        'my access',
        'activate role',
        'reviews',
        'approvals',
      ]) {
        assert.ok(shown.includes(command), `help card lacks "${command}": ${shown}`);
      }
      assert.equal(/didn't understand/.test(shown), text === 'what is this?');
    });
  }

  it('answers help.show with the help card in the invoke response', async () => {
    const answer = await t.channel.invoke('MeganB', 'help.show', {});
    assert.equal(answer.status, 200);
    const body = answer.body as { statusCode: number; type: string; value: unknown };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(body.value), /What I can do/);
  });

  const badInvokes: [string, () => Promise<{ status: number; body: unknown }>, RegExp][] = [
    ['an unknown verb', () => t.channel.invoke('MeganB', 'approval.nuke', {}), /unknownVerb/],
    [
      'malformed data for a known verb',
      () => t.channel.invoke('MeganB', 'help.show', 'not an object'),
      /invalidData/,
    ],
    [
      'an invoke without aadObjectId',
      () =>
        t.channel.invoke(
          'MeganB',
          'help.show',
          {},
          { tamper: (a) => delete (a.from as Record<string, unknown>).aadObjectId },
        ),
      /unknownUser/,
    ],
    [
      'an invoke with no action',
      () => t.channel.invoke('MeganB', 'help.show', {}, { tamper: (a) => (a.value = {}) }),
      /badRequest/,
    ],
    [
      'an Action.Submit instead of Action.Execute',
      () =>
        t.channel.invoke(
          'MeganB',
          'help.show',
          {},
          {
            tamper: (a) => ((a.value as { action: { type: string } }).action.type = 'Action.Submit'),
          },
        ),
      /badRequest/,
    ],
  ];
  for (const [name, send, code] of badInvokes) {
    it(`answers ${name} with an error card, not a crash`, async () => {
      const answer = await send();
      assert.equal(answer.status, 200);
      const body = answer.body as { statusCode: number; type: string; value: unknown };
      assert.equal(body.statusCode, 200);
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(cardText(body.value), code);
      assert.match(cardText(body.value), /Show help/);
    });
  }

  it('answers a message without aadObjectId with an error card', async () => {
    const mark = t.channel.recorder.mark();
    await t.channel.send('MeganB', 'help', (a) => delete (a.from as Record<string, unknown>).aadObjectId);
    const reply = await t.channel.waitFor((r) => r.alias === 'MeganB', 5000, mark);
    assert.match(cardText(cardOf(reply)), /unknownUser/);
  });

  it('logs activity, conversation and user ids for each turn', async () => {
    const mark = t.channel.recorder.mark();
    await t.channel.send('MeganB', 'help');
    await t.channel.waitFor((r) => r.alias === 'MeganB', 5000, mark);
    const user = t.channel.user('MeganB');
    const turn = t.logs().find((l) => l.msg === 'turn' && l.userId === user.aadObjectId);
    assert.ok(turn, 'no turn log line');
    assert.equal(turn.conversationId, user.conversationId);
    assert.match(String(turn.activityId), /^f:/);
  });
});
