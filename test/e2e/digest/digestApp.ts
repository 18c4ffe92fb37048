import pino from 'pino';
import { createApp, type App } from '../../../bot/app';
import { demoWiring } from '../../../bot/demo';
import { digestFlowFor } from '../../../bot/flows/digest/digestFlowWiring';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { TeamsChannel } from '../../../emulator/teams/channel';
import type { ChannelFixture } from '../../../emulator/teams/users';
import { e2eStores } from '../../support/e2eStore';
import { ManualClock } from '../../../services/clock';
import { loadConfig, type Config } from '../../../services/config';
import type { DigestWorkflow } from '../../../services/digest/digestWorkflow';
import type { Store } from '../../../services/ports/store';

/**
 * The real bot with the digest flow (one or more replicas over one store), the Graph and Exchange
 * emulator on the same ManualClock, and the Teams stand-in; wired as demo mode does.
 */
export async function startDigestApp(
  opts: {
    clock?: ManualClock;
    /** Opens the store of each replica (e.g. a MongoDB connection each); default: see e2eStores. */
    storeFactory?: () => Promise<Store>;
    replicas?: number;
    fixture?: TenantFixture;
    env?: Record<string, string>;
    chunkSize?: number;
  } = {},
) {
  const clock = opts.clock ?? new ManualClock(new Date('2026-11-25T12:00:00Z'));
  const stores = e2eStores('digest');
  const openStore = opts.storeFactory ?? stores.open;
  const logger = pino({ level: 'silent' });
  const base = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0', ...opts.env });
  const wiring = await demoWiring(
    base,
    logger,
    { clock, ...(opts.fixture && { fixture: opts.fixture }) },
    { signInDemoUsers: false },
  );
  const emulator = wiring.emulator!;
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const channel = await TeamsChannel.start({
    ...(opts.fixture && { fixture: opts.fixture as unknown as ChannelFixture }),
    botAppId: config.bot.appId,
  });
  const stopPlayingTeams = emulator.teamsApps.onInstalled(({ userId }) => {
    channel.install(userId).catch(() => undefined);
  });
  const replicas: { app: App; wf: DigestWorkflow; store: Store }[] = [];
  let booted = 0;
  const boot = async (i: number) => {
    const store = await openStore();
    let wf!: DigestWorkflow;
    const flow = digestFlowFor({
      config,
      store,
      logger,
      clock,
      credentials: wiring.credentials!,
      tuning: {
        outbox: { pollMs: 50, backoffBaseMs: 200, backoffCapMs: 2000 },
        schedulerPollMs: 50,
        ...(opts.chunkSize && { chunkSize: opts.chunkSize }),
      },
      owner: `replica-${++booted}`,
      onCreated: (w) => (wf = w),
    });
    const app = createApp({
      config,
      logger,
      store,
      clock,
      flows: [flow],
      missingVerbs: unwiredVerb(),
      botAuth: wiring.botAuth,
    });
    const { url } = await app.start();
    // The channel posts to one replica; the others only run their loops (as behind a load balancer).
    if (i === 0) channel.connect(`${url}/api/messages`);
    replicas[i] = { app, wf, store };
  };
  for (let i = 0; i < (opts.replicas ?? 1); i++) await boot(i);
  channel.afterTurn = () => Promise.all(replicas.map((r) => r.wf.outbox.settled())).then(() => undefined);
  return {
    channel,
    emulator,
    clock,
    replicas,
    wf: () => replicas[0]!.wf,
    store: () => replicas[0]!.store,
    url: () => replicas[0]!.app.server.url.replace('[::]', '127.0.0.1'),
    /** Stops the first replica and starts a new process in its place, over the same store. */
    restart: async () => {
      await replicas[0]!.app.stop();
      await boot(0);
    },
    /** Stops the first replica (the bot is down until restart). */
    down: () => replicas[0]!.app.stop(),
    up: () => boot(0),
    stop: async () => {
      stopPlayingTeams();
      for (const r of replicas) await r.app.stop();
      await channel.stop();
      await wiring.stop();
      await stores.dispose();
    },
  };
}
