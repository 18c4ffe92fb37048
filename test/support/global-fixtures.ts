import { resolve } from 'node:path';
import { startFerretDb, type FerretDb } from './ferretdb';

/**
 * Mocha global fixtures: gives every test file a MongoDB wire-protocol server in MONGODB_URI.
 * A server given in MONGODB_URI is used as is; otherwise FerretDB is built (once) and started here, over
 * a private PostgreSQL cluster (FERRETDB_HANDLER=sqlite: over SQLite; see test/support/ferretdbBackend.ts).
 * If it cannot start, the whole run fails: Mongo suites must never be skipped silently.
 */
interface FixtureContext {
  ferretDb?: FerretDb;
}

export async function mochaGlobalSetup(this: FixtureContext): Promise<void> {
  if (process.env.MONGODB_URI) return;
  this.ferretDb = await startFerretDb(resolve(__dirname, '..', '..'));
  process.env.MONGODB_URI = this.ferretDb.uri;
}

export async function mochaGlobalTeardown(this: FixtureContext): Promise<void> {
  if (!this.ferretDb) return;
  await this.ferretDb.stop();
  delete process.env.MONGODB_URI;
}
