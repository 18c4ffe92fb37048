import pino from 'pino';
import { accessFlowFor } from '../../../bot/flows/access/accessFlowWiring';
import { accessGateways } from '../../../bot/flows/access/graphGateways';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import type { Recorded } from '../../../emulator/teams/channel';
import { e2eStores } from '../../support/e2eStore';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import { ManualClock } from '../../../services/clock';
import type { Store } from '../../../services/ports/store';
import { createApp, type App } from '../../../bot/app';
import { demoWiring } from '../../../bot/demo';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import { TeamsChannel, type TeamsChannelOptions } from '../../../emulator/teams/channel';
import { loadConfig, type Config } from '../../../services/config';
import type { TenantFixture } from '../../../emulator/graph/routing';
import type { ChannelFixture } from '../../../emulator/teams/users';
import { assertValidCard, lowContrastTexts } from '../../support/cardChecks';
import { signInEveryone } from '../../support/signIn';

/** A card Teams renders (valid 1.5, under 28 KB) whose every text is readable in each Teams theme. */
export function assertReadableCard(card: unknown, what: string): void {
  assertValidCard(card, what);
  const low = lowContrastTexts(card);
  if (low.length) throw new Error(`${what}: text below 4.5:1 contrast: ${low.join('; ')}`);
}

/** An invoke answer's card (Action.Execute response body). */
export function invokeCard(answer: { body?: unknown }): Record<string, unknown> {
  const body = answer.body as { statusCode?: number; value?: Record<string, unknown> };
  if (!body?.value || typeof body.value !== 'object')
    throw new Error(`No card in ${JSON.stringify(answer.body)}`);
  return body.value;
}

/** Every Action.Execute's data in a card, by verb. */
export function actionData(card: unknown, verb: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) out.push((o.data ?? {}) as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export const textOf = (r: Recorded) => cardText(cardOf(r));

/**
 * The requester's status card once its text matches `re`, refreshed (access.status) until then. Graph
 * answers a new request `submitted` and starts its approval afterwards, so the card the submit answers
 * with may still say Submitted; it moves on by itself as the bot follows Graph.
 */
export async function statusMatching(
  channel: TeamsChannel,
  alias: string,
  status: Record<string, unknown>,
  re: RegExp,
  timeoutMs = 10_000,
): Promise<Record<string, unknown>> {
  const itemId = actionData(status, 'access.status')[0]?.itemId;
  if (!itemId) throw new Error(`No access.status action in ${cardText(status)}`);
  const deadline = Date.now() + timeoutMs;
  let card = status;
  while (!re.test(cardText(card))) {
    if (Date.now() > deadline) throw new Error(`Status never matched ${re}: ${cardText(card)}`);
    await new Promise((r) => setTimeout(r, 50));
    card = invokeCard(await channel.invoke(alias, 'access.status', { itemId }));
  }
  return card;
}

/**
 * The real bot with the access flow, the Graph emulator (same ManualClock) and the Teams stand-in,
 * wired as demo mode does. `restart()` stops the bot and starts a new one over the same store, emulator
 * and channel: nothing survives in memory but what the store and Graph hold. With `storeFactory`, each
 * bot gets a store of its own (e.g. a new MongoDB connection to the same database), as a new process
 * would; stopping a bot closes its store.
 */
export async function startAccessApp(
  opts: {
    store?: Store;
    /** Opens the store of each bot started (wins over `store`). */
    storeFactory?: () => Promise<Store>;
    clock?: ManualClock;
    /** How the Teams stand-in is set up (e.g. users' time zones). */
    channel?: TeamsChannelOptions;
    /** A tenant of its own for Graph and the channel (benchmarks), instead of the demo tenant. */
    fixture?: TenantFixture;
    /** How often the outbox and the scheduler poll (default 50 ms: tests do not wait for them). */
    pollMs?: number;
  } = {},
) {
  const clock = opts.clock ?? new ManualClock(new Date());
  const stores = e2eStores('access', opts.store);
  const openStore = opts.storeFactory ?? stores.open;
  let store!: Store;
  const logger = pino({ level: 'silent' });
  const base = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
  const emulatorOptions = { clock, ...(opts.fixture && { fixture: opts.fixture }) };
  const wiring = await demoWiring(base, logger, emulatorOptions, { signInDemoUsers: false });
  const emulator = wiring.emulator!;
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const gateways = accessGateways({ ...wiring.config.graph, ...wiring.credentials!, logger });
  const channel = await TeamsChannel.start({
    ...opts.channel,
    ...(opts.fixture && { fixture: opts.fixture as unknown as ChannelFixture }),
    botAppId: config.bot.appId,
  });
  channel.afterTurn = () => wf?.outbox.settled() ?? Promise.resolve();
  // Every card the bot answers a click with must be one Teams renders (valid 1.5, under 28 KB), readably.
  const invoke = channel.invoke.bind(channel);
  channel.invoke = async (...args: Parameters<TeamsChannel['invoke']>) => {
    const answer = await invoke(...args);
    const value = (answer.body as { value?: { type?: string } } | undefined)?.value;
    if (value?.type === 'AdaptiveCard') assertReadableCard(value, `the answer to ${args[1]}`);
    return answer;
  };
  // Teams' part in a Graph install: once the bot installed its app for someone, the channel tells the bot.
  const stopPlayingTeams = emulator.teamsApps.onInstalled(({ userId }) => {
    channel.install(userId).catch(() => undefined); // the channel may be stopping with the test
  });
  let wf!: AccessWorkflow;
  let replica = 0;
  const boot = async () => {
    store = await openStore();
    const flow = accessFlowFor({
      config,
      store,
      logger,
      clock,
      credentials: wiring.credentials!,
      tuning: {
        outbox: { pollMs: opts.pollMs ?? 50, backoffBaseMs: 200, backoffCapMs: 2000 },
        schedulerPollMs: opts.pollMs ?? 50,
      },
      owner: `replica-${++replica}`,
      onCreated: (w) => (wf = w),
    });
    const { botAuth } = wiring;
    const app = createApp({
      config,
      logger,
      store,
      clock,
      flows: [flow],
      missingVerbs: unwiredVerb(),
      botAuth,
    });
    channel.connect(`${(await app.start()).url}/api/messages`);
    return app;
  };
  let app: App = await boot();
  await signInEveryone({ channel, emulator, connectionName: config.bot.ssoConnectionName });
  return {
    t: { channel, emulator, app: () => app },
    clock,
    /** The running bot's store. */
    get store() {
      return store;
    },
    gateways,
    wf: () => wf,
    restart: async () => {
      await app.stop();
      app = await boot();
    },
    /** Throws unless every card the bot sent or updated is valid 1.5, under 28 KB and readable. */
    checkSentCards: () => {
      for (const r of channel.recorder.all()) {
        const card = cardOf(r);
        if (card) assertReadableCard(card, `the card ${r.op} to ${r.alias}`);
      }
    },
    stop: async () => {
      stopPlayingTeams();
      await app.stop();
      await channel.stop();
      await wiring.stop();
      await stores.dispose();
    },
  };
}
