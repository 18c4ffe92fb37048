import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { captureOutput, hasExited, terminate } from '../childProcesses';

const ROOT = resolve(__dirname, '..', '..', '..');
const STARTUP_TIMEOUT_MS = 60_000;
/** tsx's hook, and the tests' network guard: the bot too may reach nothing but loopback. */
const UNDER_TSX = ['--require', 'tsx/cjs', '--require', './test/support/networkGuard.ts'];
/** What the bot inherits from this process besides its settings: how to find node, and the dev CA. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'NODE_EXTRA_CA_CERTS'];

/** One run of the real bot (bot/main.ts) as a process of its own. */
export interface BotProcess {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  pid: number;
  /** SIGKILL: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful stop), SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** The last few kilobytes it wrote (its pino log), for a failure message. */
  output(): string;
}

/**
 * Starts `bot/main.ts` under node with tsx's CommonJS hook and the network guard — one process, so a
 * SIGKILL reaches the bot itself (the tsx CLI would put a wrapper process in between) — or `compiled`,
 * the same built by tsc (starts faster), with `settings` as its whole environment; waits until it
 * answers /healthz.
 */
export async function startBotProcess(
  settings: Record<string, string>,
  port: number,
  compiled?: string,
): Promise<BotProcess> {
  const inherited = Object.fromEntries(
    INHERITED.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
  );
  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', ...(compiled ? [compiled] : [...UNDER_TSX, 'bot/main.ts'])],
    {
      cwd: ROOT,
      env: { ...inherited, ...settings, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = captureOutput(child);
  if (process.env.CRASH_BOT_OUTPUT) appendOutput(child, process.env.CRASH_BOT_OUTPUT);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  const gone = async (signal: NodeJS.Signals) => {
    await terminate(child, signal);
    process.off('exit', killOnExit);
  };
  try {
    await waitUntilHealthy(url, child, output);
  } catch (err) {
    await gone('SIGKILL');
    throw err;
  }
  return {
    url,
    pid: child.pid!,
    kill: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
    output,
  };
}

/**
 * Appends the child's whole output to `path`, after a line naming it: with CRASH_BOT_LOG=debug, what
 * each bot of a run was doing when it was killed (which send had no answer yet, say).
 */
function appendOutput(child: ChildProcess, path: string): void {
  const file = createWriteStream(path, { flags: 'a' });
  file.write(`=== bot ${child.pid} started ${new Date().toISOString()}\n`);
  child.stdout?.pipe(file, { end: false });
  child.stderr?.pipe(file, { end: false });
  child.once('close', () => file.end());
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (hasExited(child)) throw new Error(`The bot exited while starting:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`The bot did not answer /healthz in time:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
