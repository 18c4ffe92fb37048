import type { TokenCredentialOptions } from '@azure/identity';

/** A pipeline policy as @azure/identity takes it in `additionalPolicies` (core-rest-pipeline's type). */
type AdditionalPolicy = NonNullable<TokenCredentialOptions['additionalPolicies']>[number];
type Policy = AdditionalPolicy['policy'];
type Response = Awaited<ReturnType<Policy['sendRequest']>>;

/** MSAL keeps authority metadata for a day (msal-common's AUTHORITY_METADATA_CACHE_EXPIRY). */
const TTL_MS = 24 * 60 * 60 * 1000;
/** The documents MSAL fetches to discover an authority: OpenID metadata and instance discovery. */
const DISCOVERY = /\/(\.well-known\/openid-configuration|discovery\/instance)$/;

/**
 * Fetches each authority's discovery documents once per process (and again after a day). @azure/identity
 * builds one MSAL application per credential object, and MSAL caches authority metadata per application,
 * so every on-behalf-of credential (one per user token) would fetch the authority's OpenID metadata
 * anew; MSAL's own way around that (`authorityMetadata` in its configuration) is not exposed by
 * @azure/identity. This policy, shared by all of a factory's credentials through the pipeline option
 * @azure/identity does expose, answers repeated GETs from memory. Concurrent first fetches share one
 * request; failures are not kept.
 */
export class AuthorityMetadataCache {
  private readonly entries = new Map<string, { until: number; response: Promise<Response> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The option to spread into a credential's options. */
  get credentialOptions(): { additionalPolicies: AdditionalPolicy[] } {
    return { additionalPolicies: [{ policy: this.policy, position: 'perCall' }] };
  }

  private readonly policy: Policy = {
    name: 'gatekeeperAuthorityMetadataCache',
    sendRequest: async (request, next) => {
      const url = new URL(request.url);
      if (request.method !== 'GET' || !DISCOVERY.test(url.pathname)) return next(request);
      const key = url.toString();
      const hit = this.entries.get(key);
      if (hit && hit.until > this.now()) return { ...(await hit.response), request };
      const response = next(request).then((r) => {
        if (r.status !== 200) this.entries.delete(key);
        return r;
      });
      this.entries.set(key, { until: this.now() + TTL_MS, response });
      response.catch(() => this.entries.delete(key));
      return response;
    },
  };
}
