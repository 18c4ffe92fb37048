import type { AddressInfo } from 'node:net';
import type { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type restify from 'restify';
import { systemClock, type Clock } from '../services/clock';
import type { Config } from '../services/config';
import { ConversationService } from '../services/conversations/conversationService';
import type { Logger } from '../services/logger';
import type { Notifier } from '../services/ports/notifier';
import type { Store } from '../services/ports/store';
import type { UserTokenSource } from '../services/ports/userTokens';
import { createAdapter, createBotFrameworkAuth } from './adapter';
import type { FlowFactory } from './flow';
import { GatekeeperBot } from './gatekeeperBot';
import type { VerbHandler } from './invoke/handler';
import { createHelpVerbs } from './invoke/helpVerbs';
import type { MessageTable } from './commands';
import { availableIntents } from './helpCard';
import { InvokeRouter } from './invoke/router';
import { composeVerbTables } from './invoke/verbTable';
import { composeRenderers, coreRenderers, type NotificationRenderer } from './notificationRenderers';
import { ProactiveNotifier } from './proactive';
import type { ReadinessCheck } from './readiness';
import { createBotServer } from './server';
import { SsoTokens } from './sso/ssoTokens';
import { BotUserTokenSource } from './sso/userTokenSource';

/** Everything the app is built from; tests pass in-memory parts, main passes real ones. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  store: Store;
  clock?: Clock;
  flows?: FlowFactory[];
  /** Extra readiness checks, e.g. that Graph is reachable; the store's ping is always checked. */
  readiness?: ReadinessCheck[];
  /** Shown on the welcome card. */
  organisationName?: string;
  /**
   * Answers verbs no flow handles. Leave it unset in real deployments: the app then refuses to start
   * with a verb unhandled. Tests that wire some flows only pass unwiredVerb().
   */
  missingVerbs?: VerbHandler;
  /** Run last on stop, after the store closed (e.g. stop the demo emulator). */
  onStopped?: () => Promise<void>;
  /** Bot Framework auth other than the config's (demo mode's, see Wiring.botAuth). */
  botAuth?: ConfigurationBotFrameworkAuthentication;
}

/** The running bot. */
export interface App {
  server: restify.Server;
  adapter: CloudAdapter;
  notifier: Notifier;
  userTokens: UserTokenSource;
  conversations: ConversationService;
  /** Listens on config.host:config.port (0 picks a free port) and starts background tasks. */
  start(): Promise<{ url: string; port: number }>;
  /** Graceful: refuse new turns, finish those in flight, stop background tasks, close the store. */
  stop(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;

/** The composition root: wires config, store and flows into the bot, the adapter and the HTTP server. */
export function createApp(deps: AppDeps): App {
  const { config, logger, store } = deps;
  const clock = deps.clock ?? systemClock;
  const auth = deps.botAuth ?? createBotFrameworkAuth(config);
  const adapter = createAdapter(auth, logger);
  const conversations = new ConversationService({ store: store.conversations, clock });
  const renderers: Record<string, NotificationRenderer> = {};
  const appId = config.bot.appId ?? '';
  const notifier = new ProactiveNotifier({ adapter, appId, conversations, renderers, logger });
  const userTokens = new BotUserTokenSource({
    adapter,
    appId,
    connectionName: config.bot.ssoConnectionName,
    conversations,
  });
  let listeningUrl = '';
  const publicUrl = () => config.publicUrl ?? listeningUrl;
  const flows = (deps.flows ?? []).map((build) => build({ notifier, userTokens, conversations, publicUrl }));
  // Filled after the flows exist: the notifier looks kinds up when it sends, not when it is built.
  Object.assign(renderers, composeRenderers(coreRenderers(), ...flows.map((f) => f.renderers ?? {})));
  const sso = new SsoTokens(config.bot.ssoConnectionName, appId);
  const messages = Object.assign({}, ...flows.map((f) => f.messages ?? {})) as MessageTable;
  const verbModules = [createHelpVerbs(availableIntents(messages)), ...flows.map((f) => f.verbs ?? {})];
  const router = new InvokeRouter(composeVerbTables(verbModules, deps.missingVerbs), sso);
  const bot = new GatekeeperBot({
    conversations,
    invokes: router,
    messages,
    sso,
    logger,
    organisationName: deps.organisationName,
    signIns: flows.flatMap((f) => (f.onSignIn ? [f.onSignIn] : [])),
    now: () => clock.now(),
  });
  const readiness: ReadinessCheck[] = [
    { name: 'store', check: () => store.ping() },
    ...(deps.readiness ?? []),
    ...flows.flatMap((f) => f.readiness ?? []),
  ];
  const http = createBotServer({
    adapter,
    bot,
    logger,
    readiness,
    routes: flows.flatMap((f) => f.routes ?? []),
    // Without an app id botbuilder authenticates nothing and signs nothing: replies stay on loopback.
    loopbackServiceUrlOnly: !config.bot.appId,
  });
  const background = flows.flatMap((f) => f.background ?? []);
  let stopping: Promise<void> | undefined;

  async function stop(): Promise<void> {
    http.stopAccepting();
    const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
    const left = await http.drain(DRAIN_TIMEOUT_MS);
    if (left > 0) logger.warn({ left }, 'stopping with turns still in flight');
    // Keep-alive connections would hold close() open; every turn is done or given up by now.
    (http.server.server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await Promise.allSettled(background.map((task) => task.stop()));
    await closed;
    await store.close();
    await deps.onStopped?.();
    logger.info('stopped');
  }

  return {
    server: http.server,
    adapter,
    notifier,
    userTokens,
    conversations,
    async start() {
      await new Promise<void>((resolve, reject) => {
        http.server.once('error', reject);
        http.server.listen(config.port, config.host, () => resolve());
      });
      const { port } = http.server.address() as AddressInfo;
      const url = `http://${config.host}:${port}`;
      listeningUrl = url;
      for (const task of background) task.start();
      logger.info({ url }, 'listening');
      return { url, port };
    },
    stop: () => (stopping ??= stop()),
  };
}
