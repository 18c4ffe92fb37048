import { Writable } from 'node:stream';
import { createApp, type App } from '../../bot/app';
import { demoWiring } from '../../bot/demo';
import { TeamsChannel } from '../../emulator/teams/channel';
import { loadConfig } from '../../services/config';
import { createLogger } from '../../services/logger';

/** The bot exactly as `npm start` runs it without settings (demo wiring, every flow), on a free port. */
export interface DemoApp {
  app: App;
  channel: TeamsChannel;
  url: string;
  /** Every log line, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/** Starts it with the Teams stand-in connected; `level` is the log level (info by default). */
export async function startDemoApp(level = 'info'): Promise<DemoApp> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, pretty: false, destination });
  const wiring = await demoWiring(loadConfig({ LOG_LEVEL: level, DEMO_EMULATOR_PORT: '0' }), logger);
  // No missingVerbs: like main.ts, the app refuses to start unless the flows handle every verb.
  const app = createApp({
    config: { ...wiring.config, port: 0, host: '127.0.0.1' },
    logger,
    store: wiring.store,
    flows: wiring.flows,
    readiness: wiring.readiness,
    organisationName: wiring.organisationName,
    onStopped: () => wiring.stop(),
  });
  const { url } = await app.start();
  const channel = await TeamsChannel.start({ botAppId: wiring.config.bot.appId });
  channel.connect(`${url}/api/messages`);
  return {
    app,
    channel,
    url,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: async () => {
      await app.stop();
      await channel.stop();
    },
  };
}
