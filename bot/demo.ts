import { connectMongoStore } from '../services/adapters/mongo';
import { createMemoryStore } from '../services/adapters/memory';
import type { Config } from '../services/config';
import type { Logger } from '../services/logger';
import { startEmulator, type EmulatorOptions } from '../emulator';
import demoTenant from '../emulator/fixtures/demo-tenant.json';
import type { TenantFixture } from '../emulator/graph/routing';
import { systemClock } from '../services/clock';
import { allFlows } from './flows/allFlows';
import { httpReachable } from './readiness';
import { demoBotAuth } from './sso/demoBotAuth';
import type { Wiring } from './wiring';

/** Logged first in demo mode, so nobody mistakes a demo for a production deployment. */
export const DEMO_BANNER =
  'Demo mode: no MicrosoftAppId set — loopback only, Graph emulator and in-memory store; nothing is kept after exit';

/** Logged in demo mode when the demo users are signed in for convenience (they get no sign-in prompt). */
export const DEMO_SIGNED_IN =
  'Demo mode: every demo user is signed in to the emulated token service at start (no sign-in prompt; without MFA, which steps that need it ask for). Tests and production start signed out';

/** The step-up OAuth connection demo mode uses when STEP_UP_CONNECTION_NAME is unset. */
export const DEMO_STEP_UP_CONNECTION = 'graph-mfa';

/** How the demo is set up besides the emulator. */
export interface DemoOptions {
  /** Sign every demo user in at start, so the Playground needs no sign-in (npm start: yes; tests: no). */
  signInDemoUsers?: boolean;
}

/**
 * Demo mode: the emulator runs in-process on loopback and plays Entra, Graph, Exchange and the Bot
 * Framework token service; the store lives in memory. Only URLs differ from production, not the client code.
 * Tests reuse it (test/support/app.ts), overriding the emulator's clock or fixture, and start signed out.
 */
export async function demoWiring(
  config: Config,
  logger: Logger,
  overrides: EmulatorOptions = {},
  options: DemoOptions = { signInDemoUsers: true },
): Promise<Wiring> {
  // Imported rather than read from disk, so `npm run build` carries the fixture into dist/.
  const fixture = demoTenant as TenantFixture;
  const emulator = await startEmulator({
    fixture,
    port: config.demoEmulatorPort,
    logger: logger.child({ component: 'emulator' }),
    ...overrides,
  });
  if (options.signInDemoUsers) {
    for (const user of emulator.directory.users())
      emulator.tokens.signIn(user.id, config.bot.ssoConnectionName);
    logger.info(DEMO_SIGNED_IN);
  }
  const url = emulator.url;
  // The emulated catalog holds the demo Gatekeeper app: installs for users are recorded there, and no
  // Teams client hears of them (nothing posts install events in demo mode).
  const ownApp = emulator.teamsApps.apps().find((a) => a.azureADAppId === emulator.clientId);
  const demoConfig: Config = Object.freeze({
    ...config,
    bot: Object.freeze({
      ...config.bot,
      oauthUrl: url,
      teamsAppId: ownApp?.externalId,
      // The emulated token service serves any connection; its sign-in page has the MFA step.
      stepUpConnectionName: config.bot.stepUpConnectionName ?? DEMO_STEP_UP_CONNECTION,
    }),
    graph: Object.freeze({ ...config.graph, baseUrl: url, authorityHost: url, exchangeBaseUrl: url }),
    digest: Object.freeze({ ...config.digest, recipients: demoDigestRecipients(config, fixture) }),
  });
  logger.info({ emulator: url, tenantId: emulator.tenantId }, 'Graph emulator started');
  // The embedded store by default; MONGODB_URI tries demo mode on a real MongoDB (state then survives).
  const store = config.mongo
    ? await connectMongoStore({ uri: config.mongo.uri, dbName: config.mongo.dbName, logger })
    : createMemoryStore();
  if (!config.mongo) logger.info('Demo mode: in-memory store (set MONGODB_URI to use MongoDB)');
  // Graph calls run as the emulator's app registration: the demo bot has no app id of its own.
  const credentials = {
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  };
  const clock = overrides.clock ?? systemClock;
  return {
    config: demoConfig,
    store,
    flows: allFlows({ config: demoConfig, store, logger, clock, credentials }),
    readiness: [httpReachable('graph', `${url}/v1.0/$metadata`)],
    organisationName: fixture.tenant.displayName,
    emulator,
    credentials,
    botAuth: demoBotAuth({ appId: emulator.clientId, secret: emulator.clientSecret, emulatorUrl: url }),
    stop: async () => {
      await emulator.stop();
      if (config.mongo) await store.close();
    },
  };
}

/** The digest goes to the settings' recipients, else to the demo tenant's (Isaiah and Patti). */
function demoDigestRecipients(config: Config, fixture: TenantFixture): readonly string[] {
  const { recipients, recipientGroupId, recipientRoleIds } = config.digest;
  if (recipients.length > 0 || recipientGroupId || recipientRoleIds.length > 0) return recipients;
  const f = fixture as unknown as {
    digestRecipients?: string[];
    users: { alias: string; userPrincipalName: string }[];
  };
  return (f.digestRecipients ?? []).flatMap(
    (alias) => f.users.find((u) => u.alias === alias)?.userPrincipalName ?? [],
  );
}
