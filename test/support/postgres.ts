import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statfsSync } from 'node:fs';
import { chown, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput, freePort, hasExited, removeOnExit, runCommand, terminate } from './childProcesses';
import { findPostgres, spawnOptions } from './postgresInstall';
import { initCluster, SUPERUSER } from './postgresInit';

const STARTUP_TIMEOUT_MS = 30_000;
const SHM = '/dev/shm';
const SHM_MIN_FREE_BYTES = 1024 ** 3;

/** A private PostgreSQL cluster in a temp dir, listening on loopback only, with trust auth. */
export interface Postgres {
  /** postgres:// URL of the database created for the caller. */
  url: string;
  version: string;
  stop(): Promise<void>;
}

/**
 * Makes and starts a throwaway cluster holding `database`, on a free loopback port, with its unix
 * socket inside its own temp dir. Durability is off (fsync, synchronous_commit, full_page_writes): the
 * cluster lives for one run. `maxConnections` is PostgreSQL's max_connections. Rejects with the server's output if it does not start.
 */
export async function startPostgres(database: string, maxConnections = 100): Promise<Postgres> {
  const install = await findPostgres();
  const dir = await mkdtemp(join(scratchDir(), 'gatekeeper-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'run');
  const as = spawnOptions(install, dir);
  let child: ChildProcess | undefined;
  // SIGQUIT is PostgreSQL's immediate shutdown: it stops its backends itself and skips the checkpoint
  // that a cluster about to be deleted does not need. On exit we cannot wait for it.
  const quitOnExit = () => void child?.kill('SIGQUIT');
  process.once('exit', quitOnExit);
  const removeDir = removeOnExit(dir); // registered after quitOnExit, so it runs after it
  const stop = async () => {
    process.off('exit', quitOnExit);
    if (child) await terminate(child, 'SIGQUIT');
    await removeDir();
  };
  try {
    await mkdir(socketDir);
    if (install.runAs) {
      await chown(dir, install.runAs.uid, install.runAs.gid);
      await chown(socketDir, install.runAs.uid, install.runAs.gid);
    }
    await initCluster(install, dataDir, database);
    const port = await freePort();
    child = spawn(join(install.binDir, 'postgres'), serverArgs(dataDir, socketDir, port, maxConnections), {
      ...as,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = captureOutput(child);
    const isReady = ['-h', socketDir, '-p', String(port), '-U', SUPERUSER, '-q'];
    await waitUntilReady(child, () => runCommand(join(install.binDir, 'pg_isready'), isReady, as), output);
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
    return { url, version: install.version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverArgs(dataDir: string, socketDir: string, port: number, maxConnections: number): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    // The caller's pool, with room for the tools above (pg_isready).
    max_connections: String(maxConnections),
  };
  return ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/**
 * /dev/shm (memory) when it has room, else the temp dir. Creating a cluster's ~1,300 files is most of
 * its start-up time on disk (initdb: 1.3 s on ext4 here, 0.4 s on tmpfs), and nothing in it must last.
 * Containers often get a 64 MB /dev/shm, too small for a cluster and its data: those use the disk.
 */
function scratchDir(): string {
  try {
    accessSync(SHM, constants.W_OK | constants.X_OK);
    const { bavail, bsize } = statfsSync(SHM);
    if (bavail * bsize >= SHM_MIN_FREE_BYTES) return SHM;
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

async function waitUntilReady(
  child: ChildProcess,
  isReady: () => Promise<unknown>,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        `PostgreSQL exited (${child.exitCode ?? child.signalCode}) while starting:\n${output()}`,
      );
    }
    try {
      await isReady();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(
    `PostgreSQL was not ready within ${STARTUP_TIMEOUT_MS} ms (${String(lastError)}):\n${output()}`,
  );
}
