import { spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput, freePort, hasExited, removeOnExit, runCommand, terminate } from './childProcesses';
import { findPostgres, type PostgresInstall } from './postgresInstall';

const STARTUP_TIMEOUT_MS = 30_000;
const SUPERUSER = 'postgres';

/** A private PostgreSQL cluster in a temp dir, listening on loopback only, with trust auth. */
export interface Postgres {
  /** postgres:// URL of the database created for the caller. */
  url: string;
  version: string;
  stop(): Promise<void>;
}

/**
 * initdb's a throwaway cluster, starts it on a free loopback port with a unix socket inside its own
 * directory, and creates `database`. Durability is off (fsync, synchronous_commit, full_page_writes):
 * the cluster lives for one test run. Rejects with the server's output if any step fails.
 */
export async function startPostgres(database: string): Promise<Postgres> {
  const install = await findPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'gatekeeper-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'run');
  const as = asOwner(install, dir);
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
    const bin = (name: string) => join(install.binDir, name);
    // C locale and UTF8: the only settings FerretDB's PostgreSQL handler accepts; -N: no fsync of the new files.
    const initArgs = ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N'];
    await runCommand(bin('initdb'), initArgs, as);
    const port = await freePort();
    child = spawn(bin('postgres'), serverArgs(dataDir, socketDir, port), {
      ...as,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = captureOutput(child);
    const client = ['-h', socketDir, '-p', String(port), '-U', SUPERUSER];
    await waitUntilReady(child, () => runCommand(bin('pg_isready'), [...client, '-q'], as), output);
    await runCommand(bin('createdb'), [...client, database], as);
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`, version: install.version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverArgs(dataDir: string, socketDir: string, port: number): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    // FerretDB's pool opens up to 50 connections; leave room for the tools above.
    max_connections: '100',
  };
  return ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/** Spawn options that run as the unprivileged owner (when root), with PG* variables that could redirect the tools removed. */
function asOwner(install: PostgresInstall, cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  const user = install.runAs ? { uid: install.runAs.uid, gid: install.runAs.gid } : {};
  // cwd: the postgres account may not be allowed into the caller's working directory.
  return { ...user, cwd, env: { ...env, LC_ALL: 'C', LANG: 'C' } };
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
