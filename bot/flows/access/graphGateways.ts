import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphDirectoryGateway } from '../../../services/adapters/graph/graphDirectoryGateway';
import { GraphEntitlementGateway } from '../../../services/adapters/graph/graphEntitlementGateway';
import type { GraphGatewayOptions } from '../../../services/adapters/graph/options';

/** The Graph gateways the access flow uses, over one client factory (shared token caches). */
export function accessGateways(options: GraphGatewayOptions) {
  const graph = new GraphClientFactory(options);
  return { entitlement: new GraphEntitlementGateway(graph), directory: new GraphDirectoryGateway(graph) };
}
