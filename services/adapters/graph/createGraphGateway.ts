import type { DirectoryGateway } from '../../ports/directory';
import type { EntitlementGateway } from '../../ports/entitlement';
import type { ExchangeGateway } from '../../ports/exchange';
import type { PimGateway } from '../../ports/pim';
import type { ReviewsGateway } from '../../ports/reviews';
import type { SecurityReportsGateway } from '../../ports/securityReports';
import type { TeamsAppsGateway } from '../../ports/teamsApps';
import { GraphClientFactory } from './clientFactory';
import { ExchangeAdminGateway } from './exchangeAdminGateway';
import { GraphDirectoryGateway } from './graphDirectoryGateway';
import { GraphEntitlementGateway } from './graphEntitlementGateway';
import { GraphPimGateway } from './graphPimGateway';
import { GraphReviewsGateway } from './graphReviewsGateway';
import { GraphSecurityReportsGateway } from './graphSecurityReportsGateway';
import { GraphTeamsAppsGateway } from './graphTeamsAppsGateway';
import type { GraphGatewayOptions } from './options';

/** Every Graph-backed port, sharing one client factory (credentials, token caches, retry, batching). */
export interface GraphGateways {
  directory: DirectoryGateway;
  entitlement: EntitlementGateway;
  pim: PimGateway;
  reviews: ReviewsGateway;
  securityReports: SecurityReportsGateway;
  exchange: ExchangeGateway;
  /** Present when the Teams app's manifest id is known (options.teamsAppId). */
  teamsApps?: TeamsAppsGateway;
}

/** Builds the production Graph gateways; pointing them at the emulator changes only the options. */
export function createGraphGateway(options: GraphGatewayOptions): GraphGateways {
  const factory = new GraphClientFactory(options);
  return {
    directory: new GraphDirectoryGateway(factory),
    entitlement: new GraphEntitlementGateway(factory),
    pim: new GraphPimGateway(factory),
    reviews: new GraphReviewsGateway(factory),
    securityReports: new GraphSecurityReportsGateway(factory),
    exchange: new ExchangeAdminGateway(
      factory,
      options.exchangeBaseUrl,
      options.tenantId,
      options.exchangePageSize,
    ),
    teamsApps: options.teamsAppId
      ? new GraphTeamsAppsGateway(factory, { manifestId: options.teamsAppId, baseUrl: options.baseUrl })
      : undefined,
  };
}
