import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../bot/app';
import { DEMO_SIGNED_IN, demoWiring } from '../../bot/demo';
import type { Wiring } from '../../bot/wiring';
import { renderNoticeCard } from '../../cards/notice';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { TeamsChannel } from '../../emulator/teams/channel';
import { loadConfig } from '../../services/config';
import { createLogger } from '../../services/logger';
import { startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/signIn';

const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
const contentTypeOf = (r: { activity?: Record<string, unknown> }) =>
  (r.activity?.attachments as { contentType: string }[] | undefined)?.[0]?.contentType;

describe('e2e: signing in (the token service keeps one token per sign-in)', () => {
  let t: TestApp;
  let seen: string[];
  beforeEach(async () => {
    seen = [];
    t = await startTestApp({
      signIn: false,
      flows: [
        () => ({
          messages: {
            myAccess: async ({ userToken }) => {
              const token = await userToken();
              if ((await userToken()) !== token) throw new Error('two tokens in one turn');
              seen.push(token);
              return renderNoticeCard({ title: 'Your access', text: 'listed' });
            },
          },
        }),
      ],
    });
    await t.channel.install('AdeleV');
  });
  afterEach(() => t.stop());

  async function myAccess() {
    const mark = t.channel.recorder.mark();
    await t.channel.send('AdeleV', 'my access');
    return t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
  }

  it('starts signed out: the first command that needs Graph gets the sign-in card', async () => {
    assert.equal(contentTypeOf(await myAccess()), OAUTH_CARD);
    assert.deepEqual(seen, []);
    // The bot asked the token service with its own token: 404 (no token), never 401.
    const asked = t.emulator.requestLog.find({ api: 'tokenService', path: /GetToken$/i });
    assert.ok(asked.length > 0);
    assert.deepEqual([...new Set(asked.map((r) => r.status))], [404]);
  });

  it('after Teams SSO, every turn gets the same stored token, not a new one per GetToken', async () => {
    await signIn({ ...t, connectionName: t.config.bot.ssoConnectionName }, 'AdeleV');
    const getToken = { api: 'tokenService', path: /GetToken$/i } as const;
    const before = t.emulator.requestLog.count(getToken);
    for (let i = 0; i < 3; i++) assert.match(cardText(cardOf(await myAccess())), /Your access/);
    assert.equal(seen.length, 3);
    assert.equal(t.emulator.requestLog.count(getToken) - before, 3, 'asked once per turn');
    assert.equal(new Set(seen).size, 1);
    const adele = t.channel.user('AdeleV').aadObjectId;
    assert.equal(seen[0], t.emulator.tokens.userTokens.current(adele, t.config.bot.ssoConnectionName)!.token);
  });
});

describe('e2e: demo mode signs the demo users in for the Agents Playground, and says so', () => {
  let wiring: Wiring;
  let app: App;
  let channel: TeamsChannel;
  const lines: string[] = [];

  before(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = loadConfig({ LOG_LEVEL: 'info', DEMO_EMULATOR_PORT: '0' });
    const logger = createLogger({ level: 'info', pretty: false, destination });
    wiring = await demoWiring(config, logger); // as npm start calls it
    app = createApp({ ...wiring, config: { ...wiring.config, port: 0 }, logger, botAuth: wiring.botAuth });
    channel = await TeamsChannel.start();
    channel.connect(`${(await app.start()).url}/api/messages`);
  });
  after(async () => {
    await app?.stop();
    await channel?.stop();
  });

  it('logs that demo users are signed in, and lists a demo user’s access with no sign-in prompt', async () => {
    assert.ok(
      lines.some((l) => l.includes(DEMO_SIGNED_IN)),
      'the demo log says users are pre-signed-in',
    );
    const megan = channel.user('MeganB');
    await channel.install('MeganB');
    await channel.waitFor((r) => r.alias === 'MeganB', 10_000); // the welcome
    const mark = channel.recorder.mark();
    // The Playground sends no JWT and names the user 29:<object id> (scripts/playground-config.ts).
    await channel.send('MeganB', 'my access', (a) => {
      (a.from as { id: string }).id = `29:${megan.aadObjectId}`;
    });
    const reply = await channel.waitFor((r) => r.alias === 'MeganB', 10_000, mark);
    assert.notEqual(contentTypeOf(reply), OAUTH_CARD);
    assert.match(cardText(cardOf(reply)), /Your access/);
    const tokenCalls = wiring.emulator!.requestLog.find({ api: 'tokenService' });
    assert.ok(
      tokenCalls.length > 0 && tokenCalls.every((r) => r.status === 200),
      'the bot used its own token',
    );
  });
});
