import { execFile, type ChildProcess, type ExecFileOptions } from 'node:child_process';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';

/** The last few kilobytes a child wrote to stdout and stderr, for the error when it fails to start. */
export function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-8_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => output;
}

/** True once the child has exited or been killed. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal`, then SIGKILL if the child is still there after 5 s; resolves when it is gone. */
export async function terminate(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion (with `input` on its stdin); rejects with its exit status and output. */
export function runCommand(
  file: string,
  args: string[],
  { input, ...options }: ExecFileOptions & { input?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(String(stdout));
      const status = typeof error.code === 'number' ? `exit ${error.code}` : (error.code ?? error.signal);
      const output = `${String(stdout)}${String(stderr)}`.trim().slice(-4_000);
      reject(new Error(`${[file, ...args].join(' ')}: ${status}${output ? `\n${output}` : ''}`));
    });
    // A command that exits without reading its input must not crash us with EPIPE; its status says why.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** A port the OS just handed out; the caller's server binds it right after (tiny window, loopback only). */
export function freePort(): Promise<number> {
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

/** Removes `dir` when the process exits, unless the returned function (which removes it now) ran first. */
export function removeOnExit(dir: string): () => Promise<void> {
  const removeNow = () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort while exiting: a server killed a moment ago may still be writing in it
    }
  };
  process.once('exit', removeNow);
  return async () => {
    process.off('exit', removeNow);
    await rm(dir, { recursive: true, force: true });
  };
}
