import { strict as assert } from 'node:assert';
import pino from 'pino';
import { createApp, type App } from '../../bot/app';
import { COMMANDS } from '../../bot/commands';
import { demoWiring } from '../../bot/demo';
import type { Wiring } from '../../bot/wiring';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { TeamsChannel } from '../../emulator/teams/channel';
import { MANIFEST_INTENTS } from '../../manifest/commands';
import { loadConfig } from '../../services/config';
import { signInEveryone } from '../support/signIn';
import { commandButtons } from '../support/commandButtons';

/**
 * The manifest's command menu (manifest/commands.ts) against the bot as `npm start` wires it: every
 * command it lists answers with its own card, and every command it leaves out still gets the help card,
 * so a flow that starts handling its command makes this fail until the manifest lists it.
 */
describe('e2e: the manifest lists exactly the commands that work', () => {
  let wiring: Wiring;
  let app: App;
  let channel: TeamsChannel;
  let welcome: unknown;
  before(async () => {
    const logger = pino({ level: 'silent' });
    const base = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
    wiring = await demoWiring(base, logger, {}, { signInDemoUsers: false });
    const config = { ...wiring.config, port: 0, host: '127.0.0.1' };
    app = createApp({
      config,
      logger,
      store: wiring.store,
      flows: wiring.flows,
      readiness: wiring.readiness,
      botAuth: wiring.botAuth,
      onStopped: () => wiring.stop(),
    });
    channel = await TeamsChannel.start({ botAppId: config.bot.appId });
    channel.connect(`${(await app.start()).url}/api/messages`);
    await signInEveryone({
      channel,
      emulator: wiring.emulator!,
      connectionName: config.bot.ssoConnectionName,
    });
    const mark = channel.recorder.mark();
    await channel.install('AdeleV');
    welcome = cardOf(await channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark));
  });
  after(async () => {
    await app?.stop();
    await channel?.stop();
  });

  const replyTo = async (text: string): Promise<string> => {
    const mark = channel.recorder.mark();
    assert.equal((await channel.send('AdeleV', text)).status, 200);
    return cardText(
      cardOf(await channel.waitFor((r) => r.alias === 'AdeleV' && r.op === 'reply', 5000, mark)),
    );
  };

  // Every flow is wired as npm start wires it: nothing is left "coming soon", access reviews included.
  // A command kept off the help card (the digest: its recipients only) is in the manifest, not a button.
  const working = MANIFEST_INTENTS.filter((i) => i !== 'help')
    .map((i) => COMMANDS.find((c) => c.intent === i)!)
    .filter((c) => c.onHelpCard !== false)
    .map((c) => c.keyword);

  it('the welcome card offers exactly the working commands as buttons (reviews among them)', () => {
    assert.ok(working.includes('reviews'));
    assert.deepEqual(commandButtons(welcome), [...working, 'what can you do']);
    assert.doesNotMatch(cardText(welcome), /[Cc]oming soon/);
  });

  it('help offers exactly the working commands as buttons (reviews among them)', async () => {
    const mark = channel.recorder.mark();
    await channel.send('AdeleV', 'help');
    const help = cardOf(await channel.waitFor((r) => r.alias === 'AdeleV' && r.op === 'reply', 5000, mark));
    assert.deepEqual(commandButtons(help), working);
    assert.doesNotMatch(cardText(help), /[Cc]oming soon|not available/);
  });

  for (const command of COMMANDS) {
    const listed = MANIFEST_INTENTS.includes(command.intent);
    const expected = command.intent === 'help' || !listed ? 'the help card' : 'a card of its own';
    it(`"${command.keyword}" is ${listed ? '' : 'not '}in the manifest and answers with ${expected}`, async () => {
      const shown = await replyTo(command.keyword);
      assert.equal(/What I can do/.test(shown), expected === 'the help card', shown);
    });
  }
});
