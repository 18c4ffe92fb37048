import type { HttpOut } from '../graph/http';
import { aadError } from './aadErrors';

/**
 * The emulated tenant's Conditional Access: one policy requires MFA for every authentication context
 * (c1…c99) and for any request that asks for `amr: mfa`; a challenge names it in `capolids`.
 */
export const STEP_UP_POLICY_ID = 'd3b9f5b2-6c1e-4d8a-9f0e-5a7c2b1e8f40';

/** What a `claims` request parameter asks of the user's sign-in session. */
export interface ClaimsRequest {
  /** The session must have passed multi-factor authentication. */
  mfa: boolean;
  /** Authentication contexts the token must carry in `acrs`. */
  acrs: string[];
}

/** What the session a token came from did: its `amr` and `acrs`. */
export interface SessionAuth {
  amr?: string[];
  acrs?: string[];
}

type ClaimValue = { essential?: boolean; value?: string; values?: string[] };
type ClaimSet = Record<string, ClaimValue | null | undefined>;

function valuesOf(c: ClaimValue | null | undefined): string[] {
  if (!c || typeof c !== 'object') return [];
  return [...(Array.isArray(c.values) ? c.values : []), ...(typeof c.value === 'string' ? [c.value] : [])];
}

/**
 * Reads the OpenID Connect `claims` parameter (Microsoft identity platform, "Claims challenges, claims
 * requests and client capabilities"): `acrs`, `amr` and a policy challenge's `capolids`/`polids`. Client
 * capabilities (`xms_cc`) and CAE's `nbf` ask nothing of the session. Malformed JSON is AADSTS90014.
 */
export function parseClaimsRequest(claims: string | undefined): ClaimsRequest | HttpOut {
  if (!claims?.trim()) return { mfa: false, acrs: [] };
  let parsed: Record<string, ClaimSet | undefined>;
  try {
    parsed = JSON.parse(claims) as Record<string, ClaimSet | undefined>;
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
  } catch {
    return aadError(400, 'invalid_request', 90014, "The 'claims' parameter is not valid JSON.");
  }
  const sets = [parsed.access_token, parsed.id_token].filter(
    (s): s is ClaimSet => !!s && typeof s === 'object',
  );
  const acrs = [...new Set(sets.flatMap((s) => valuesOf(s.acrs)))];
  const mfa =
    acrs.length > 0 ||
    sets.some((s) => valuesOf(s.amr).includes('mfa')) ||
    sets.some((s) => valuesOf(s.capolids).length > 0 || valuesOf(s.polids).length > 0);
  return { mfa, acrs };
}

/** Whether a session meets the request: in this tenant, MFA satisfies every policy a request can name. */
export function satisfies(session: SessionAuth, wanted: ClaimsRequest): boolean {
  return !wanted.mfa || (session.amr ?? []).includes('mfa');
}

/** The claims challenge Entra returns with an interaction_required answer (the client signs in with it). */
export function challengeFor(wanted: ClaimsRequest): string {
  const access_token: Record<string, ClaimValue> = {
    capolids: { essential: true, values: [STEP_UP_POLICY_ID] },
  };
  if (wanted.acrs.length > 0) access_token.acrs = { essential: true, values: wanted.acrs };
  return JSON.stringify({ access_token });
}
