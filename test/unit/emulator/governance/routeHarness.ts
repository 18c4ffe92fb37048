import type {
  Caller,
  GraphRequest,
  GraphResult,
  GraphVersion,
  RouteDef,
} from '../../../../emulator/graph/routing';
import { GraphHttpError } from '../../../../emulator/graph/routing';

export interface CallOptions {
  caller: Caller;
  body?: unknown;
  version?: GraphVersion;
}

/**
 * Calls a module's route table the way the HTTP core does (match, permission check, handler), without
 * HTTP: for route-level unit tests. Errors come back as results with Graph's error body.
 */
export async function call(
  routes: RouteDef[],
  method: GraphRequest['method'],
  url: string,
  opts: CallOptions,
): Promise<GraphResult> {
  const version = opts.version ?? 'v1.0';
  const [path = '', qs = ''] = url.split('?');
  for (const route of routes) {
    if (route.method !== method || !(route.versions ?? ['v1.0']).includes(version)) continue;
    const params = match(route.path, path);
    if (!params) continue;
    const granted = opts.caller.kind === 'user' ? opts.caller.scopes : opts.caller.roles;
    const needed =
      (opts.caller.kind === 'user' ? route.permissions.delegated : route.permissions.application) ?? [];
    if (!needed.some((p) => granted.includes(p)))
      return { status: 403, body: { error: { code: 'Authorization_RequestDenied' } } };
    const req: GraphRequest = {
      method,
      version,
      path,
      params,
      query: new URLSearchParams(qs),
      headers: { host: 'graph.test' },
      body: opts.body,
      caller: opts.caller,
    };
    try {
      return await route.handler(req);
    } catch (e) {
      if (e instanceof GraphHttpError)
        return { status: e.status, body: { error: { code: e.code, message: e.message } } };
      throw e;
    }
  }
  return { status: 404, body: { error: { code: 'UnknownRoute' } } };
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return undefined;
  }
  return params;
}

/** A loose JSON value, for assertions on answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** The body of a result as a loose record, for assertions. */
export function json(result: GraphResult): Json {
  return result.body as Json;
}
