import { strict as assert } from 'node:assert';
import { MANIFEST_INTENTS } from '../../../manifest/commands';
import { startPimApp } from './pimApp';
import { cardOf, cardText } from './pimCards';
import { commandButtons } from '../../support/commandButtons';

/** What works once the access and PIM flows are wired, as `npm start` wires them (not reviews yet). */
const WORKING = ['request access', 'my requests', 'my access', 'activate role', 'approvals'];

describe('e2e PIM: help, the welcome card and the manifest offer role activation, which works', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp();
  });
  after(async () => {
    app.checkSentCards();
    await app.stop();
  });

  const say = async (alias: string, text: string) => {
    const mark = app.channel.recorder.mark();
    assert.equal((await app.channel.send(alias, text)).status, 200);
    return cardOf(await app.channel.waitFor((r) => r.alias === alias, 5000, mark));
  };

  it('the welcome card has an "activate role" button; only reviews is said to be coming', async () => {
    const mark = app.channel.recorder.mark();
    await app.channel.install('AlexW');
    const welcome = cardOf(await app.channel.waitFor((r) => r.alias === 'AlexW', 5000, mark));
    assert.deepEqual(commandButtons(welcome), [...WORKING, 'what can you do']);
    assert.match(cardText(welcome), /Coming soon: completing access reviews\./);
    assert.doesNotMatch(cardText(welcome), /activating admin roles/i);
  });

  it('help offers the same buttons, and the manifest lists the same commands', async () => {
    const help = await say('AlexW', 'help');
    assert.deepEqual(commandButtons(help), WORKING, cardText(help));
    const [, comingSoon = ''] = cardText(help).split('Coming soon');
    assert.match(comingSoon, /reviews.*not available yet/s);
    assert.doesNotMatch(comingSoon, /activate role/);
    assert.ok(MANIFEST_INTENTS.includes('activateRole'), 'the manifest lists "activate role"');
  });

  for (const text of ['activate role', 'pim', 'my roles']) {
    it(`"${text}", as the button says it or typed, answers with Alex's roles`, async () => {
      const shown = cardText(await say('AlexW', text));
      assert.match(shown, /You can activate/);
      assert.match(shown, /Helpdesk Administrator/);
      assert.doesNotMatch(shown, /What I can do/);
    });
  }
});
