import { hostname } from 'node:os';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import type { Config } from '../../../services/config';
import type { Logger } from '../../../services/logger';
import type { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import type { Store } from '../../../services/ports/store';
import type { FlowFactory } from '../../flow';
import { accessFlow, type AccessFlowDeps } from './accessFlow';
import { accessGateways } from './graphGateways';

/** The app registration Graph calls run as (demo: the emulator's; production: the bot's own). */
export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
  useManagedIdentity?: boolean;
}

/**
 * The access flow for a composition root (bot/demo.ts, bot/production.ts): Graph gateways from the
 * config's URLs and the app's credentials, the store, and the expiry warning thresholds.
 */
export function accessFlowFor(args: {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  credentials: GraphAppCredentials;
  /** Test tuning (poll intervals, backoff) and a hook to reach the workflow. */
  tuning?: Pick<AccessFlowDeps, 'outbox' | 'schedulerPollMs' | 'reconcileEveryMs'>;
  onCreated?: (wf: AccessWorkflow) => void;
  owner?: string;
  /** Other item kinds (PIM) sharing the outbox and scheduler. */
  plugins?: Parameters<typeof accessFlow>[2];
  /** A Graph client factory shared with other flows (one app token, one metadata fetch). */
  graph?: GraphClientFactory;
}): FlowFactory {
  const { config, logger } = args;
  const gateways = accessGateways(
    {
      baseUrl: config.graph.baseUrl,
      authorityHost: config.graph.authorityHost,
      exchangeBaseUrl: config.graph.exchangeBaseUrl,
      useManagedIdentity: config.graph.useManagedIdentity,
      teamsAppId: config.bot.teamsAppId,
      ...args.credentials,
      logger: logger.child({ component: 'graph' }),
    },
    args.graph,
  );
  if (!gateways.teamsApps) {
    logger.warn(
      'TEAMS_APP_ID is not set: the bot cannot install its app for people who never opened it, so they get no cards',
    );
  }
  return accessFlow(
    {
      store: args.store,
      ...gateways,
      clock: args.clock,
      logger: logger.child({ flow: 'access' }),
      expiryWarningDays: config.expiryWarningDays,
      reconcileEveryMs: config.approvalReconcileMinutes * 60_000,
      // One lease owner per replica: host and process.
      owner: args.owner ?? `${hostname()}:${process.pid}`,
      ...args.tuning,
    },
    args.onCreated,
    args.plugins,
  );
}
