import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphDirectoryGateway } from '../../../services/adapters/graph/graphDirectoryGateway';
import { GraphReviewsGateway } from '../../../services/adapters/graph/graphReviewsGateway';
import type { Clock } from '../../../services/clock';
import type { Config } from '../../../services/config';
import type { Logger } from '../../../services/logger';
import type { Store } from '../../../services/ports/store';
import type { GraphAppCredentials } from '../access/accessFlowWiring';
import { reviewFlow, type ReviewFlowDeps } from './reviewFlow';

/** The access review flow for a composition root: Graph gateways from the config, the store, the timers. */
export function reviewFlowFor(args: {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  credentials: GraphAppCredentials;
  tuning?: Pick<ReviewFlowDeps, 'pollAtStart'>;
}) {
  const { config, logger } = args;
  const graph = new GraphClientFactory({
    baseUrl: config.graph.baseUrl,
    authorityHost: config.graph.authorityHost,
    exchangeBaseUrl: config.graph.exchangeBaseUrl,
    useManagedIdentity: config.graph.useManagedIdentity,
    ...args.credentials,
    logger: logger.child({ component: 'graph' }),
  });
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
