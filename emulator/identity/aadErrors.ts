import { randomUUID } from 'node:crypto';
import type { HttpOut } from '../graph/http';

/** An error answer from the token endpoint, shaped like Entra's (`AADSTSnnnn: …`). */
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
      error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
      ...extra,
    },
  };
}
