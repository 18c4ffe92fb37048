/**
 * Starts the demo bot and Microsoft 365 Agents Playground as child processes, and stops exactly those.
 * Both must already run inside the loopback-only network namespace (see netns.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { playgroundConfig } from '../playground-config';

export const BOT_PORT = 3978;
export const PLAYGROUND_PORT = 56150;

/** A started child: its log file and how to stop it. */
export interface Started {
  log: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, what: string, log: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}); see ${log}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(300);
  }
  throw new Error(`${what} did not listen on ${port} within 60 s; see ${log}`);
}

function start(what: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }) {
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(opts.log);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM'); // this child only, by its own handle
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  return { child, stop, log: opts.log, what };
}

/** `npm start`'s bot, built in dist/, in demo mode (no Azure settings). */
export async function startBot(repo: string, logDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: join(repo, '.local/tls/ca.pem') };
  for (const k of Object.keys(env)) if (/^(Microsoft|MONGODB_|AZURE_)/.test(k)) delete env[k];
  const s = start('bot', ['--disable-warning=DEP0111', 'dist/bot/main.js'], {
    cwd: repo,
    env,
    log: join(logDir, 'bot.log'),
  });
  await waitForPort(BOT_PORT, s.child, 'The bot', s.log);
  return s;
}

/**
 * The Playground chatting as one demo user: its config file in a folder of its own (it reads
 * .m365agentsplayground.yml from where it starts), no browser opened, telemetry off.
 */
export async function startPlayground(repo: string, alias: string, logDir: string): Promise<Started> {
  const cwd = mkdtempSync(join(tmpdir(), `playground-${alias}-`));
  writeFileSync(join(cwd, '.m365agentsplayground.yml'), playgroundConfig(alias));
  const cli = join(repo, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  const s = start(
    'playground',
    [cli, '-e', `http://127.0.0.1:${BOT_PORT}/api/messages`, '-c', 'msteams', '--disable-telemetry'],
    {
      cwd,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      log: join(logDir, `playground-${alias}.log`),
    },
  );
  await waitForPort(PLAYGROUND_PORT, s.child, 'The Playground', s.log);
  return s;
}
