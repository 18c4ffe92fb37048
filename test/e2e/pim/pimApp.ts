import pino from 'pino';
import { createApp, type App } from '../../../bot/app';
import { demoWiring } from '../../../bot/demo';
import { governanceFlows } from '../../../bot/flows/pim/pimFlowWiring';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import { TeamsChannel } from '../../../emulator/teams/channel';
import { createMemoryStore } from '../../../services/adapters/memory';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import { ManualClock } from '../../../services/clock';
import { loadConfig, type Config } from '../../../services/config';
import type { Store } from '../../../services/ports/store';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { signInEveryone } from '../../support/signIn';

/**
 * The real bot with the access and PIM flows, the Graph emulator (same ManualClock) and the Teams
 * stand-in, wired as demo mode does; nobody starts signed in but through Teams SSO (no MFA).
 * `restart()` starts a new bot over the same store, emulator and channel.
 */
export async function startPimApp(
  opts: { clock?: ManualClock; store?: Store; fixture?: TenantFixture; timezone?: string } = {},
) {
  const clock = opts.clock ?? new ManualClock(new Date());
  const store = opts.store ?? createMemoryStore();
  const logger = pino({ level: process.env.PIM_TEST_LOG ?? 'silent' });
  const base = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
  const emulatorOptions = { clock, ...(opts.fixture && { fixture: opts.fixture }) };
  const wiring = await demoWiring(base, logger, emulatorOptions, { signInDemoUsers: false });
  const emulator = wiring.emulator!;
  const config: Config = { ...wiring.config, port: 0, host: '127.0.0.1' };
  const channel = await TeamsChannel.start({ botAppId: config.bot.appId, timezone: opts.timezone });
  let wf: AccessWorkflow | undefined;
  channel.afterTurn = () => wf?.outbox.settled() ?? Promise.resolve();
  let replica = 0;
  const boot = async () => {
    const flows = governanceFlows({
      config,
      store,
      logger,
      clock,
      credentials: {
        tenantId: emulator.tenantId,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
      },
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
    store,
    wf: () => wf!,
    restart: async () => {
      await app.stop();
      app = await boot();
    },
    stop: async () => {
      await app.stop();
      await channel.stop();
      await wiring.stop();
    },
  };
}
