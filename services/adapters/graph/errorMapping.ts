import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  ForbiddenError,
  GatewayError,
  GraphRequestError,
  GraphUnavailableError,
  MfaRequiredError,
  NotFoundError,
  SignInRequiredError,
  ThrottledError,
} from '../../ports/graphErrors';
import { authError } from './authErrors';
import { policyError, policyErrorFromMessage } from './policyErrors';
import { retryAfterMs } from './retryPolicy';

/** When Graph throttles without saying how long to wait. */
const DEFAULT_RETRY_AFTER_MS = 10_000;

/** An HTTP error answer, as the Graph client or the batch helper saw it. */
export interface HttpFailure {
  status: number;
  code?: string;
  message: string;
  headers?: Headers;
}

/** Turns anything a Graph call threw into a domain error (GatewayError), or returns it unchanged. */
export function toDomainError(err: unknown, delegated: boolean): unknown {
  if (err instanceof GatewayError) return err;
  const auth = authError(err, delegated);
  if (auth) return auth;
  if (err instanceof GraphError) {
    if (err.statusCode > 0) {
      return fromHttp(
        { status: err.statusCode, code: err.code ?? undefined, message: err.message, headers: err.headers },
        delegated,
      );
    }
    // No HTTP answer at all: the network or TLS failed before Graph could reply.
    return new GraphUnavailableError(
      `Graph could not be reached: ${err.message}`,
      undefined,
      err.code ?? undefined,
    );
  }
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) {
    return new GraphUnavailableError(`Graph could not be reached: ${err.message}`);
  }
  return err;
}

/** Maps one HTTP error answer to a domain error. */
export function fromHttp(f: HttpFailure, delegated: boolean): GatewayError {
  const code = f.code ?? '';
  const message = f.message || `Graph answered ${f.status}`;
  const policy = code ? policyError(code, message) : undefined;
  if (policy) return policy;
  if (f.status === 401) {
    const claims = claimsChallenge(f.headers);
    if (claims) return new MfaRequiredError(message, claims, code);
    return delegated
      ? new SignInRequiredError(message, code)
      : new GraphRequestError(`App authentication refused: ${message}`, 401, code);
  }
  if (f.status === 403) return new ForbiddenError(message, code);
  if (f.status === 404) return new NotFoundError(message, code);
  if (f.status === 409 || f.status === 412) return new ConflictError(message, code);
  if (f.status === 429) {
    return new ThrottledError(message, retryAfterMs(f.headers) ?? DEFAULT_RETRY_AFTER_MS, code);
  }
  if (f.status >= 500) return new GraphUnavailableError(message, f.status, code);
  if (f.status === 400)
    return policyErrorFromMessage(code, message) ?? new GraphRequestError(message, 400, code);
  return new GraphRequestError(message, f.status, code);
}

/** The claims challenge of a 401 (continuous access evaluation): `WWW-Authenticate: Bearer …, claims="<base64>"`. */
function claimsChallenge(headers: Headers | undefined): string | undefined {
  const header = headers?.get('WWW-Authenticate');
  const b64 = header ? /claims="([^"]+)"/.exec(header)?.[1] : undefined;
  return b64 ? Buffer.from(b64, 'base64').toString('utf8') : undefined;
}
