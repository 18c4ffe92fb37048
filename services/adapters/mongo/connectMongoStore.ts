import { MongoClient } from 'mongodb';
import type { Logger } from '../../logger';
import type { Store } from '../../ports/store';
import { ensureIndexes } from './indexes';
import { MongoAuditLog } from './mongoAuditLog';
import { MongoConversationStore } from './mongoConversationStore';
import { MongoJobStore } from './mongoJobStore';
import { MongoWorkflowStore } from './mongoWorkflowStore';
import { RevisionGuard } from './revisionGuard';

export interface MongoStoreOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /** How long to look for a server before giving up (connect and every operation). Default 10 s. */
  serverSelectionTimeoutMS?: number;
}

/** Connects to MongoDB (or FerretDB, Cosmos DB for MongoDB), creates the indexes, and returns the Store. */
export async function connectMongoStore(options: MongoStoreOptions): Promise<Store> {
  const client = new MongoClient(options.uri, {
    appName: 'gatekeeper',
    // Optional fields left undefined are not stored at all, rather than stored as null.
    ignoreUndefined: true,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
  });
  await client.connect();
  const db = client.db(options.dbName);
  try {
    await ensureIndexes(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  const guard = new RevisionGuard(db.collection('revisions'));
  options.logger?.info({ dbName: options.dbName }, 'MongoDB store ready');
  return {
    conversations: new MongoConversationStore(db.collection('conversations')),
    workflows: new MongoWorkflowStore(db.collection('workflows'), guard),
    audit: new MongoAuditLog(db.collection('audit')),
    jobs: new MongoJobStore(db.collection('jobs'), guard),
    ping: async () => void (await db.command({ ping: 1 })),
    close: () => client.close(),
  };
}
