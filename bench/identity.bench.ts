import pino from 'pino';
import { createApp } from '../bot/app';
import { demoWiring } from '../bot/demo';
import type { LoggedRequest } from '../emulator';
import { TeamsChannel } from '../emulator/teams/channel';
import { loadConfig } from '../services/config';
import { atMost, type BenchResult, type Benchmark } from './harness';

const USERS = ['AdeleV', 'MeganB', 'LeeG', 'AlexW', 'PattiF', 'MiriamG', 'NestorW', 'LynneR'];
const TURNS_PER_USER = 10;

const isObo = (r: LoggedRequest) =>
  r.api === 'identity' && r.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(r.path) && !!r.userId;
const metadataAuthority = (r: LoggedRequest) =>
  r.api === 'identity' && r.method === 'GET' && /\/v2\.0\/\.well-known\/openid-configuration$/.test(r.path)
    ? r.path.split('/')[1]
    : undefined;

/**
 * Identity once per user, not per turn (issue 7): M signed-in users each run N Graph-calling turns
 * ("my access", on-behalf-of them) through the demo-wired bot, its real Graph client and the emulated
 * token service. Counted in the emulator's request log: on-behalf-of exchanges (at most one per user
 * token) and authority OpenID metadata fetches (at most one per authority and process).
 */
function identityBenchmark(): Benchmark {
  return {
    name: 'identity once per user',
    async run(): Promise<BenchResult[]> {
      const logger = pino({ level: process.env.BENCH_LOG ?? 'silent' });
      const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_EMULATOR_PORT: '0' });
      const wiring = await demoWiring(config, logger, {}, { signInDemoUsers: false });
      const emulator = wiring.emulator!;
      const app = createApp({
        ...wiring,
        config: { ...wiring.config, port: 0 },
        logger,
        botAuth: wiring.botAuth,
      });
      const channel = await TeamsChannel.start();
      try {
        channel.connect(`${(await app.start()).url}/api/messages`);
        const connection = config.bot.ssoConnectionName;
        for (const alias of USERS) {
          await channel.install(alias);
          // Teams SSO: the bot exchanges the user's token at the token service, which keeps it.
          const answer = await channel.tokenExchange(alias, connection, emulator.tokens.userAssertion(alias));
          if (answer.status !== 200) throw new Error(`${alias} could not sign in (${answer.status})`);
        }
        // The log is kept from the start: metadata fetched while signing in counts for the process too.
        // Each round, every user sends a turn; in the first, each sends two at once (a double click).
        const turn = async (alias: string) => {
          const mark = channel.recorder.mark();
          await channel.send(alias, 'my access');
          await channel.waitFor((r) => r.alias === alias, 15_000, mark);
        };
        await Promise.all(USERS.flatMap((alias) => [turn(alias), turn(alias)]));
        for (let round = 2; round < TURNS_PER_USER; round++) await Promise.all(USERS.map(turn));
        const log = emulator.requestLog.all();
        const obo = log.filter(isObo).length;
        const perAuthority = new Map<string, number>();
        for (const r of log) {
          const authority = metadataAuthority(r);
          if (authority) perAuthority.set(authority, (perAuthority.get(authority) ?? 0) + 1);
        }
        const metadata = Math.max(0, ...perAuthority.values());
        const turns = USERS.length * TURNS_PER_USER;
        const label = `${USERS.length} users × ${TURNS_PER_USER} turns`;
        return [
          atMost(`OBO exchanges, ${label} (${turns} GetToken)`, obo, USERS.length, 'exchanges'),
          atMost(`authority metadata fetches per authority, ${label}`, metadata, 1, 'fetches'),
        ];
      } finally {
        await app.stop();
        await channel.stop();
      }
    },
  };
}

/** The benchmark group for bench/run.ts: it starts its own bot and emulator. */
export const identityGroup = {
  names: ['identity once per user'],
  start: () => Promise.resolve({ benchmarks: [identityBenchmark()], stop: () => Promise.resolve() }),
};
