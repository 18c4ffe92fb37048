import type { Logger } from '../../logger';
import type { AdaptiveRateSettings } from './adaptiveRate';

/** How hard the Graph client retries throttled (429) and unavailable (503/504) answers. */
export interface RetrySettings {
  /** Retries per call, at most 10 (the client's ceiling). */
  maxRetries: number;
  /** No retry starts when it would end later than this after the first attempt. */
  maxTotalMs: number;
  /** Backoff base in seconds when the answer has no Retry-After. */
  delaySeconds: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxRetries: 5, maxTotalMs: 60_000, delaySeconds: 2 };

/**
 * Client-side pacing of app-only calls, per service (each has its own budget per app). Graph publishes
 * no per-app number for these APIs beyond a global ceiling far above these (graph/throttling-limits);
 * Exchange's admin REST publishes none. So: start moderate, grow while calls succeed, back off on 429.
 */
export const DEFAULT_RATES: { graph: AdaptiveRateSettings; exchange: AdaptiveRateSettings } = {
  graph: {
    initialPerSecond: 200,
    maxPerSecond: 2000,
    minPerSecond: 2,
    decrease: 0.7,
    increasePerSecond: 20,
    defaultPauseMs: 2000,
  },
  exchange: {
    initialPerSecond: 100,
    maxPerSecond: 1000,
    minPerSecond: 1,
    decrease: 0.7,
    increasePerSecond: 10,
    defaultPauseMs: 2000,
  },
};

/** Settings of the production Graph gateway; the emulator is reached by changing only these. */
export interface GraphGatewayOptions {
  /** e.g. https://graph.microsoft.com (no version). */
  baseUrl: string;
  /** e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
  /** Use the host's managed identity as the app's federated credential (production only). */
  useManagedIdentity?: boolean;
  /** Client id of a user-assigned managed identity, when that is used. */
  managedIdentityClientId?: string;
  /** The Teams app's manifest id (TEAMS_APP_ID), so the bot can install its app for users. */
  teamsAppId?: string;
  /** e.g. https://outlook.office365.com. */
  exchangeBaseUrl: string;
  logger: Logger;
  retry?: Partial<RetrySettings>;
  /** Pacing of the app's own Graph and Exchange calls (delegated calls have each user's budget). */
  rates?: { graph?: Partial<AdaptiveRateSettings>; exchange?: Partial<AdaptiveRateSettings> };
  /** Delegated clients kept (one per user token), oldest dropped first. */
  delegatedCacheSize?: number;
  /** $batch requests in flight at once. */
  batchConcurrency?: number;
  /** Rows per Exchange admin API page (`Prefer: odata.maxpagesize`), 1000 by default. */
  exchangePageSize?: number;
}
