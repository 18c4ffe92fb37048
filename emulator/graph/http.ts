import type { IncomingMessage, ServerResponse } from 'node:http';

/** An incoming HTTP request, read fully. */
export interface HttpIn {
  method: string;
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  rawBody: string;
  /** https://host:port as the caller addressed the server. */
  origin: string;
}

/** An answer: a JSON body unless `text` is set. */
export interface HttpOut {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
}

/** A handler for one part of the emulator; undefined means "not mine". */
export type HttpHandler = (req: HttpIn) => Promise<HttpOut | undefined> | HttpOut | undefined;

/** Reads method, URL, headers and body of a Node request. */
export async function readRequest(req: IncomingMessage, fallbackOrigin: string): Promise<HttpIn> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const origin = headers.host ? `https://${headers.host}` : fallbackOrigin;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', origin),
    headers,
    rawBody: Buffer.concat(chunks).toString('utf8'),
    origin,
  };
}

/** Parses a JSON body; undefined when empty, a SyntaxError when malformed. */
export function jsonBody(req: HttpIn): unknown {
  return req.rawBody.trim() ? (JSON.parse(req.rawBody) as unknown) : undefined;
}

/** Writes an answer. */
export function writeResponse(res: ServerResponse, out: HttpOut): void {
  const headers: Record<string, string> = { ...out.headers };
  let payload = '';
  if (out.text !== undefined) payload = out.text;
  else if (out.body !== undefined) {
    payload = JSON.stringify(out.body);
    headers['Content-Type'] ??=
      'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
