import { connectMongoStore } from '../services/adapters/mongo';
import type { Config } from '../services/config';
import type { Logger } from '../services/logger';
import { systemClock } from '../services/clock';
import { allFlows } from './flows/allFlows';
import { httpReachable } from './readiness';
import type { Wiring } from './wiring';

/** Production: MongoDB, real Graph, settings as given. */
export async function productionWiring(config: Config, logger: Logger): Promise<Wiring> {
  if (!config.mongo) throw new Error('MONGODB_URI is required outside demo mode');
  const store = await connectMongoStore({ uri: config.mongo.uri, dbName: config.mongo.dbName, logger });
  const { appId, tenantId, appPassword } = config.bot;
  // loadConfig guarantees these outside demo mode; checked again so a wiring slip fails loudly.
  if (!appId || !tenantId)
    throw new Error('MicrosoftAppId and MicrosoftAppTenantId are required outside demo mode');
  const credentials = {
    tenantId,
    clientId: appId,
    clientSecret: appPassword,
    certificatePath: config.graph.certificatePath,
    useManagedIdentity: config.graph.useManagedIdentity,
  };
  return {
    config,
    store,
    flows: allFlows({ config, store, logger, clock: systemClock, credentials }),
    readiness: [httpReachable('graph', `${config.graph.baseUrl.replace(/\/$/, '')}/v1.0/$metadata`)],
    stop: async () => undefined,
  };
}
