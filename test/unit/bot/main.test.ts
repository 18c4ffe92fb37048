import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { TeamsChannel } from '../../../emulator/teams/channel';

const root = join(__dirname, '../../..');

/** Starts `tsx bot/main.ts` (what `npm start` runs, built) with only the given settings. */
function startMain(env: Record<string, string>): {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['bot/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_EXTRA_CA_CERTS: join(root, '.local/tls/ca.pem'),
      ...env,
    },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('bot/main (npm start)', function () {
  this.timeout(60_000);

  it('exits 1 naming every bad setting, before logging anything', async () => {
    const main = startMain({
      MicrosoftAppId: 'not-a-guid',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      MONGODB_URI: 'postgres://x',
    });
    assert.equal(await main.exit, 1);
    for (const name of [
      'MicrosoftAppId',
      'PORT',
      'LOG_LEVEL',
      'MONGODB_URI',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
    ]) {
      assert.match(main.err(), new RegExp(`- ${name}:`), `stderr does not name ${name}:\n${main.err()}`);
    }
    assert.equal(main.out(), '');
  });

  it('runs demo mode: says so first, answers on /api/messages, and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const channel = await TeamsChannel.start();
    const main = startMain({ PORT: String(port), DEMO_EMULATOR_PORT: '0', LOG_LEVEL: 'info' });
    try {
      await until(
        // The app's own line, not the emulator's "emulator: listening".
        () => /INFO: listening\n/.test(main.out()) || main.child.exitCode !== null,
        30_000,
        'the bot to listen',
      );
      assert.equal(main.child.exitCode, null, `npm start exited early:\n${main.err()}`);
      assert.match(
        main.out().split('\n')[0]!,
        /Demo mode: no MicrosoftAppId set — .*loopback only, Graph emulator and in-memory store/,
      );
      channel.connect(`http://127.0.0.1:${port}/api/messages`);
      const [installed] = await channel.install('MeganB');
      assert.equal(installed.status, 200);
      const welcome = await channel.waitFor((r) => r.alias === 'MeganB', 10_000);
      assert.match(cardText(cardOf(welcome)), /Welcome to Gatekeeper, Megan Bowen/);
      assert.match(cardText(cardOf(welcome)), /Contoso/);
      main.child.kill('SIGTERM');
      assert.equal(await main.exit, 0);
      assert.match(main.out(), /shutting down[\s\S]*stopped/);
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
      await channel.stop();
    }
  });
});
