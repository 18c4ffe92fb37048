import { GraphHttpError } from '../routing';

/** Encodes a page position as an opaque `$skiptoken` (callers must follow nextLink verbatim). */
export function encodeSkipToken(offset: number): string {
  return 'RFNwdAIA' + Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** Reads a `$skiptoken`; a token the emulator did not issue is a 400, as in Graph. */
export function decodeSkipToken(token: string | null): number {
  if (!token) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(token.slice(8), 'base64url').toString()) as { o: unknown };
    if (token.startsWith('RFNwdAIA') && Number.isInteger(o) && (o as number) >= 0) return o as number;
  } catch {
    // fall through to the 400
  }
  throw new GraphHttpError(400, 'Request_BadRequest', 'Invalid $skiptoken value.');
}

/** The query string with `$skiptoken` set, system options written with a literal `$` as Graph does. */
export function queryWithSkipToken(query: URLSearchParams, offset: number): string {
  const q = new URLSearchParams(query);
  q.set('$skiptoken', encodeSkipToken(offset));
  return [...q]
    .map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(v)}`)
    .join('&');
}
