import { createHash, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { DirectoryView, EmulatedUser } from '../graph/routing';
import type { AppRegistry, RegisteredApp } from './apps';
import { SigningKey } from './signingKey';
import type { TokenClaims, UserAssertionOptions } from './tokenClaims';
export type { TokenClaims, UserAssertionOptions } from './tokenClaims';

/** Resource audiences the authority issues tokens for, as their app ID URIs. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const EXCHANGE_AUDIENCE = 'https://outlook.office365.com';
/** The same resources by application id: a token's `aud` is whichever form the client asked for. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
const BY_APP_ID: Record<string, string> = {
  [GRAPH_APP_ID]: GRAPH_AUDIENCE,
  [EXCHANGE_APP_ID]: EXCHANGE_AUDIENCE,
};
const TOKEN_LIFETIME_S = 3600;

/**
 * Mints and verifies the emulated authority's RS256 tokens. Tokens for Microsoft's own resources (Graph,
 * Exchange Online) are v1.0 tokens, as Entra issues them: issuer https://sts.windows.net/{tid}/, `appid`,
 * `upn`, `ver: "1.0"` (Microsoft identity platform, "Access token claims reference"). Tokens for the
 * bot's own API (Teams SSO) and the Bot Framework are v2.0. Lifetimes follow the real wall clock, not the
 * emulator's Clock: token caches in @azure/identity compare against real time.
 */
export class TokenIssuer {
  readonly key = new SigningKey();
  /** The v2.0 issuer, as the OpenID metadata names it. */
  readonly issuer: string;
  /** The v1.0 issuer of Graph and Exchange tokens. */
  readonly v1Issuer: string;

  constructor(
    readonly tenantId: string,
    origin: string,
    readonly apps: AppRegistry,
    private readonly directory: DirectoryView,
    /** Client id the bot's SSO tokens are issued to (their audience). */
    readonly botAppId: string,
  ) {
    this.issuer = `${origin}/${tenantId}/v2.0`;
    this.v1Issuer = `https://sts.windows.net/${tenantId}/`;
  }

  private sign(claims: Omit<TokenClaims, 'iss' | 'tid'>, lifetimeS = TOKEN_LIFETIME_S): string {
    const v1 = isV1Resource(claims.aud);
    const body = {
      ...claims,
      iss: v1 ? this.v1Issuer : this.issuer,
      tid: this.tenantId,
      ver: v1 ? '1.0' : '2.0',
      uti: randomUUID(),
      // v1.0 tokens say how the client authenticated: "1" = client secret (access token claims reference).
      ...(v1 ? { tenant_region_scope: 'EU', appidacr: '1' } : {}),
    };
    return jwt.sign(body, this.key.privateKeyPem, {
      algorithm: 'RS256',
      keyid: this.key.kid,
      expiresIn: lifetimeS,
      notBefore: -300,
    });
  }

  /** An app-only token for `audience`: roles, `idtyp: app`, `oid`/`sub` the service principal's id. */
  appToken(app: RegisteredApp, audience: string): string {
    const roles =
      (BY_APP_ID[audience] ?? audience) === EXCHANGE_AUDIENCE ? app.exchangeRoles : app.graphRoles;
    return this.sign({
      aud: audience,
      // The Bot Framework token stays v2.0 for the connector stand-in, which also reads `appid`.
      ...(isV1Resource(audience)
        ? { appid: app.clientId, app_displayname: app.displayName }
        : { azp: app.clientId, appid: app.clientId }),
      idtyp: 'app',
      oid: app.servicePrincipalId,
      sub: app.servicePrincipalId,
      roles,
    });
  }

  /** The directory user for an alias or object id; throws when there is none. */
  user(aliasOrId: string): EmulatedUser {
    const user = this.directory.userById(aliasOrId) ?? this.directory.userByAlias(aliasOrId);
    if (!user) throw new Error(`no user '${aliasOrId}' in the emulated tenant`);
    return user;
  }

  /** A user's SSO token for the bot's app (what Teams SSO / the token service hands the bot). */
  userAssertion(aliasOrId: string, opts: UserAssertionOptions = {}, lifetimeS?: number): string {
    const user = this.user(aliasOrId);
    return this.sign(
      {
        aud: this.botAppId,
        azp: this.botAppId,
        idtyp: 'user',
        oid: user.id,
        sub: pairwiseSub(user.id, this.botAppId),
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        scp: 'access_as_user',
        amr: opts.mfa ? ['pwd', 'mfa'] : ['pwd'],
        ...(opts.acrs?.length ? { acrs: opts.acrs } : {}),
      },
      lifetimeS,
    );
  }

  /** A delegated v1.0 token for `audience` (Graph), obtained on-behalf-of the user of `assertion`. */
  delegatedToken(app: RegisteredApp, assertion: TokenClaims, audience: string, acrs: string[]): string {
    const upn = assertion.upn ?? assertion.preferred_username;
    return this.sign({
      aud: audience,
      appid: app.clientId,
      app_displayname: app.displayName,
      idtyp: 'user',
      oid: assertion.oid,
      sub: pairwiseSub(assertion.oid ?? '', app.clientId),
      upn,
      unique_name: upn,
      name: assertion.name,
      scp: app.delegatedScopes.join(' '),
      amr: assertion.amr ?? ['pwd'],
      ...(acrs.length ? { acrs } : {}),
    });
  }

  /** Verifies signature, issuer, expiry and audience; throws with a reason when the token is bad. */
  verify(token: string, audiences: string[]): TokenClaims {
    const claims = jwt.verify(token, this.key.publicKeyPem, {
      algorithms: ['RS256'],
      issuer: [this.issuer, this.v1Issuer],
    }) as TokenClaims;
    const aud = BY_APP_ID[claims.aud] ?? claims.aud;
    if (!audiences.includes(aud)) throw new Error(`Invalid audience '${claims.aud}'.`);
    if (claims.tid !== this.tenantId) throw new Error('The token is for another tenant.');
    return claims;
  }
}

/** Microsoft's own resources accept v1.0 tokens only (their apps' accessTokenAcceptedVersion is 1). */
function isV1Resource(aud: string): boolean {
  const resource = BY_APP_ID[aud] ?? aud;
  return resource === GRAPH_AUDIENCE || resource === EXCHANGE_AUDIENCE;
}

/** `sub` is pairwise: the same user has a different `sub` for each app (claims reference). */
function pairwiseSub(userId: string, appId: string): string {
  return createHash('sha256').update(`${userId}:${appId}`).digest('base64url').slice(0, 43);
}
