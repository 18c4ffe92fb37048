import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from './childProcesses';
import { startPostgres } from './postgres';

/** FerretDB's storage handlers we run: PostgreSQL (the default, closer to MongoDB under load) or SQLite. */
export type FerretDbHandler = 'postgresql' | 'sqlite';

/** Storage started for one FerretDB process: its handler flags, a label for logs, and how to stop it. */
export interface FerretDbBackend {
  handler: FerretDbHandler;
  args: string[];
  describe: string;
  stop(): Promise<void>;
}

const HANDLERS: readonly FerretDbHandler[] = ['postgresql', 'sqlite'];

/**
 * PostgreSQL connections FerretDB may hold (its default is 50). A command needs at most two at once (see
 * FERRETDB_CLIENT_POOL), so this many serve 7 driver clients that use all their connections at once with
 * room to spare: more than any test or benchmark opens (a bench bot, its raw reader, the crash bot).
 */
export const FERRETDB_PG_POOL = 150;

/**
 * Starts the handler FERRETDB_HANDLER names (default postgresql). When PostgreSQL was not asked for by
 * name and cannot start, a developer's machine falls back to SQLite with a line on stderr; CI (CI set)
 * fails instead, so the load numbers are never silently measured on the other handler.
 */
export async function startFerretDbBackend(): Promise<FerretDbBackend> {
  const wanted = process.env.FERRETDB_HANDLER || undefined;
  if (wanted !== undefined && !HANDLERS.includes(wanted as FerretDbHandler)) {
    throw new Error(`FERRETDB_HANDLER must be one of ${HANDLERS.join(', ')} (got '${wanted}')`);
  }
  if (wanted === 'sqlite') return sqliteBackend();
  try {
    return await postgresBackend();
  } catch (error) {
    if (wanted === 'postgresql' || isCi()) {
      const why = isCi() ? 'CI is set, so no fallback to SQLite' : 'FERRETDB_HANDLER=postgresql';
      throw new Error(`PostgreSQL for FerretDB could not start (${why}): ${String(error)}`, { cause: error });
    }
    const lines = (error instanceof Error ? error.message : String(error)).split('\n');
    const reason = lines.length > 12 ? [lines[0], '…', ...lines.slice(-10)] : lines;
    process.stderr.write(
      'PostgreSQL could not start, so FerretDB runs on its SQLite handler instead (one writer, scans: ' +
        'store timings differ; FERRETDB_HANDLER=postgresql makes this an error). Why:\n' +
        reason.map((line) => `  ${line}\n`).join(''),
    );
    return sqliteBackend();
  }
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

async function postgresBackend(): Promise<FerretDbBackend> {
  const postgres = await startPostgres('ferretdb', FERRETDB_PG_POOL + 10);
  return {
    handler: 'postgresql',
    args: ['--handler=postgresql', `--postgresql-url=${postgres.url}?pool_max_conns=${FERRETDB_PG_POOL}`],
    describe: `PostgreSQL handler on ${postgres.version}`,
    stop: () => postgres.stop(),
  };
}

async function sqliteBackend(): Promise<FerretDbBackend> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekeeper-ferretdb-sqlite-'));
  return {
    handler: 'sqlite',
    args: ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`],
    describe: 'SQLite handler',
    stop: removeOnExit(dataDir),
  };
}
