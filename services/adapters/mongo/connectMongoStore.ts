import {
  type CommandFailedEvent,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Db,
  MongoClient,
} from 'mongodb';
import type { Logger } from '../../logger';
import type { Store } from '../../ports/store';
import { ensureIndexes } from './indexes';
import { MongoAuditLog } from './mongoAuditLog';
import { MongoConversationStore } from './mongoConversationStore';
import { MongoDigestStore } from './mongoDigestStore';
import { MongoJobStore } from './mongoJobStore';
import { MongoWorkflowStore } from './mongoWorkflowStore';
import { RevisionGuard } from './revisionGuard';

export interface MongoStoreOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /** How long to look for a server before giving up (connect and every operation). Default 10 s. */
  serverSelectionTimeoutMS?: number;
  /**
   * How version-conditional writes are made atomic: `native` (MongoDB, Atlas, Cosmos DB) or `markers`
   * (FerretDB 1.x, whose findAndModify is not atomic). Default: asked of the server at connect.
   */
  conditionalWrites?: 'native' | 'markers';
  /** Sees every command the driver sends (tests and benchmarks count and check them). */
  onCommand?: (event: CommandStartedEvent) => void;
  /** Hears every command's end, with its duration (benchmarks time the server's share). */
  onCommandDone?: (event: CommandSucceededEvent | CommandFailedEvent) => void;
}

/** Connects to MongoDB (or FerretDB, Cosmos DB for MongoDB), creates the indexes, and returns the Store. */
export async function connectMongoStore(options: MongoStoreOptions): Promise<Store> {
  const client = new MongoClient(options.uri, {
    appName: 'gatekeeper',
    // Optional fields left undefined are not stored at all, rather than stored as null.
    ignoreUndefined: true,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    monitorCommands: options.onCommand !== undefined || options.onCommandDone !== undefined,
  });
  if (options.onCommand) client.on('commandStarted', options.onCommand);
  if (options.onCommandDone) {
    client.on('commandSucceeded', options.onCommandDone);
    client.on('commandFailed', options.onCommandDone);
  }
  await client.connect();
  const db = client.db(options.dbName);
  let mode: 'native' | 'markers';
  try {
    await ensureIndexes(db);
    mode = options.conditionalWrites ?? (await conditionalWritesOf(db));
  } catch (error) {
    await client.close();
    throw error;
  }
  const guard = new RevisionGuard(db.collection('revisions'), mode);
  options.logger?.info({ dbName: options.dbName, conditionalWrites: mode }, 'MongoDB store ready');
  return {
    conversations: new MongoConversationStore(db.collection('conversations')),
    workflows: new MongoWorkflowStore(db.collection('workflows'), guard),
    audit: new MongoAuditLog(db.collection('audit')),
    jobs: new MongoJobStore(db.collection('jobs'), guard),
    digest: {
      runs: new MongoDigestStore(db.collection('digestRuns'), db.collection('digestFindings')),
      items: new MongoWorkflowStore(db.collection('digestItems'), guard),
      jobs: new MongoJobStore(db.collection('digestJobs'), guard),
    },
    ping: async () => void (await db.command({ ping: 1 })),
    close: async () => {
      await guard.flush();
      await client.close();
    },
  };
}

/** FerretDB names itself in buildInfo; every other server we support updates one document atomically. */
async function conditionalWritesOf(db: Db): Promise<'native' | 'markers'> {
  const info = await db.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'markers' : 'native';
}
