import { ClientSecretCredential, OnBehalfOfCredential, type TokenCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';

/** The real app-only credential against the emulator's authority. */
export function appCredential(
  emu: Emulator,
  secret = emu.clientSecret,
  clientId = emu.clientId,
): ClientSecretCredential {
  return new ClientSecretCredential(emu.tenantId, clientId, secret, {
    authorityHost: emu.url,
    disableInstanceDiscovery: true,
  });
}

/** The real on-behalf-of credential for a user of the demo tenant. */
export function oboCredential(
  emu: Emulator,
  alias: string,
  opts: { mfa?: boolean } = {},
): OnBehalfOfCredential {
  // disableInstanceDiscovery is honoured at runtime but missing from the OBO options type.
  const authority = { authorityHost: emu.url, disableInstanceDiscovery: true };
  return new OnBehalfOfCredential({
    tenantId: emu.tenantId,
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    userAssertionToken: emu.tokens.userAssertion(alias, opts),
    ...authority,
  });
}

/** The real Graph JS client, with retries off so tests see 429/503 answers themselves. */
export function graphClient(
  emu: Emulator,
  credential: TokenCredential,
  version: 'v1.0' | 'beta' = 'v1.0',
): Client {
  return Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] }),
    baseUrl: `${emu.url}/`,
    defaultVersion: version,
    customHosts: new Set(['localhost']),
  });
}

/** A raw answer; the body is loosely typed so tests can assert on any Graph shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawAnswer = { status: number; headers: Headers; body: any };

/** A raw HTTPS call to the emulator (for shapes the client hides), with an optional bearer token. */
export async function rawCall(
  emu: Emulator,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/** An app-only Graph (or Exchange) token from the real credential. */
export async function appToken(emu: Emulator, scope = GRAPH_SCOPE): Promise<string> {
  return (await appCredential(emu).getToken(scope))!.token;
}

/** Starts an emulator for a test file; stop it in `after`. */
export function useEmulator(opts: EmulatorOptions = {}): { emu: () => Emulator } {
  let emu: Emulator | undefined;
  before(async () => {
    emu = await startEmulator(opts);
  });
  after(async () => {
    await emu?.stop();
  });
  return { emu: () => emu! };
}
