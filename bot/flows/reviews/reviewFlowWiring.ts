import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphDirectoryGateway } from '../../../services/adapters/graph/graphDirectoryGateway';
import { GraphReviewsGateway } from '../../../services/adapters/graph/graphReviewsGateway';
import type { Clock } from '../../../services/clock';
import type { Config } from '../../../services/config';
import type { Logger } from '../../../services/logger';
import type { Store } from '../../../services/ports/store';
import type { GraphAppCredentials } from '../access/accessFlowWiring';
import { reviewFlow, type ReviewFlowDeps } from './reviewFlow';

/** A Graph client factory from the config's URLs and the app's credentials (one per process is enough). */
export function graphFactoryFor(args: { config: Config; logger: Logger; credentials: GraphAppCredentials }) {
  const { config } = args;
  return new GraphClientFactory({
    baseUrl: config.graph.baseUrl,
    authorityHost: config.graph.authorityHost,
    exchangeBaseUrl: config.graph.exchangeBaseUrl,
    useManagedIdentity: config.graph.useManagedIdentity,
    teamsAppId: config.bot.teamsAppId,
    ...args.credentials,
    logger: args.logger.child({ component: 'graph' }),
  });
}

/** The access review flow for a composition root: Graph gateways, the store, the poll and reminder settings. */
export function reviewFlowFor(args: {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  credentials: GraphAppCredentials;
  tuning?: Pick<ReviewFlowDeps, 'pollAtStart'>;
  /** The Graph client factory the access flow uses too (one app token, one metadata fetch). */
  graph?: GraphClientFactory;
}) {
  const { config, logger } = args;
  const graph = args.graph ?? graphFactoryFor(args);
  return reviewFlow({
    store: args.store,
    reviews: new GraphReviewsGateway(graph),
    directory: new GraphDirectoryGateway(graph),
    clock: args.clock,
    logger: logger.child({ flow: 'reviews' }),
    reminderDays: config.reviewReminderDays,
    pollEveryMs: config.reviewPollMinutes * 60_000,
    ...args.tuning,
  });
}
