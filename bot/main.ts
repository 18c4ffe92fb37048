import { ConfigError, loadConfig, type Config } from '../services/config';
import { createLogger } from '../services/logger';
import { createApp } from './app';
import { DEMO_BANNER, demoWiring } from './demo';
import { productionWiring } from './production';

/** Loads settings or exits 1 naming every bad one: a bot with half its settings must not start. */
function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

/** `npm start`: demo mode without MicrosoftAppId, production otherwise; stops gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger({ level: config.logLevel, pretty: config.mode === 'demo' });
  if (config.mode === 'demo') logger.info(DEMO_BANNER);
  const wiring =
    config.mode === 'demo' ? await demoWiring(config, logger) : await productionWiring(config, logger);
  const app = createApp({
    config: wiring.config,
    logger,
    store: wiring.store,
    flows: wiring.flows,
    readiness: wiring.readiness,
    organisationName: wiring.organisationName,
    onStopped: () => wiring.stop(),
    botAuth: wiring.botAuth,
  });
  await app.start();
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Gatekeeper failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
