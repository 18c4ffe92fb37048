import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { CachedTokenCredential } from '../services/adapters/graph/cachedCredential';
import {
  AppCredentials,
  AuthenticationConstants,
  ServiceClientCredentialsFactory,
  type ServiceClientCredentials,
} from 'botframework-connector';

/** What AppCredentials.refreshToken resolves with (botbuilder does not export the type). */
type AuthenticatorResult = { accessToken: string; expiresOn: Date };

/** The bot's outbound (connector, token service) token, from an @azure/identity credential. */
class TokenCredentialAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    scope: string,
    private readonly credential: TokenCredential,
  ) {
    super(appId, undefined, scope);
  }

  // The credential caches and renews its own token; botbuilder's static cache is shared process-wide.
  override async getToken(): Promise<string> {
    return (await this.refreshToken()).accessToken;
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const token = await this.credential.getToken(scope);
    if (!token) throw new Error(`No token for ${scope}`);
    return { accessToken: token.token, expiresOn: new Date(token.expiresOnTimestamp) };
  }
}

/**
 * Client-secret credentials for a login URL other than Microsoft's public cloud (a sovereign or private
 * authority, or the emulator). botbuilder's own factory hands such URLs to MSAL without knownAuthorities,
 * and MSAL then asks login.microsoftonline.com for instance discovery; @azure/identity with
 * disableInstanceDiscovery talks to the given authority only, as the Graph adapters already do.
 */
export class ClientSecretCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly credentials = new Map<string, TokenCredential>();

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    /** e.g. https://login.example/<tenant>: the authority host and the tenant to sign in to. */
    private readonly loginUrl: string,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  async createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string | undefined,
  ): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const login = new URL(loginEndpoint || this.loginUrl);
    const tenant =
      login.pathname.split('/').filter(Boolean)[0] ?? AuthenticationConstants.DefaultChannelAuthTenant;
    const key = `${login.origin}/${tenant}`;
    let credential = this.credentials.get(key);
    if (!credential) {
      // Kept until shortly before it expires: every connector and token service call asks for it, and
      // MSAL, even answering from its cache, spent ~2 ms of CPU on each (authority, request, cache lookup).
      credential = new CachedTokenCredential(
        new ClientSecretCredential(tenant, appId, this.secret, {
          authorityHost: login.origin,
          disableInstanceDiscovery: true,
        }),
      );
      this.credentials.set(key, credential);
    }
    return new TokenCredentialAppCredentials(
      appId,
      audience || AuthenticationConstants.ToChannelFromBotOAuthScope,
      credential,
    );
  }
}
