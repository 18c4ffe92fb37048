import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  OnBehalfOfCredential,
  type TokenCredential,
} from '@azure/identity';
import { AuthorityMetadataCache } from './authorityMetadataCache';
import type { GraphGatewayOptions } from './options';

type CredentialSettings = Pick<
  GraphGatewayOptions,
  | 'authorityHost'
  | 'tenantId'
  | 'clientId'
  | 'clientSecret'
  | 'certificatePath'
  | 'useManagedIdentity'
  | 'managedIdentityClientId'
>;

/** The public cloud's authority; anything else (a national cloud, the local emulator) is trusted as given. */
const PUBLIC_AUTHORITY = 'login.microsoftonline.com';

/** Authority options for every credential: instance discovery would ask login.microsoftonline.com about it. */
export function authorityOptions(authorityHost: string): {
  authorityHost: string;
  disableInstanceDiscovery?: boolean;
} {
  const known = new URL(authorityHost).hostname.toLowerCase() === PUBLIC_AUTHORITY;
  return known ? { authorityHost } : { authorityHost, disableInstanceDiscovery: true };
}

/**
 * The app's credentials for Graph, built once per client factory: the app-only credential (secret,
 * certificate, or managed identity as a federated credential) is one object, on-behalf-of credentials
 * are one per user token, and all of them share one authority metadata cache and one managed identity.
 */
export class GraphCredentials {
  private readonly metadata = new AuthorityMetadataCache();
  private appCredential?: TokenCredential;
  private managedIdentity?: () => Promise<string>;

  constructor(private readonly s: CredentialSettings) {
    if (!s.useManagedIdentity && !s.certificatePath && !s.clientSecret)
      throw new Error('Graph gateway: set a client secret, a certificate path or managed identity');
  }

  /** What every credential is built with: the authority, and the shared metadata cache. */
  private get common() {
    return { ...authorityOptions(this.s.authorityHost), ...this.metadata.credentialOptions };
  }

  /** The app's own credential, for app-only calls. */
  app(): TokenCredential {
    this.appCredential ??= this.createApp();
    return this.appCredential;
  }

  /** A credential that exchanges the user's SSO token on-behalf-of, with the app's own credential. */
  onBehalfOf(userAssertionToken: string): TokenCredential {
    const { s } = this;
    const common = { tenantId: s.tenantId, clientId: s.clientId, userAssertionToken, ...this.common };
    if (s.useManagedIdentity) return new OnBehalfOfCredential({ ...common, getAssertion: this.assertion() });
    if (s.certificatePath) return new OnBehalfOfCredential({ ...common, certificatePath: s.certificatePath });
    return new OnBehalfOfCredential({ ...common, clientSecret: s.clientSecret! });
  }

  private createApp(): TokenCredential {
    const { s } = this;
    if (s.useManagedIdentity)
      return new ClientAssertionCredential(s.tenantId, s.clientId, this.assertion(), this.common);
    if (s.certificatePath)
      return new ClientCertificateCredential(s.tenantId, s.clientId, s.certificatePath, this.common);
    return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret!, this.common);
  }

  /** The managed identity's token for the federated-credential exchange (never built in tests). */
  private assertion(): () => Promise<string> {
    this.managedIdentity ??= (() => {
      const mi = this.s.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: this.s.managedIdentityClientId })
        : new ManagedIdentityCredential();
      return async () => (await mi.getToken('api://AzureADTokenExchange/.default')).token;
    })();
    return this.managedIdentity;
  }
}
