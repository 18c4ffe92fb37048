import type { TokenIssuer } from '../identity/tokenIssuer';
import { GraphHttpError, type Caller, type Permissions } from './routing';

/**
 * Reads the caller from a bearer token for `audiences` (Graph or Exchange Online), or throws Graph's 401.
 * These resources take v1.0 tokens, as Entra issues them (access token claims reference): `appid` names
 * the client, `idtyp` tells an app-only token (`app`, whose `oid` is the service principal) from a
 * delegated one (`user`, whose `oid` is the signed-in user), `scp` / `roles` carry the permissions.
 */
export function callerFromAuthorization(
  header: string | undefined,
  issuer: TokenIssuer,
  audiences: string[],
): Caller {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  let claims;
  try {
    claims = issuer.verify(token, audiences);
  } catch (e) {
    // Graph's words for an expired token (seen in its 401 answers; u: not in the reference docs).
    if (e instanceof Error && e.name === 'TokenExpiredError')
      throw new GraphHttpError(
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
      );
    const reason = e instanceof Error ? e.message : 'invalid token';
    throw new GraphHttpError(401, 'InvalidAuthenticationToken', `Access token validation failure. ${reason}`);
  }
  if (claims.ver !== '1.0') {
    throw new GraphHttpError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid token version.',
    );
  }
  const isApp = claims.idtyp === 'app' || !claims.scp;
  return {
    kind: isApp ? 'app' : 'user',
    tenantId: claims.tid,
    appId: claims.appid ?? '',
    userId: isApp ? undefined : claims.oid,
    scopes: (claims.scp ?? '').split(' ').filter(Boolean),
    roles: claims.roles ?? [],
    amr: claims.amr ?? [],
    acrs: claims.acrs ?? [],
  };
}

/** Whether the caller holds one of the route's permissions for its kind (delegated vs application). */
export function isPermitted(permissions: Permissions, caller: Caller): boolean {
  const needed = (caller.kind === 'user' ? permissions.delegated : permissions.application) ?? [];
  const granted = caller.kind === 'user' ? caller.scopes : caller.roles;
  return needed.some((p) => granted.includes(p));
}

/** Graph's 403 for a caller without the permission. */
export function accessDenied(): GraphHttpError {
  return new GraphHttpError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}
