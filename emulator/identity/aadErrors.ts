import { randomUUID } from 'node:crypto';
import type { HttpOut } from '../graph/http';

/**
 * An error answer from the token endpoint, shaped like Entra's (`AADSTSnnnn: …`): error, error_description,
 * error_codes, timestamp, trace_id, correlation_id, error_uri, and `extra` (suberror, claims).
 */
export function aadError(
  status: number,
  error: string,
  aadsts: number,
  description: string,
  extra: Record<string, unknown> = {},
): HttpOut {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return {
    status,
    body: {
      error,
      // Entra ends the description with CRLF-separated ids (the OBO and consent docs' error examples).
      error_description: `AADSTS${aadsts}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
      ...extra,
    },
  };
}
