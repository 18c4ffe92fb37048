import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { connectMongoStore } from '../../services/adapters/mongo';
import type { Store } from '../../services/ports/store';

/** A database of its own for one test or test file, on the server the global fixture provides. */
export interface MongoTestDb {
  uri: string;
  dbName: string;
  /** A new connectMongoStore on this database (call again to simulate a bot restart). */
  connect(): Promise<Store>;
  /** A raw driver client on the server, for looking at stored documents; closed by drop(). */
  client(): Promise<MongoClient>;
  /** Drops the database and closes the raw client. */
  drop(): Promise<void>;
}

/** The MongoDB URI of the run; throws (never skips) when the global fixture did not provide one. */
export function mongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri)
    throw new Error('MONGODB_URI is not set: test/support/global-fixtures.ts should have started FerretDB');
  return uri;
}

/** Names a fresh database (`gk_test_<label>_<random>`) without touching the server yet. */
export function mongoTestDb(label: string): MongoTestDb {
  const uri = mongoUri();
  const dbName = `gk_test_${label.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`.slice(0, 60);
  let raw: MongoClient | undefined;
  return {
    uri,
    dbName,
    connect: () => connectMongoStore({ uri, dbName, serverSelectionTimeoutMS: 5_000 }),
    client: async () => (raw ??= await MongoClient.connect(uri)),
    drop: async () => {
      const client = raw ?? (await MongoClient.connect(uri));
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
        raw = undefined;
      }
    },
  };
}

/** Connects a Store to a fresh database; `dispose` closes it and drops the database. */
export async function freshMongoStore(
  label: string,
): Promise<{ store: Store; db: MongoTestDb; dispose(): Promise<void> }> {
  const db = mongoTestDb(label);
  const store = await db.connect();
  return {
    store,
    db,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
}
