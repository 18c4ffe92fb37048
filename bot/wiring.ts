import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Emulator } from '../emulator';
import type { Config } from '../services/config';
import type { Store } from '../services/ports/store';
import type { FlowFactory } from './flow';
import type { GraphAppCredentials } from './flows/access/accessFlowWiring';
import type { ReadinessCheck } from './readiness';

/** What main builds differently in demo and production mode before handing it to createApp. */
export interface Wiring {
  /** The config the app runs with (demo mode points Graph and the token service at the emulator). */
  config: Config;
  store: Store;
  flows: FlowFactory[];
  readiness: ReadinessCheck[];
  organisationName?: string;
  /** Demo mode only: the in-process emulator, with the app registration Graph adapters sign in as. */
  emulator?: Emulator;
  /** Demo mode only: the emulator's app registration, which the Graph adapters sign in as. */
  credentials?: GraphAppCredentials;
  /** Demo mode only: anonymous inbound, the emulator's app registration outbound (see demoBotAuth). */
  botAuth?: ConfigurationBotFrameworkAuthentication;
  /** Stops what the wiring started (the demo emulator), after the app stopped. */
  stop(): Promise<void>;
}
