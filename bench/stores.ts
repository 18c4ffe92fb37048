import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { connectMongoStore } from '../services/adapters/mongo';
import { createMemoryStore } from '../services/adapters/memory';
import type { Store } from '../services/ports/store';
import { startFerretDb, type FerretDb } from '../test/support/ferretdb';

/** A store adapter under benchmark: each open() gives an empty store; dispose() removes it. */
export interface BenchStore {
  label: string;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

/**
 * The in-memory adapter and the MongoDB adapter: MONGODB_URI, else the tests' stand-in started here
 * (FerretDB v1.24.2 over a private PostgreSQL cluster; FERRETDB_HANDLER=sqlite for its SQLite handler).
 */
export async function benchStores(): Promise<{
  stores: BenchStore[];
  describe: string;
  stop(): Promise<void>;
}> {
  let ferret: FerretDb | undefined;
  const given = process.env.MONGODB_URI;
  if (!given) ferret = await startFerretDb(resolve(__dirname, '..'));
  const uri = given ?? ferret!.uri;
  const memory: BenchStore = {
    label: 'memory',
    open: async () => ({ store: createMemoryStore(), dispose: async () => undefined }),
  };
  const mongo: BenchStore = {
    label: given ? 'mongodb' : 'ferretdb',
    open: async () => {
      const dbName = `gk_bench_${randomUUID().slice(0, 8)}`;
      const store = await connectMongoStore({ uri, dbName, serverSelectionTimeoutMS: 5_000 });
      return {
        store,
        dispose: async () => {
          await store.close();
          const client = await MongoClient.connect(uri);
          try {
            await client.db(dbName).dropDatabase();
          } finally {
            await client.close();
          }
        },
      };
    },
  };
  return {
    stores: [memory, mongo],
    describe: given ? 'MongoDB from MONGODB_URI' : `${ferret!.describe}, started for the run`,
    stop: async () => ferret?.stop(),
  };
}
