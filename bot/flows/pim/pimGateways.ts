import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { GraphDirectoryGateway } from '../../../services/adapters/graph/graphDirectoryGateway';
import { GraphPimGateway } from '../../../services/adapters/graph/graphPimGateway';
import type { GraphGatewayOptions } from '../../../services/adapters/graph/options';

/** The Graph gateways the PIM flow uses, over one client factory. */
export function pimGateways(options: GraphGatewayOptions) {
  const graph = new GraphClientFactory(options);
  return { pim: new GraphPimGateway(graph), directory: new GraphDirectoryGateway(graph) };
}
