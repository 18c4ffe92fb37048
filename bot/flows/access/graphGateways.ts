import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphDirectoryGateway } from '../../../services/adapters/graph/graphDirectoryGateway';
import { GraphEntitlementGateway } from '../../../services/adapters/graph/graphEntitlementGateway';
import { GraphTeamsAppsGateway } from '../../../services/adapters/graph/graphTeamsAppsGateway';
import type { GraphGatewayOptions } from '../../../services/adapters/graph/options';

/**
 * The Graph gateways the access flow uses, over one client factory (shared token caches; other flows
 * may pass theirs, so the app-only token and the authority's metadata are fetched once). Without the
 * Teams app's manifest id there is no installer: approvers who never opened the bot get no card.
 */
export function accessGateways(
  options: GraphGatewayOptions,
  graph: GraphClientFactory = new GraphClientFactory(options),
) {
  const { teamsAppId, baseUrl } = options;
  return {
    entitlement: new GraphEntitlementGateway(graph),
    directory: new GraphDirectoryGateway(graph),
    teamsApps: teamsAppId ? new GraphTeamsAppsGateway(graph, { manifestId: teamsAppId, baseUrl }) : undefined,
  };
}
