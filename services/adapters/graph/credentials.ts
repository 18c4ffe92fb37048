import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  OnBehalfOfCredential,
  type TokenCredential,
} from '@azure/identity';
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

/** The managed identity's token for the federated-credential exchange (never built in tests). */
function managedIdentityAssertion(s: CredentialSettings): () => Promise<string> {
  const mi = s.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: s.managedIdentityClientId })
    : new ManagedIdentityCredential();
  return async () => {
    const token = await mi.getToken('api://AzureADTokenExchange/.default');
    return token.token;
  };
}

/** The app's own credential, for app-only calls: secret, certificate, or managed identity. */
export function createAppCredential(s: CredentialSettings): TokenCredential {
  const auth = authorityOptions(s.authorityHost);
  if (s.useManagedIdentity) {
    return new ClientAssertionCredential(s.tenantId, s.clientId, managedIdentityAssertion(s), auth);
  }
  if (s.certificatePath) {
    return new ClientCertificateCredential(s.tenantId, s.clientId, s.certificatePath, auth);
  }
  if (s.clientSecret) return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret, auth);
  throw new Error('Graph gateway: set a client secret, a certificate path or managed identity');
}

/** A credential that exchanges the user's SSO token on-behalf-of, with the app's own credential. */
export function createOboCredential(s: CredentialSettings, userAssertionToken: string): TokenCredential {
  const common = {
    tenantId: s.tenantId,
    clientId: s.clientId,
    userAssertionToken,
    ...authorityOptions(s.authorityHost),
  };
  if (s.useManagedIdentity) {
    return new OnBehalfOfCredential({ ...common, getAssertion: managedIdentityAssertion(s) });
  }
  if (s.certificatePath) return new OnBehalfOfCredential({ ...common, certificatePath: s.certificatePath });
  if (s.clientSecret) return new OnBehalfOfCredential({ ...common, clientSecret: s.clientSecret });
  throw new Error('Graph gateway: set a client secret, a certificate path or managed identity');
}
