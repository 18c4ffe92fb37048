import { AuthenticationError } from 'botframework-connector';

/** Why an inbound request was not authenticated, and the HTTP status it gets. */
export interface AuthRefusal {
  /** 401 for the caller's token; 503 when the channel's signing keys could not be read (retry later). */
  status: 401 | 503;
  /** A stable word for logs and alerts: expired, badSignature, audience, … */
  reason: string;
  /** The library's message, shortened, with anything shaped like a JWT removed. */
  detail: string;
}

// botbuilder (botframework-connector auth) and jsonwebtoken messages, most specific first.
const REASONS: [RegExp, string][] = [
  [/expired/i, 'expired'],
  [/jwt not active|NotBefore/i, 'notYetValid'],
  [/invalid signature/i, 'badSignature'],
  [/algorithm|signature is required/i, 'badAlgorithm'],
  [/malformed|invalid token|unexpected token/i, 'malformed'],
  [/Signing Key could not be retrieved/i, 'unknownKey'],
  [/Invalid AppId|audience/i, 'audience'],
  [/ServiceUrl claim/i, 'serviceUrl'],
  [/endorsement/i, 'endorsement'],
  [/not authorized|authHeader/i, 'noValidToken'],
];

const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.?[\w-]*/g;

/**
 * Classifies an error thrown by botbuilder's authenticateRequest. Everything is a 401 (fail closed)
 * except a failure to fetch the channel's OpenID metadata or keys, which is ours, not the caller's.
 */
export function authRefusal(err: unknown): AuthRefusal {
  const e = err instanceof Error ? err : new Error(String(err));
  const detail = `${e.name}: ${e.message}`.replace(JWT_LIKE, '[jwt]').slice(0, 200);
  const keysUnavailable =
    (e instanceof AuthenticationError && e.statusCode >= 500) ||
    e.name === 'FetchError' ||
    /^E[A-Z]+$/.test(String((e as { code?: unknown }).code ?? ''));
  if (keysUnavailable) return { status: 503, reason: 'keysUnavailable', detail };
  const reason = REASONS.find(([pattern]) => pattern.test(`${e.name} ${e.message}`))?.[1] ?? 'refused';
  return { status: 401, reason, detail };
}
