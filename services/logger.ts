import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log object: secrets must never reach a log. */
export const REDACT_PATHS = [
  'password',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'access_token',
  'assertion',
  'authorization',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'config.bot.appPassword',
  'config.mongo.uri',
];

/** Structured JSON logs in production; pretty, readable lines in demo mode. */
export function createLogger(opts: {
  level: string;
  pretty: boolean;
  destination?: pino.DestinationStream;
}): Logger {
  const base: pino.LoggerOptions = {
    level: opts.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'gatekeeper' },
  };
  if (opts.destination) return pino(base, opts.destination);
  if (opts.pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(base);
}
