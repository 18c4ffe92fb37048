import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The audience of the bot's outbound token (scope https://api.botframework.com/.default). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Checks the bearer token the bot sends to the connector, as the real connector does: signed by the Entra
 * authority (keys found through its OpenID metadata, over HTTP, like any relying party), issued for the
 * Bot Framework audience, to the bot's own app id. Answers why a token is refused, or undefined.
 */
export class BotTokenVerifier {
  private keys?: Promise<{ issuer: string; byKid: Map<string, KeyObject> }>;

  /** `authority` is e.g. https://localhost:PORT/<tenantId>. */
  constructor(
    private readonly authority: string,
    private readonly botAppId: string,
  ) {}

  async refusal(authorization: string | undefined): Promise<string | undefined> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return 'No bearer token.';
    const kid = jwt.decode(token, { complete: true })?.header.kid;
    const { issuer, byKid } = await this.load();
    const key = kid ? byKid.get(kid) : undefined;
    if (!key) return 'The token is not signed by a key of the authority.';
    try {
      const claims = jwt.verify(token, key, {
        algorithms: ['RS256'],
        issuer,
        audience: CONNECTOR_AUDIENCE,
      }) as { appid?: string; azp?: string };
      const appId = claims.appid ?? claims.azp;
      return appId?.toLowerCase() === this.botAppId.toLowerCase() ? undefined : `Token for app '${appId}'.`;
    } catch (err) {
      return (err as Error).message;
    }
  }

  private load(): Promise<{ issuer: string; byKid: Map<string, KeyObject> }> {
    this.keys ??= (async () => {
      const metadata = (await getJson(`${this.authority}/v2.0/.well-known/openid-configuration`)) as {
        issuer: string;
        jwks_uri: string;
      };
      const jwks = (await getJson(metadata.jwks_uri)) as { keys: (JsonWebKey & { kid: string })[] };
      const byKid = new Map(jwks.keys.map((k) => [k.kid, createPublicKey({ key: k, format: 'jwk' })]));
      return { issuer: metadata.issuer, byKid };
    })();
    // A failed load must not stick: the next call tries again.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.json();
}
