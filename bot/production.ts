import { connectMongoStore } from '../services/adapters/mongo';
import type { Config } from '../services/config';
import type { Logger } from '../services/logger';
import { httpReachable } from './readiness';
import type { Wiring } from './wiring';

/** Production: MongoDB, real Graph, settings as given. */
export async function productionWiring(config: Config, logger: Logger): Promise<Wiring> {
  if (!config.mongo) throw new Error('MONGODB_URI is required outside demo mode');
  const store = await connectMongoStore({ uri: config.mongo.uri, dbName: config.mongo.dbName, logger });
  return {
    config,
    store,
    flows: [],
    readiness: [httpReachable('graph', `${config.graph.baseUrl.replace(/\/$/, '')}/v1.0/$metadata`)],
    stop: async () => undefined,
  };
}
