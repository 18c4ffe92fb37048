import pino from 'pino';
import { createApp, type App } from '../../../bot/app';
import { demoWiring } from '../../../bot/demo';
import { governanceFlows } from '../../../bot/flows/pim/pimFlowWiring';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import { TeamsChannel } from '../../../emulator/teams/channel';
import { e2eStores } from '../../support/e2eStore';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import { ManualClock } from '../../../services/clock';
import { loadConfig, type Config } from '../../../services/config';
import type { Store } from '../../../services/ports/store';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { signInEveryone } from '../../support/signIn';
import { cardOf } from '../../../emulator/teams/cards';
import { assertReadableCard } from '../access/accessApp';

/**
 * The real bot with the access and PIM flows, the Graph emulator (same ManualClock) and the Teams
 * stand-in, wired as demo mode does; nobody starts signed in but through Teams SSO (no MFA).
 * `restart()` starts a new bot over the same store, emulator and channel.
 */
export async function startPimApp(
  opts: {
    clock?: ManualClock;
    store?: Store;
    fixture?: TenantFixture;
    timezone?: string;
    /** Settings as the environment would give them (e.g. PIM_APPROVAL_REMINDER_HOURS). */
    env?: Record<string, string>;
  } = {},
) {
  const clock = opts.clock ?? new ManualClock(new Date());
  const stores = e2eStores('pim', opts.store);
  let store!: Store;
  const logger = pino({ level: process.env.PIM_TEST_LOG ?? 'silent' });
  const base = loadConfig({ ...opts.env, LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
  const emulatorOptions = { clock, ...(opts.fixture && { fixture: opts.fixture }) };
  const wiring = await demoWiring(base, logger, emulatorOptions, { signInDemoUsers: false });
  const emulator = wiring.emulator!;
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const channel = await TeamsChannel.start({ botAppId: config.bot.appId, timezone: opts.timezone });
  let wf: AccessWorkflow | undefined;
  channel.afterTurn = () => wf?.outbox.settled() ?? Promise.resolve();
  // Every card the bot answers a click with must be one Teams renders, readably in every theme.
  const invoke = channel.invoke.bind(channel);
  channel.invoke = async (...args: Parameters<TeamsChannel['invoke']>) => {
    const answer = await invoke(...args);
    const value = (answer.body as { value?: { type?: string } } | undefined)?.value;
    if (value?.type === 'AdaptiveCard') assertReadableCard(value, `the answer to ${args[1]}`);
    return answer;
  };
  let replica = 0;
  const boot = async () => {
    store = await stores.open();
    const flows = governanceFlows({
      config,
      store,
      logger,
      clock,
      credentials: wiring.credentials!,
      tuning: { outbox: { pollMs: 50, backoffBaseMs: 200, backoffCapMs: 2000 }, schedulerPollMs: 50 },
      owner: `replica-${++replica}`,
      onCreated: (w) => (wf = w),
    });
    const app = createApp({
      config,
      logger,
      store,
      clock,
      flows,
      missingVerbs: unwiredVerb(),
      botAuth: wiring.botAuth,
    });
    channel.connect(`${(await app.start()).url}/api/messages`);
    return app;
  };
  let app: App = await boot();
  await signInEveryone({ channel, emulator, connectionName: config.bot.ssoConnectionName });
  return {
    channel,
    emulator,
    config,
    clock,
    /** The running bot's store. */
    get store() {
      return store;
    },
    wf: () => wf!,
    /** Throws unless every card the bot sent or updated is valid 1.5, under 28 KB and readable. */
    checkSentCards: () => {
      for (const r of channel.recorder.all()) {
        const card = cardOf(r);
        if (card) assertReadableCard(card, `the card ${r.op} to ${r.alias}`);
      }
    },
    restart: async () => {
      await app.stop();
      app = await boot();
    },
    stop: async () => {
      await app.stop();
      await channel.stop();
      await wiring.stop();
      await stores.dispose();
    },
  };
}
