import {
  GraphRequestError,
  GraphUnavailableError,
  MfaRequiredError,
  SignInRequiredError,
  type GatewayError,
} from '../../ports/graphErrors';

/** What @azure/identity and MSAL errors carry, read loosely (they are not exported as stable types). */
interface IdentityErrorLike {
  name?: string;
  message?: string;
  statusCode?: number;
  errorCode?: string;
  claims?: string;
  errorResponse?: { error?: string; errorDescription?: string };
  cause?: unknown;
}

const IDENTITY_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'InteractionRequiredAuthError',
  'ServerError',
  'ClientAuthError',
]);
const NETWORK_CODES = new Set([
  'network_error',
  'endpoints_resolution_error',
  'openid_config_error',
  'no_network_connectivity',
]);
const USER_CODES = new Set(['invalid_grant', 'interaction_required', 'login_required', 'consent_required']);

/**
 * Maps a token acquisition failure to a domain error: a user whose token expired or who must pass MFA
 * signs in again; an unreachable authority is an outage; a wrong secret is a setup error.
 */
export function authError(err: unknown, delegated: boolean): GatewayError | undefined {
  const e = err as IdentityErrorLike | undefined;
  if (!e || typeof e !== 'object' || !IDENTITY_ERRORS.has(e.name ?? '')) return undefined;
  const inner = (e.cause && typeof e.cause === 'object' ? e.cause : e) as IdentityErrorLike;
  const code = inner.errorCode ?? e.errorResponse?.error ?? '';
  const message = e.message ?? 'token request failed';
  if (inner.claims) return new MfaRequiredError(message, inner.claims, code);
  if (e.name === 'CredentialUnavailableError' || NETWORK_CODES.has(code)) {
    return new GraphUnavailableError(`Sign-in service unreachable: ${message}`, undefined, code);
  }
  if ((e.statusCode ?? 0) >= 500 || code === 'temporarily_unavailable') {
    return new GraphUnavailableError(`Sign-in service unavailable: ${message}`, e.statusCode, code);
  }
  if (
    delegated &&
    (USER_CODES.has(code) ||
      e.name === 'AuthenticationRequiredError' ||
      inner.name === 'InteractionRequiredAuthError')
  ) {
    return new SignInRequiredError(message, code);
  }
  return new GraphRequestError(`Token request refused: ${message}`, e.statusCode ?? 401, code || undefined);
}
