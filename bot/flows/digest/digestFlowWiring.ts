import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createGraphGateway } from '../../../services/adapters/graph/createGraphGateway';
import type { Clock } from '../../../services/clock';
import type { Config } from '../../../services/config';
import type { DigestWorkflow } from '../../../services/digest/digestWorkflow';
import { SignedLinks } from '../../../services/digest/signedLinks';
import { WeeklySchedule } from '../../../services/digest/weeklySchedule';
import type { Logger } from '../../../services/logger';
import type { Store } from '../../../services/ports/store';
import type { FlowFactory } from '../../flow';
import type { GraphAppCredentials } from '../access/accessFlowWiring';
import { digestFlow, type DigestFlowDeps } from './digestFlow';

/** CSV links open for an hour; "Refresh links" on the card signs new ones. */
const LINK_TTL_MS = 60 * 60_000;

/**
 * The digest flow for a composition root: Graph and Exchange gateways from the config, the schedule
 * and recipients from the digest settings, and the link key (config; demo mode makes one per process).
 */
export function digestFlowFor(args: {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  credentials: GraphAppCredentials;
  tuning?: Pick<DigestFlowDeps, 'outbox' | 'schedulerPollMs' | 'chunkSize' | 'exchangeConcurrency'>;
  onCreated?: (wf: DigestWorkflow) => void;
  owner?: string;
}): FlowFactory {
  const { config, logger } = args;
  const graph = createGraphGateway({
    baseUrl: config.graph.baseUrl,
    authorityHost: config.graph.authorityHost,
    exchangeBaseUrl: config.graph.exchangeBaseUrl,
    useManagedIdentity: config.graph.useManagedIdentity,
    teamsAppId: config.bot.teamsAppId,
    ...args.credentials,
    logger: logger.child({ component: 'graph', flow: 'digest' }),
  });
  const secret = config.digest.linkSecret ?? randomBytes(32).toString('base64url');
  return digestFlow(
    {
      stores: args.store.digest,
      audit: args.store.audit,
      exchange: graph.exchange,
      reports: graph.securityReports,
      directory: graph.directory,
      entitlement: graph.entitlement,
      pim: graph.pim,
      reviews: graph.reviews,
      teamsApps: graph.teamsApps,
      clock: args.clock,
      logger: logger.child({ flow: 'digest' }),
      owner: args.owner ?? `${hostname()}:${process.pid}`,
      schedule: new WeeklySchedule(config.digest.schedule, config.digest.timeZone),
      recipients: {
        users: config.digest.recipients,
        groupId: config.digest.recipientGroupId,
        roleIds: config.digest.recipientRoleIds,
      },
      signedLinks: new SignedLinks(secret, LINK_TTL_MS),
      ...args.tuning,
    },
    args.onCreated,
  );
}
