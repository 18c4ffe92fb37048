import type { DirectoryGateway } from '../../ports/directory';
import type { EntitlementGateway } from '../../ports/entitlement';
import type { ExchangeGateway } from '../../ports/exchange';
import type { PimGateway } from '../../ports/pim';
import type { ReviewsGateway } from '../../ports/reviews';
import type { SecurityReportsGateway } from '../../ports/securityReports';
import { GraphClientFactory } from './clientFactory';
import { ExchangeAdminGateway } from './exchangeAdminGateway';
import { GraphDirectoryGateway } from './graphDirectoryGateway';
import { GraphEntitlementGateway } from './graphEntitlementGateway';
import { GraphPimGateway } from './graphPimGateway';
import { GraphReviewsGateway } from './graphReviewsGateway';
import { GraphSecurityReportsGateway } from './graphSecurityReportsGateway';
import type { GraphGatewayOptions } from './options';

/** Every Graph-backed port, sharing one client factory (credentials, token caches, retry, batching). */
export interface GraphGateways {
  directory: DirectoryGateway;
  entitlement: EntitlementGateway;
  pim: PimGateway;
  reviews: ReviewsGateway;
  securityReports: SecurityReportsGateway;
  exchange: ExchangeGateway;
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
  };
}
