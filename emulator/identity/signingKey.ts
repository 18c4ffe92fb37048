import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';

/** The authority's RS256 signing key, generated per emulator run, and its public JWK. */
export class SigningKey {
  readonly kid = randomUUID();
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  private readonly jwk: JsonWebKey;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.jwk = publicKey.export({ format: 'jwk' });
  }

  /** The JWKS document, shaped like Entra's `discovery/v2.0/keys`. */
  jwks(issuer: string): { keys: Record<string, unknown>[] } {
    return {
      keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, x5t: this.kid, n: this.jwk.n, e: this.jwk.e, issuer }],
    };
  }
}
