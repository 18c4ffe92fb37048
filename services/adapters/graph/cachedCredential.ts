import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/** A token this close to its end is renewed first (MSAL's default token renewal offset). */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * One user's Graph token, kept until shortly before it expires (or the refresh time Entra suggests),
 * with concurrent callers sharing one request: a delegated session then does a single on-behalf-of
 * exchange for its user token. MSAL keeps on-behalf-of tokens too, but not when the request carries
 * `claims` (msal-node sends those to the token endpoint every time) and not across concurrent misses.
 */
export class CachedTokenCredential implements TokenCredential {
  private token?: AccessToken;
  private pending?: Promise<AccessToken | null>;
  /** The scopes the kept token is for (a session asks for one resource only). */
  private scopes?: string;

  constructor(
    private readonly inner: TokenCredential,
    /** A claims challenge sent with every request (the Graph client's auth provider cannot pass one). */
    private readonly claims?: string,
    private readonly now: () => number = Date.now,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const key = [scopes].flat().join(' ');
    const withClaims = this.claims ? { ...options, claims: this.claims } : options;
    if (this.scopes !== undefined && key !== this.scopes) return this.inner.getToken(scopes, withClaims);
    const t = this.token;
    if (t && this.now() < (t.refreshAfterTimestamp ?? t.expiresOnTimestamp - RENEW_BEFORE_MS)) return t;
    this.scopes = key;
    this.pending ??= this.inner
      .getToken(scopes, withClaims)
      .then((token) => {
        this.token = token ?? undefined;
        return token;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}
