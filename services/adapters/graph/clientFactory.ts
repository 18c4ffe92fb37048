import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import type { DelegatedIdentity } from '../../ports/userTokens';
import { GraphBatcher } from './batch';
import { CachedTokenCredential } from './cachedCredential';
import { GraphCredentials } from './credentials';
import { GraphSession } from './graphSession';
import { LruCache } from '../../lru';
import { DEFAULT_RATES, DEFAULT_RETRY, type GraphGatewayOptions, type RetrySettings } from './options';
import { AdaptiveRate } from './adaptiveRate';
import { RateGateMiddleware } from './rateGate';
import { boundedRetryMiddleware } from './retryPolicy';
import { exchangeScope, graphScope, isPublicGraphHost } from './clouds';

/** A delegated session lives as long as the user's token, capped so a token without `exp` still ages out. */
const MAX_DELEGATED_TTL_MS = 60 * 60 * 1000;

/**
 * Builds Graph sessions: one app-only session, and delegated sessions cached per user token (bounded,
 * least recently used first out). A delegated session holds the user's Graph token until shortly before
 * it expires, so a user token costs one on-behalf-of exchange however many turns use it; all credentials
 * share the authority's metadata, fetched once.
 */
export class GraphClientFactory {
  readonly retry: RetrySettings;
  private appSession?: GraphSession;
  private exchangeSession?: GraphSession;
  private readonly delegated: LruCache<string, GraphSession>;
  private readonly batcher: GraphBatcher;
  private readonly credentials: GraphCredentials;

  constructor(private readonly options: GraphGatewayOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.credentials = new GraphCredentials(options);
    this.delegated = new LruCache(options.delegatedCacheSize ?? 500);
    this.batcher = new GraphBatcher(
      {
        concurrency: options.batchConcurrency ?? 4,
        maxItemRetries: this.retry.maxRetries,
        maxTotalMs: this.retry.maxTotalMs,
        defaultRetryAfterMs: this.retry.delaySeconds * 1000,
      },
      options.logger,
    );
  }

  /** The app-only session (background work). */
  app(): GraphSession {
    this.appSession ??= this.session(
      this.credentials.app(),
      this.options.baseUrl,
      graphScope(this.options.baseUrl),
      false,
      new AdaptiveRate({ ...DEFAULT_RATES.graph, ...this.options.rates?.graph }),
    );
    return this.appSession;
  }

  /** The session acting as this user, on-behalf-of their SSO token. */
  user(who: DelegatedIdentity, now = Date.now()): GraphSession {
    const key = who.claims ? `${who.assertion}\n${who.claims}` : who.assertion;
    const cached = this.delegated.get(key, now);
    if (cached) return cached;
    const credential = new CachedTokenCredential(this.credentials.onBehalfOf(who.assertion), who.claims);
    const session = this.session(credential, this.options.baseUrl, graphScope(this.options.baseUrl), true);
    this.delegated.set(
      key,
      session,
      Math.min(tokenExpiry(who.assertion) ?? Infinity, now + MAX_DELEGATED_TTL_MS),
    );
    return session;
  }

  /** App-only session for Exchange Online's admin REST (its own token audience). */
  exchange(): GraphSession {
    this.exchangeSession ??= this.session(
      this.credentials.app(),
      this.options.exchangeBaseUrl,
      exchangeScope(this.options.exchangeBaseUrl),
      false,
      new AdaptiveRate({ ...DEFAULT_RATES.exchange, ...this.options.rates?.exchange }),
    );
    return this.exchangeSession;
  }

  private session(
    credential: TokenCredential,
    baseUrl: string,
    scopes: string[],
    delegated: boolean,
    rate?: AdaptiveRate,
  ): GraphSession {
    const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes });
    const host = new URL(baseUrl).hostname.toLowerCase();
    const client = Client.initWithMiddleware({
      baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
      defaultVersion: 'v1.0',
      // The client sends the token only to Graph's own hosts and to these (the emulator, a proxy).
      customHosts: isPublicGraphHost(host) ? undefined : new Set([host]),
      middleware: [
        new AuthenticationHandler(authProvider),
        ...boundedRetryMiddleware(this.retry, this.options.logger),
        // After the RetryHandler, so that every attempt, retries included, is paced.
        ...(rate ? [new RateGateMiddleware(rate)] : []),
        new RedirectHandler(new RedirectHandlerOptions()),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
    return new GraphSession(client, credential, scopes, delegated, this.options.logger, this.batcher);
  }
}

/** `exp` of a JWT in ms, read without verifying (only to age the cache entry out). */
function tokenExpiry(jwt: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
