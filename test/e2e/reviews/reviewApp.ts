import pino from 'pino';
import { allFlows } from '../../../bot/flows/allFlows';
import { createApp } from '../../../bot/app';
import { demoWiring } from '../../../bot/demo';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { TeamsChannel, type TeamsChannelOptions } from '../../../emulator/teams/channel';
import type { ChannelFixture } from '../../../emulator/teams/users';
import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphReviewsGateway } from '../../../services/adapters/graph/graphReviewsGateway';
import { e2eStores } from '../../support/e2eStore';
import { ManualClock } from '../../../services/clock';
import { loadConfig, type Config } from '../../../services/config';
import type { Store } from '../../../services/ports/store';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { ReviewServices } from '../../../services/reviews/reviewWorkflow';
import { signIn, signInEveryone } from '../../support/signIn';

/**
 * The real bot with every flow (access, PIM, reviews: one shared outbox and scheduler), the Graph
 * emulator (same ManualClock) and the Teams stand-in, wired as demo mode does. Discovery, reminders
 * and the outbox run when the test asks (`wf().runDue()`, `wf().discovery.run()`), so nothing races it.
 */
export async function startReviewApp(
  opts: {
    clock?: ManualClock;
    channel?: TeamsChannelOptions;
    fixture?: TenantFixture;
    /** Who signs in (a generated tenant's thousands would take a minute); everyone by default. */
    signIn?: string[];
    /** The bot's store (MongoDB for the storage checks); in memory by default. */
    store?: Store;
    /** Poll Graph at start and run the pollers every 50 ms, as a deployed bot does (slower); off by default. */
    live?: boolean;
  } = {},
) {
  const clock = opts.clock ?? new ManualClock(new Date());
  const stores = e2eStores('reviews', opts.store);
  const store = await stores.open();
  const logger = pino({ level: process.env.REVIEW_TEST_LOG ?? 'silent' });
  const base = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
  const emulatorOptions = { clock, ...(opts.fixture && { fixture: opts.fixture }) };
  const wiring = await demoWiring(base, logger, emulatorOptions, { signInDemoUsers: false });
  const emulator = wiring.emulator!;
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const channel = await TeamsChannel.start({
    ...opts.channel,
    ...(opts.fixture && { fixture: opts.fixture as unknown as ChannelFixture }),
    botAppId: config.bot.appId,
  });
  let access: AccessWorkflow | undefined;
  let reviews!: ReviewServices;
  channel.afterTurn = () => access?.outbox.settled() ?? Promise.resolve();
  const flows = allFlows({
    config,
    store,
    logger,
    clock,
    credentials: wiring.credentials!,
    // Pollers far apart unless live: the test runs due work itself.
    tuning: {
      outbox: { pollMs: opts.live ? 50 : 60_000, backoffBaseMs: 200, backoffCapMs: 2000 },
      schedulerPollMs: opts.live ? 50 : 60_000,
    },
    reviewTuning: { pollAtStart: opts.live === true },
    owner: 'replica-1',
    onCreated: (w) => (access = w),
    onReviews: (r) => (reviews = r),
  });
  /** The review services over the shared workflow, and its runners. */
  const wf = () => ({ ...reviews, runDue: access!.runDue, access: access! });
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
  const target = { channel, emulator, connectionName: config.bot.ssoConnectionName };
  if (opts.signIn) for (const alias of opts.signIn) await signIn(target, alias);
  else await signInEveryone(target);
  // The test's own app-only view of Graph: what the emulator holds, read as any client would.
  const graph = new GraphReviewsGateway(
    new GraphClientFactory({ ...wiring.config.graph, ...wiring.credentials!, logger }),
  );
  /** The decision items of a definition's current instance, by principal alias (app-only). */
  const decisions = async (definitionId: string) => {
    const [instance] = await graph.listInstances(definitionId);
    const items = await graph.listDecisions(definitionId, instance!.id);
    const of = (alias: string) => {
      const id = emulator.directory.userByAlias(alias)!.id;
      return items.find((i) => i.principal.id === id)!;
    };
    return { instance: instance!, items, of };
  };
  return {
    channel,
    graph,
    decisions,
    userId: (alias: string) => emulator.directory.userByAlias(alias)!.id,
    emulator,
    clock,
    store,
    wf,
    stop: async () => {
      await app.stop();
      await channel.stop();
      await wiring.stop();
      await stores.dispose();
    },
  };
}

/** The values of a card's "selected" choice set (the references of the people on the page). */
export function choicesOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.ChoiceSet' && o.id === 'selected')
      for (const c of (o.choices as { value: string }[]) ?? []) found.push(c.value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
