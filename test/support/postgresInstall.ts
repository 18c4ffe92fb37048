import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { runCommand } from './childProcesses';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** Where the PostgreSQL server programs are, and which user may run them. */
export interface PostgresInstall {
  binDir: string;
  /** e.g. "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
  /** The unprivileged account to run initdb and postgres as, when we are root (PostgreSQL refuses root). */
  runAs?: { uid: number; gid: number };
}

/**
 * Finds the server programs: `pg_config --bindir`, else the newest Debian /usr/lib/postgresql/N/bin,
 * else `initdb` on PATH. Rejects with what to install when there is none.
 */
export async function findPostgres(): Promise<PostgresInstall> {
  const binDir = (await fromPgConfig()) ?? (await newestDebian()) ?? fromPath();
  if (!binDir) {
    throw new Error(
      'PostgreSQL is not installed (no pg_config, /usr/lib/postgresql/*/bin or initdb on PATH): ' +
        '`apt-get install postgresql` (bash .ci/run does), or set FERRETDB_HANDLER=sqlite or MONGODB_URI.',
    );
  }
  const version = (await runCommand(join(binDir, 'postgres'), ['--version'])).trim();
  return { binDir, version: version.replace(/^postgres \(PostgreSQL\)/, 'PostgreSQL'), runAs: await runAs() };
}

function hasServer(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

async function fromPgConfig(): Promise<string | undefined> {
  try {
    const dir = (await runCommand('pg_config', ['--bindir'])).trim();
    return hasServer(dir) ? dir : undefined;
  } catch {
    return undefined; // pg_config comes with libpq-dev, not always with the server
  }
}

async function newestDebian(): Promise<string | undefined> {
  const versions = await readdir(DEBIAN_ROOT).catch(() => [] as string[]);
  return versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(DEBIAN_ROOT, v, 'bin'))
    .find(hasServer);
}

function fromPath(): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).find((dir) => dir && hasServer(dir));
}

/** PostgreSQL will not start as root (CI runs as root): use the `postgres` account the package creates. */
async function runAs(): Promise<PostgresInstall['runAs']> {
  if (process.getuid?.() !== 0) return undefined;
  const name = 'postgres';
  try {
    const uid = Number((await runCommand('id', ['-u', name])).trim());
    const gid = Number((await runCommand('id', ['-g', name])).trim());
    return { uid, gid };
  } catch (error) {
    throw new Error(
      `Running as root, and there is no '${name}' account to run PostgreSQL as (it refuses root): ` +
        'install the postgresql package, which creates it, or run the tests as another user.',
      { cause: error },
    );
  }
}

/** Spawn options for the server programs: as the unprivileged owner when root, in `cwd`, C locale, no PG* variables. */
export function spawnOptions(install: PostgresInstall, cwd: string) {
  // PGHOST, PGPORT… from the caller's shell would point the tools at another server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  const user = install.runAs ? { uid: install.runAs.uid, gid: install.runAs.gid } : {};
  // cwd: the postgres account may not be allowed into the caller's working directory.
  return { ...user, cwd, env: { ...env, LC_ALL: 'C', LANG: 'C' } };
}
