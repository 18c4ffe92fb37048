import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureFerretDbBinary } from './ferretdbBuild';

const STARTUP_TIMEOUT_MS = 30_000;

/** A FerretDB process serving the MongoDB wire protocol on loopback, with SQLite files in a temp dir. */
export interface FerretDb {
  uri: string;
  stop(): Promise<void>;
}

/** Builds FerretDB if needed and starts it on a free loopback port; rejects with its output if it fails. */
export async function startFerretDb(root: string): Promise<FerretDb> {
  const binary = await ensureFerretDbBinary(root);
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekeeper-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-8_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForPing(uri, child, () => output);
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
    if (child.exitCode !== null || child.signalCode !== null) {
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

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port the OS just handed out; FerretDB binds it right after (tiny window, loopback only). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
