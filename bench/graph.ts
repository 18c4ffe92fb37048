import pino from 'pino';
import { startEmulator, type Emulator } from '../emulator';
import type { TenantFixture } from '../emulator/graph/routing';
import { GraphClientFactory } from '../services/adapters/graph/clientFactory';
import { createGraphGateway, type GraphGateways } from '../services/adapters/graph/createGraphGateway';
import type { GraphGatewayOptions } from '../services/adapters/graph/options';
import type { DelegatedIdentity } from '../services/ports/userTokens';

/** The emulator and the production Graph gateway pointed at it (only settings differ from production). */
export interface BenchGraph {
  emulator: Emulator;
  options: GraphGatewayOptions;
  /** Fresh gateways (own token caches and clients) on every call, so runs do not share state. */
  gateways(): GraphGateways;
  /** A fresh client factory, for the gateway's own paging helper. */
  factory(): GraphClientFactory;
  as(alias: string): DelegatedIdentity;
  /** Back to a quiet emulator: no knobs, empty request log. */
  reset(): void;
  stop(): Promise<void>;
}

/** Starts the emulator on the fixture; the gateway keeps its production retry settings. */
export async function startBenchGraph(fixture: TenantFixture): Promise<BenchGraph> {
  const emulator = await startEmulator({ fixture });
  const options: GraphGatewayOptions = {
    baseUrl: emulator.url,
    authorityHost: emulator.url,
    exchangeBaseUrl: emulator.url,
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    logger: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
  };
  return {
    emulator,
    options,
    gateways: () => createGraphGateway(options),
    factory: () => new GraphClientFactory(options),
    as: (alias) => ({
      userId: emulator.directory.userByAlias(alias)!.id,
      assertion: emulator.tokens.userAssertion(alias),
    }),
    reset: () => {
      emulator.knobs.reset();
      emulator.requestLog.clear();
    },
    stop: () => emulator.stop(),
  };
}
