import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { captureOutput, freePort, hasExited, removeOnExit, terminate } from './childProcesses';
import { startFerretDbBackend, type FerretDbHandler } from './ferretdbBackend';
import { ensureFerretDbBinary, FERRETDB_VERSION } from './ferretdbBuild';

const STARTUP_TIMEOUT_MS = 30_000;
/**
 * Connections each driver client may open to the stand-in (the driver's default is 100). FerretDB 1.24's
 * PostgreSQL handler runs each client connection's commands one at a time, and an update or
 * findAndModify holds one PostgreSQL connection for its read while it waits for a second one to write
 * (handler/common/update.go): once every pooled PostgreSQL connection is held by such a read, all of
 * them wait forever. With 100 warm connections, 100 concurrent findOneAndUpdate hung every time; the
 * 1,000-click benchmark did too, now and then. So clients stay well below the handler's pool
 * (FERRETDB_PG_POOL, see ferretdbBackend), which then always has a connection for a write.
 */
export const FERRETDB_CLIENT_POOL = 20;

/** A FerretDB process serving the MongoDB wire protocol on loopback, over its own PostgreSQL or SQLite. */
export interface FerretDb {
  uri: string;
  handler: FerretDbHandler;
  /** e.g. "FerretDB v1.24.2, PostgreSQL handler on PostgreSQL 15.18 (Debian 15.18-0+deb12u1)". */
  describe: string;
  stop(): Promise<void>;
}

/**
 * Builds FerretDB if needed, starts its storage (see startFerretDbBackend), then FerretDB on a free
 * loopback port; rejects with its output if it fails. stop() ends both and removes their files.
 */
export async function startFerretDb(root: string): Promise<FerretDb> {
  const binary = await ensureFerretDbBinary(root);
  const backend = await startFerretDbBackend();
  try {
    const ferretDb = await startServer(binary, backend.args);
    return {
      uri: ferretDb.uri,
      handler: backend.handler,
      describe: `FerretDB ${FERRETDB_VERSION}, ${backend.describe}`,
      // FerretDB first: it holds connections to the PostgreSQL cluster stopped after it.
      stop: async () => {
        await ferretDb.stop();
        await backend.stop();
      },
    };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

async function startServer(
  binary: string,
  backendArgs: string[],
): Promise<{ uri: string; stop(): Promise<void> }> {
  const stateDir = await mkdtemp(join(tmpdir(), 'gatekeeper-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      ...backendArgs,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = captureOutput(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const removeStateDir = removeOnExit(stateDir);
  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child);
    await removeStateDir();
  };
  const uri = `mongodb://127.0.0.1:${port}/?maxPoolSize=${FERRETDB_CLIENT_POOL}`;
  try {
    await waitForPing(uri, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, stop };
}

async function waitForPing(uri: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`FerretDB exited (${child.exitCode ?? child.signalCode}) while starting:\n${output()}`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.close();
    }
  }
  throw new Error(
    `FerretDB did not answer ping within ${STARTUP_TIMEOUT_MS} ms (${String(lastError)}):\n${output()}`,
  );
}
