import { Writable } from 'node:stream';
import { createApp, type App, type AppDeps } from '../../bot/app';
import { demoWiring } from '../../bot/demo';
import { unwiredVerb } from '../../bot/invoke/unwiredVerb';
import type { Emulator, EmulatorOptions } from '../../emulator';
import { TeamsChannel } from '../../emulator/teams/channel';
import { ManualClock, type Clock } from '../../services/clock';
import { loadConfig, type Config } from '../../services/config';
import { createLogger } from '../../services/logger';
import type { Store } from '../../services/ports/store';
import { signInEveryone } from './signIn';

/** A running bot wired as in demo mode (emulator, in-memory store), with the Teams channel stand-in. */
export interface TestApp {
  app: App;
  channel: TeamsChannel;
  emulator: Emulator;
  /** The config the app runs with: Graph, authority and token service point at the emulator. */
  config: Config;
  store: Store;
  clock: Clock;
  /** Base URL of the bot, e.g. http://127.0.0.1:51234. */
  url: string;
  /** Every log line the app wrote, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/** Options for startTestApp; later flows pass their FlowFactory here. */
export interface TestAppOptions {
  flows?: AppDeps['flows'];
  readiness?: AppDeps['readiness'];
  /** Replaces the demo in-memory store (e.g. to watch close()). */
  store?: Store;
  /** Shared by the app and the emulator; a ManualClock at the current time by default. */
  clock?: Clock;
  /** Settings, as environment variables (MicrosoftAppId stays unset: demo mode). */
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  /** Refuse to start unless the flows handle every verb, as the real app does. */
  allFlowsWired?: boolean;
  /** Sign every demo user in through Teams SSO once the bot runs (default); false: all start signed out. */
  signIn?: boolean;
}

/**
 * Starts the real app on a free loopback port with demo wiring and a Teams channel stand-in. The token
 * service starts empty, as a real one does; then every demo user signs in through Teams SSO (see signIn).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const base = loadConfig({ LOG_LEVEL: 'debug', DEMO_EMULATOR_PORT: '0', ...options.env });
  const logger = createLogger({ level: base.logLevel, pretty: false, destination });
  const clock = options.clock ?? new ManualClock(new Date());
  const wiring = await demoWiring(base, logger, { clock, ...options.emulator }, { signInDemoUsers: false });
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const store = options.store ?? wiring.store;
  const app = createApp({
    config,
    logger,
    store,
    clock,
    flows: options.flows,
    readiness: [...wiring.readiness, ...(options.readiness ?? [])],
    organisationName: wiring.organisationName,
    // Tests wire the flows they exercise; a click on any other verb gets an error card.
    missingVerbs: options.allFlowsWired ? undefined : unwiredVerb(),
    onStopped: () => wiring.stop(),
    botAuth: wiring.botAuth,
  });
  const { url } = await app.start();
  const channel = await TeamsChannel.start({ botAppId: config.bot.appId });
  channel.connect(`${url}/api/messages`);
  const emulator = wiring.emulator!;
  if (options.signIn !== false)
    await signInEveryone({ channel, emulator, connectionName: config.bot.ssoConnectionName });
  return {
    app,
    channel,
    emulator,
    config,
    store,
    clock,
    url,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: async () => {
      await app.stop();
      await channel.stop();
    },
  };
}
