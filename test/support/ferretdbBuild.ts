import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The FerretDB release the tests run against (on its PostgreSQL handler, or SQLite: test/support/ferretdbBackend.ts). */
export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Returns the path of the cached FerretDB binary under `<root>/.local/ferretdb`, building it first if
 * needed. The module zip lacks the generated build/version/version.txt, without which the binary panics
 * at start, so we build from a writable copy of the module with that file added. Builds go to a
 * per-process directory and land by rename, so two test runs racing to build never see half a binary.
 */
export async function ensureFerretDbBinary(root: string): Promise<string> {
  const cache = join(root, '.local', 'ferretdb');
  const binary = join(cache, 'bin', 'ferretdb');
  if (existsSync(binary)) return binary;

  process.stderr.write(
    `Building FerretDB ${FERRETDB_VERSION} into .local/ferretdb for the MongoDB tests (first run only; ` +
      'a few minutes on a fresh machine)…\n',
  );
  // -buildvcs=false: the copy sits inside this repository's work tree, whose VCS state is not FerretDB's.
  const env = {
    ...process.env,
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=mod -buildvcs=false',
    GOTELEMETRY: 'off',
  };
  const work = join(cache, `build-${process.pid}-${Date.now()}`);
  try {
    const { stdout } = await go(
      ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`],
      {
        env,
        cwd: root,
      },
    );
    const moduleDir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (!moduleDir) throw new Error(`go mod download gave no module directory:\n${stdout}`);
    const src = join(work, 'src');
    await cp(moduleDir, src, { recursive: true });
    await makeWritable(src);
    await writeFile(join(src, 'build', 'version', 'version.txt'), FERRETDB_VERSION);
    await go(['build', '-trimpath', '-o', join(work, 'ferretdb'), './cmd/ferretdb'], { env, cwd: src });
    await mkdir(join(cache, 'bin'), { recursive: true });
    await rename(join(work, 'ferretdb'), binary);
    return binary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function go(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }) {
  try {
    return await run('go', args, { ...options, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    const hint =
      e.code === 'ENOENT'
        ? 'Go is not installed: install Go >= 1.24, or set MONGODB_URI to a MongoDB server for the tests.'
        : `go ${args.join(' ')} failed:\n${e.stderr ?? e.message}`;
    throw new Error(`Cannot build FerretDB ${FERRETDB_VERSION}. ${hint}`, { cause: error });
  }
}

/** The Go module cache is read-only; the copy must not be, or neither we nor `rm` could change it. */
async function makeWritable(dir: string): Promise<void> {
  await run('chmod', ['-R', 'u+w', dir]);
  await chmod(dir, 0o755);
}
