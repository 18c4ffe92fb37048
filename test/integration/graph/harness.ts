import pino from 'pino';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../emulator';
import { createGraphGateway, type GraphGateways } from '../../../services/adapters/graph/createGraphGateway';
import type { GraphGatewayOptions, RetrySettings } from '../../../services/adapters/graph/options';
import type { GraphContractContext } from '../../contracts/graph/context';

/** The emulator plus the production gateways pointed at it: only settings differ from production. */
export interface GraphHarness extends GraphContractContext {
  emulator: Emulator;
  gateways: GraphGateways;
  /** The settings the gateways were built with (to build a client factory of one's own). */
  options: GraphGatewayOptions;
  stop(): Promise<void>;
}

/** Retries short enough for tests, still honouring every Retry-After. */
export const TEST_RETRY: RetrySettings = { maxRetries: 5, maxTotalMs: 20_000, delaySeconds: 0.05 };

/** Starts a fresh emulator (demo tenant) and builds the real Graph gateways against it. */
export async function startGraphHarness(
  opts: { emulator?: EmulatorOptions; gateway?: Partial<GraphGatewayOptions> } = {},
): Promise<GraphHarness> {
  const emulator = await startEmulator(opts.emulator);
  const options: GraphGatewayOptions = {
    baseUrl: emulator.url,
    authorityHost: emulator.url,
    exchangeBaseUrl: emulator.url,
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    // The demo Gatekeeper app of the emulated catalog.
    teamsAppId: emulator.teamsApps.apps().find((a) => a.azureADAppId === emulator.clientId)?.externalId,
    logger: pino({ level: process.env.GRAPH_TEST_LOG ?? 'silent' }),
    ...opts.gateway,
    retry: { ...TEST_RETRY, ...opts.gateway?.retry },
  };
  const gateways = createGraphGateway(options);
  return {
    emulator,
    gateways,
    options,
    as: (alias, o) => ({
      userId: emulator.directory.userByAlias(alias)!.id,
      assertion: emulator.tokens.userAssertion(alias, o),
    }),
    stop: () => emulator.stop(),
  };
}
