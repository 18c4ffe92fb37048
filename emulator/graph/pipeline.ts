import { randomUUID } from 'node:crypto';
import type { Logger } from '../../services/logger';
import type { TokenIssuer } from '../identity/tokenIssuer';
import { GRAPH_AUDIENCE } from '../identity/tokenIssuer';
import { accessDenied, callerFromAuthorization, isPermitted } from './auth';
import { graphErrorBody, type RequestIds } from './errors';
import type { Knobs } from './knobs';
import type { RequestLog } from './requestLog';
import type { RouteTable } from './routeTable';
import type { GraphCall, GraphReply } from './graphCall';
export type { GraphCall, GraphReply } from './graphCall';
import { GraphHttpError, type Caller, type GraphRequest, type GraphResult } from './routing';

/** Runs a $batch body through the pipeline (see batch.ts). */
export type BatchRunner = (call: GraphCall, pipeline: GraphPipeline) => Promise<unknown>;

const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

/** Graph's request pipeline: auth, throttling, faults, routing, permissions, errors and the log. */
export class GraphPipeline {
  constructor(
    private readonly deps: {
      routes: RouteTable;
      issuer: TokenIssuer;
      knobs: Knobs;
      log: RequestLog;
      logger: Logger;
      batch: BatchRunner;
    },
  ) {}

  async handle(call: GraphCall): Promise<GraphReply> {
    const ids: RequestIds = {
      requestId: randomUUID(),
      clientRequestId: call.headers['client-request-id'] ?? randomUUID(),
    };
    const headers: Record<string, string> = {
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
    };
    let caller: Caller | undefined;
    let reply: GraphReply;
    try {
      caller = callerFromAuthorization(call.headers.authorization, this.deps.issuer, [GRAPH_AUDIENCE]);
      const result = await this.dispatch(call, caller);
      reply = { status: result.status, headers: { ...headers, ...result.headers }, body: result.body };
    } catch (e) {
      reply = this.errorReply(e, ids, headers);
    }
    this.deps.log.record({
      time: new Date(),
      api: 'graph',
      method: call.method,
      path: `/${call.version}${call.path}`,
      query: call.query.toString(),
      status: reply.status,
      appId: caller?.appId,
      userId: caller?.userId,
      inBatch: call.inBatch,
    });
    return reply;
  }

  private async dispatch(call: GraphCall, caller: Caller): Promise<GraphResult> {
    const isBatch = call.path.toLowerCase() === '/$batch';
    if (!isBatch) {
      const wait = this.deps.knobs.takeToken(caller.appId);
      if (wait !== undefined) {
        throw new GraphHttpError(
          429,
          'TooManyRequests',
          'Too many requests. Please retry after the time given in Retry-After.',
          { retryAfter: wait },
        );
      }
    }
    const fault = this.deps.knobs.takeFault(`/${call.version}${call.path}`);
    if (fault) {
      const code =
        fault.code ??
        (fault.status === 429
          ? 'TooManyRequests'
          : fault.status === 503
            ? 'ServiceUnavailable'
            : 'InternalServerError');
      const extra = fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : undefined;
      throw new GraphHttpError(fault.status, code, fault.message ?? 'Injected fault.', extra);
    }
    if (isBatch) {
      if (call.method !== 'POST' || call.inBatch)
        throw new GraphHttpError(400, 'BadRequest', 'Invalid batch request.');
      return { status: 200, body: await this.deps.batch(call, this) };
    }
    if (!METHODS.has(call.method))
      throw new GraphHttpError(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request target.',
      );
    // Graph refuses /me to app-only tokens with 400, before any permission check (auth-concepts.md:
    // /me needs a signed-in user; the answer as reported in msgraph-sdk-php#1163).
    if (caller.kind === 'app' && /^\/me(\/|$)/i.test(call.path)) {
      throw new GraphHttpError(
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    }
    const method = call.method as GraphRequest['method'];
    const match = this.deps.routes.match(method, call.version, call.path);
    if (match.kind === 'noSegment') {
      throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${match.segment}'.`);
    }
    if (match.kind === 'noMethod') {
      // json-batching.md's example answer for a method the target lacks.
      throw new GraphHttpError(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request target.',
      );
    }
    if (!isPermitted(match.route.permissions, caller)) throw accessDenied();
    const req: GraphRequest = {
      method,
      version: call.version,
      path: call.path,
      params: match.params,
      query: call.query,
      headers: call.headers,
      body: call.body,
      caller,
      baseUrl: `${call.origin}/${call.version}`,
    };
    return match.route.handler(req);
  }

  /** Graph's error body; a GraphHttpError's `extra.retryAfter` becomes the Retry-After header. */
  private errorReply(e: unknown, ids: RequestIds, headers: Record<string, string>): GraphReply {
    if (e instanceof GraphHttpError) {
      const { retryAfter, ...extra } = e.extra ?? {};
      const out = { ...headers };
      if (retryAfter !== undefined) out['Retry-After'] = String(retryAfter);
      // Graph's 401s name the authority to get a token from (RFC 6750 challenge; u: exact realm text).
      if (e.status === 401)
        out['WWW-Authenticate'] =
          'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
      return { status: e.status, headers: out, body: graphErrorBody(e.code, e.message, ids, extra) };
    }
    this.deps.logger.error({ err: e }, 'graph emulator: handler failed');
    return {
      status: 500,
      headers,
      body: graphErrorBody('InternalServerError', 'An internal server error occurred.', ids),
    };
  }
}
