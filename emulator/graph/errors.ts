/** Ids Graph stamps on every answer: `request-id` is the server's, `client-request-id` echoes the caller's. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Graph's error body: `{error:{code,message,innerError:{date,request-id,client-request-id}}}`. */
export function graphErrorBody(
  code: string,
  message: string,
  ids: RequestIds,
  extra: Record<string, unknown> = {},
): { error: Record<string, unknown> } {
  return {
    error: {
      code,
      message,
      ...extra,
      innerError: {
        // Graph writes the date without a zone or milliseconds.
        date: new Date().toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}
