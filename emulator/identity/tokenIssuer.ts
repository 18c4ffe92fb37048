import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { DirectoryView } from '../graph/routing';
import type { AppRegistry, RegisteredApp } from './apps';
import { SigningKey } from './signingKey';

/** Resource audiences the authority issues tokens for. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const EXCHANGE_AUDIENCE = 'https://outlook.office365.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const TOKEN_LIFETIME_S = 3600;

/** The claims the emulator puts in (and reads from) its tokens. */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  azp?: string;
  idtyp?: 'app' | 'user';
  oid?: string;
  sub?: string;
  upn?: string;
  name?: string;
  preferred_username?: string;
  scp?: string;
  roles?: string[];
  amr?: string[];
  acrs?: string[];
  exp?: number;
  iat?: number;
}

/** Options for a Teams-SSO-style user token. */
export interface UserAssertionOptions {
  /** The user completed MFA in this session (adds `mfa` to `amr`). */
  mfa?: boolean;
  /** Authentication contexts already satisfied. */
  acrs?: string[];
}

/**
 * Mints and verifies the emulated authority's RS256 tokens. Lifetimes follow the real wall clock, not
 * the emulator's Clock: token caches in @azure/identity compare against real time.
 */
export class TokenIssuer {
  readonly key = new SigningKey();
  readonly issuer: string;

  constructor(
    readonly tenantId: string,
    origin: string,
    readonly apps: AppRegistry,
    private readonly directory: DirectoryView,
    /** Client id the bot's SSO tokens are issued to (their audience). */
    readonly botAppId: string,
  ) {
    this.issuer = `${origin}/${tenantId}/v2.0`;
  }

  private sign(claims: Omit<TokenClaims, 'iss' | 'tid'>): string {
    const body = { ...claims, iss: this.issuer, tid: this.tenantId, ver: '2.0', uti: randomUUID() };
    return jwt.sign(body, this.key.privateKeyPem, {
      algorithm: 'RS256',
      keyid: this.key.kid,
      expiresIn: TOKEN_LIFETIME_S,
      notBefore: -300,
    });
  }

  /** An app-only token for `audience` carrying the app's application permissions. */
  appToken(app: RegisteredApp, audience: string): string {
    const roles = audience === EXCHANGE_AUDIENCE ? app.exchangeRoles : app.graphRoles;
    return this.sign({
      aud: audience,
      appid: app.clientId,
      azp: app.clientId,
      idtyp: 'app',
      oid: app.clientId,
      sub: app.clientId,
      roles,
    });
  }

  /** A user's SSO token for the bot's app (what Teams SSO / the token service hands the bot). */
  userAssertion(aliasOrId: string, opts: UserAssertionOptions = {}): string {
    const user = this.directory.userById(aliasOrId) ?? this.directory.userByAlias(aliasOrId);
    if (!user) throw new Error(`no user '${aliasOrId}' in the emulated tenant`);
    return this.sign({
      aud: this.botAppId,
      appid: this.botAppId,
      azp: this.botAppId,
      idtyp: 'user',
      oid: user.id,
      sub: user.id,
      upn: user.userPrincipalName,
      preferred_username: user.userPrincipalName,
      name: user.displayName,
      scp: 'access_as_user',
      amr: opts.mfa ? ['pwd', 'mfa'] : ['pwd'],
      acrs: opts.acrs ?? [],
    });
  }

  /** A delegated Graph token for the user of `assertion`, obtained on-behalf-of by `app`. */
  delegatedToken(app: RegisteredApp, assertion: TokenClaims, acrs: string[]): string {
    return this.sign({
      aud: GRAPH_AUDIENCE,
      appid: app.clientId,
      azp: app.clientId,
      idtyp: 'user',
      oid: assertion.oid,
      sub: assertion.sub,
      upn: assertion.upn,
      name: assertion.name,
      preferred_username: assertion.preferred_username,
      scp: app.delegatedScopes.join(' '),
      amr: assertion.amr ?? ['pwd'],
      acrs,
    });
  }

  /** Verifies signature, issuer, expiry and audience; throws with a reason when the token is bad. */
  verify(token: string, audiences: string[]): TokenClaims {
    const claims = jwt.verify(token, this.key.publicKeyPem, {
      algorithms: ['RS256'],
      issuer: this.issuer,
    }) as TokenClaims;
    const aud = claims.aud === GRAPH_APP_ID ? GRAPH_AUDIENCE : claims.aud;
    if (!audiences.includes(aud)) throw new Error(`Invalid audience '${claims.aud}'.`);
    if (claims.tid !== this.tenantId) throw new Error('The token is for another tenant.');
    return claims;
  }
}
