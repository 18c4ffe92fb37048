import type { GraphRequest } from '../../routing';
import { GraphHttpError } from '../../routing';

const FN = /^filterByCurrentUser\(on='(\w+)'\)$/;

/**
 * Reads `filterByCurrentUser(on='x')` from a path segment (decoded or not): the routers see it as an
 * id segment, so handlers ask here first. Returns undefined when the segment is an ordinary id.
 */
export function currentUserFilter(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // keep the raw segment
  }
  return FN.exec(s)?.[1];
}

/** The signed-in user's id; filterByCurrentUser and self-service actions refuse app-only tokens. */
export function signedInUser(req: GraphRequest): string {
  if (req.caller.kind !== 'user' || !req.caller.userId) {
    throw new GraphHttpError(
      403,
      'Forbidden',
      'This operation is only supported for delegated (signed-in user) tokens; application permissions are not supported.',
    );
  }
  return req.caller.userId;
}

/** Checks `on` against the values a function supports (400 otherwise, as Graph rejects unknown enum members). */
export function checkOn(on: string, allowed: string[]): void {
  if (!allowed.includes(on)) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `The value '${on}' is not valid for parameter 'on'. Allowed: ${allowed.join(', ')}.`,
    );
  }
}

/** The request body as an object (400 when it is not one). */
export function bodyObject(req: GraphRequest): Record<string, unknown> {
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new GraphHttpError(400, 'BadRequest', 'The request body must be a JSON object.');
  }
  return req.body as Record<string, unknown>;
}
