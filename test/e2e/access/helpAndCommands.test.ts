import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { startAccessApp, textOf } from './accessApp';

/** The command each button of a card sends when pressed (a plain Action.Submit's data), in order. */
function buttons(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      const data = o.data as { command?: string; msteams?: unknown } | undefined;
      // msteams.imBack does nothing in Microsoft 365 Agents Playground: no button may rely on it.
      assert.equal(data?.msteams, undefined, 'a button relies on msteams (imBack/messageBack)');
      if (o.type === 'Action.Submit' && data?.command) out.push(data.command);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

const WORKING = ['request access', 'my requests', 'my access', 'approvals'];

describe('e2e access: help and welcome offer only what works, and common phrasings reach their verb', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  before(async () => {
    app = await startAccessApp();
  });
  after(async () => {
    app.checkSentCards();
    await app.stop();
  });

  /** Sends a text as Adele and resolves with the card the bot answers with. */
  async function say(text: string) {
    const mark = channel().recorder.mark();
    assert.equal((await channel().send('AdeleV', text)).status, 200);
    return cardOf(await channel().waitFor((r) => r.alias === 'AdeleV', 10_000, mark));
  }

  it('welcomes with a button for each working command, and names what is coming', async () => {
    const mark = channel().recorder.mark();
    await channel().install('AdeleV');
    const welcome = cardOf(await channel().waitFor((r) => r.alias === 'AdeleV', 10_000, mark));
    assert.deepEqual(buttons(welcome), [...WORKING, 'what can you do']);
    assert.match(cardText(welcome), /Coming soon: activating admin roles, completing access reviews\./);
  });

  it('"What can you do?" typed is help: buttons only for what works, the rest said to be coming', async () => {
    const help = await say('What can you do?');
    const shown = cardText(help);
    assert.match(shown, /What I can do/);
    assert.doesNotMatch(shown, /didn't understand/);
    assert.deepEqual(buttons(help), WORKING);
    assert.match(shown, /Coming soon/);
    assert.match(shown, /activate role.*not available yet/s);
    assert.match(shown, /reviews.*not available yet/s);
  });

  /** Presses a welcome or help button as Teams and the Playground send it: no text, its data as value. */
  async function press(alias: string, command: string) {
    const mark = channel().recorder.mark();
    const sent = await channel().send(alias, '', (a) => {
      delete (a as { text?: string }).text;
      (a as { value?: unknown }).value = { command };
    });
    assert.equal(sent.status, 200);
    return cardOf(await channel().waitFor((r) => r.alias === alias, 10_000, mark));
  }

  it('every welcome button, pressed, answers with its own card', async () => {
    const expected: Record<string, RegExp> = {
      'request access': /Access packages you can request/,
      'my requests': /Your requests/,
      'my access': /Your access/,
      approvals: /Waiting for your decision|Nothing is waiting/,
      'what can you do': /What I can do/,
    };
    const mark = channel().recorder.mark();
    await channel().install('LeeG');
    const welcome = cardOf(await channel().waitFor((r) => r.alias === 'LeeG', 10_000, mark));
    for (const command of buttons(welcome)) {
      const answer = cardText(await press('LeeG', command));
      assert.match(answer, expected[command]!, `"${command}" answered: ${answer.slice(0, 80)}`);
      assert.doesNotMatch(answer, /didn't understand/);
    }
  });

  it('a pressed value that is not a command is not understood, and nothing else is run', async () => {
    const mark = channel().recorder.mark();
    await channel().send('AdeleV', '', (a) => {
      delete (a as { text?: string }).text;
      (a as { value?: unknown }).value = { command: { verb: 'approval.decide' } };
    });
    const shown = cardText(cardOf(await channel().waitFor((r) => r.alias === 'AdeleV', 10_000, mark)));
    assert.match(shown, /What I can do/);
  });

  it('every help button, said in the chat, answers with its own card, not help again', async () => {
    const expected: Record<string, RegExp> = {
      'request access': /Access packages you can request/,
      'my requests': /Your requests/,
      'my access': /Your access/,
      approvals: /Waiting for your decision|Nothing is waiting/,
    };
    for (const words of buttons(await say('help'))) {
      const answer = cardText(await say(words));
      assert.match(answer, expected[words]!, `"${words}" answered: ${answer.slice(0, 80)}`);
      assert.doesNotMatch(answer, /What I can do/);
    }
  });

  for (const [text, feature] of [
    ['activate role', 'Activating admin roles'],
    ['reviews', 'Completing access reviews'],
  ]) {
    it(`"${text}" says plainly that it is coming, rather than "not understood"`, async () => {
      const shown = cardText(await say(text!));
      assert.match(shown, new RegExp(`${feature} is not available in Teams yet: it is coming soon\\.`));
      assert.doesNotMatch(shown, /didn't understand/);
    });
  }

  it('"cancel" lists the requests to cancel; "extend" the access to extend', async () => {
    assert.match(cardText(await say('cancel')), /Your requests/);
    assert.match(cardText(await say('extend')), /Your access/);
    assert.match(textOf(channel().sentTo('AdeleV').at(-1)!), /Your access/);
  });
});
