import type { HttpHandler } from './http';
import { jsonBody } from './http';
import { graphErrorBody } from './errors';
import type { GraphPipeline } from './pipeline';
import type { GraphVersion } from './routing';
import { randomUUID } from 'node:crypto';

const METADATA =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">' +
  '<edmx:DataServices><Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm"/></edmx:DataServices></edmx:Edmx>';

/** Serves `/v1.0/...` and `/beta/...` through the Graph pipeline. */
export function graphHandler(pipeline: GraphPipeline): HttpHandler {
  return async (req) => {
    const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(req.url.pathname);
    if (!m) return undefined;
    // $metadata is anonymous in Graph; a short CSDL stub is enough for readiness probes.
    if (m[2] === '/$metadata' && req.method === 'GET') {
      return { status: 200, headers: { 'Content-Type': 'application/xml' }, text: METADATA };
    }
    let body: unknown;
    try {
      body = jsonBody(req);
    } catch {
      const ids = {
        requestId: randomUUID(),
        clientRequestId: req.headers['client-request-id'] ?? randomUUID(),
      };
      return {
        status: 400,
        body: graphErrorBody(
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          ids,
        ),
      };
    }
    const reply = await pipeline.handle({
      method: req.method,
      version: m[1]!.toLowerCase() as GraphVersion,
      path: m[2] ?? '/',
      query: req.url.searchParams,
      headers: req.headers,
      body,
      origin: req.origin,
      inBatch: false,
    });
    return {
      status: reply.status,
      headers: reply.headers,
      body: reply.status === 204 ? undefined : reply.body,
    };
  };
}
