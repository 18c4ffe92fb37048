import { join } from 'node:path';
import { runCommand } from './childProcesses';
import { spawnOptions, type PostgresInstall } from './postgresInstall';

/** The bootstrap superuser of every cluster we make; trust auth, loopback and a private socket only. */
export const SUPERUSER = 'postgres';

/**
 * Makes a new cluster in `dataDir` (whose parent the server's account owns) holding `database`, without
 * starting a server: initdb, then single-user mode for CREATE DATABASE.
 */
export async function initCluster(
  install: PostgresInstall,
  dataDir: string,
  database: string,
): Promise<void> {
  const as = spawnOptions(install, join(dataDir, '..'));
  const bin = (name: string) => join(install.binDir, name);
  // UTF8 and the C locale: the only settings FerretDB's PostgreSQL handler accepts. -N: no fsync of the
  // new files; 1 MB WAL segments instead of 16 MB: less to write for a cluster that lives minutes.
  const initArgs = ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N'];
  await runCommand(bin('initdb'), [...initArgs, '--wal-segsize=1'], as);
  // exit_on_error: a failed statement ends single-user mode with a non-zero status instead of a prompt.
  const single = ['--single', '-D', dataDir, '-F', '-c', 'exit_on_error=on', 'postgres'];
  await runCommand(bin('postgres'), single, { ...as, input: `CREATE DATABASE "${database}"\n` });
}
