import type { Client } from '@microsoft/microsoft-graph-client';
import pino from 'pino';
import type { GraphClientFactory } from '../../services/adapters/graph/clientFactory';
import { GraphBatcher, type BatchRequest } from '../../services/adapters/graph/batch';
import { GraphSession } from '../../services/adapters/graph/graphSession';

/** One call a gateway made: who it ran as, and the HTTP method and path (version included, no query). */
export interface RecordedCall {
  as: 'app' | 'user' | 'exchange';
  method: string;
  /** e.g. /v1.0/users/{id}; Exchange calls keep their path as sent. */
  path: string;
}

/** An object every mapper can read: an id, a name, and an empty `value` list. */
const ANY = {
  id: 'a0000000-0000-4000-8000-000000000001',
  displayName: 'x',
  distributionMethod: 'organization',
  status: 'Granted',
  state: 'submitted',
  value: [],
};

/**
 * A GraphClientFactory whose sessions are the production GraphSession over a client that answers every
 * call with a plausible empty object and writes down what was called: which gateway calls need which
 * session (app-only, delegated, Exchange) and which Graph paths, without a network.
 */
export function recordingFactory(): { factory: GraphClientFactory; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const logger = pino({ level: 'silent' });
  const batcher = new GraphBatcher(
    { concurrency: 1, maxItemRetries: 0, maxTotalMs: 0, defaultRetryAfterMs: 0 },
    logger,
  );
  const credential = {
    getToken: () => Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 3.6e6 }),
  };
  const client = (as: RecordedCall['as']): Client => {
    const api = (url: string) => {
      let version = 'v1.0';
      const record = (method: string, body?: unknown) => {
        const path = new URL(url, 'https://graph.invalid/').pathname;
        if (path === '/$batch') {
          const requests = (body as { requests: BatchRequest[] }).requests;
          for (const r of requests)
            calls.push({ as, method: r.method, path: `/${version}${r.url.split('?')[0]}` });
          return {
            responses: requests.map((r) => ({ id: r.id, status: 200, body: { ...ANY, value: [ANY] } })),
          };
        }
        calls.push({
          as,
          method,
          path: as === 'exchange' || /^\/(v1\.0|beta)\//.test(path) ? path : `/${version}${path}`,
        });
        return method === 'GET' ? { ...ANY, value: [ANY] } : ANY;
      };
      const builder = {
        version: (v: string) => ((version = v), builder),
        header: () => builder,
        get: async () => record('GET'),
        post: async (body?: unknown) => record('POST', body),
        patch: async (body?: unknown) => record('PATCH', body),
      };
      return builder;
    };
    return { api } as unknown as Client;
  };
  const session = (as: RecordedCall['as']) =>
    new GraphSession(client(as), credential as never, ['x'], as === 'user', logger, batcher);
  const app = session('app');
  const exchange = session('exchange');
  const user = session('user');
  const factory = { app: () => app, user: () => user, exchange: () => exchange, retry: {} };
  return { factory: factory as unknown as GraphClientFactory, calls };
}
