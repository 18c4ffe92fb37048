import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpIn, HttpOut } from '../graph/http';
import { jsonBody } from '../graph/http';
import type { Knobs } from '../graph/knobs';
import { decodeSkipToken, queryWithSkipToken } from '../graph/odata/skipToken';
import { applySelect, readSelect } from '../graph/odata/queryOptions';
import type { RequestLog } from '../graph/requestLog';
import { GraphHttpError, type Caller, type GraphRequest } from '../graph/routing';
import { callerFromAuthorization } from '../graph/auth';
import { EXCHANGE_AUDIENCE, type TokenIssuer } from '../identity/tokenIssuer';
import { runCmdlet, type CmdletParameters } from './cmdlets';
import { ExchangeError } from './errors';
import type { ExchangeMailboxes } from './mailboxes';

const PATH = /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/i;
const DEFAULT_PAGE = 1000;

function pageSize(prefer: string | undefined): number {
  const m = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  return m ? Math.max(1, Number(m[1])) : DEFAULT_PAGE;
}

/** The Exchange Online admin REST endpoint (`InvokeCommand`): app-only, Exchange.ManageAsApp. */
export function exchangeHandler(deps: {
  issuer: TokenIssuer;
  mailboxes: ExchangeMailboxes;
  knobs: Knobs;
  log: RequestLog;
  tenantAliases: string[];
}): HttpHandler {
  const tenants = new Set([deps.issuer.tenantId, ...deps.tenantAliases].map((t) => t.toLowerCase()));

  function authorize(req: HttpIn): Caller {
    let caller: Caller;
    try {
      caller = callerFromAuthorization(req.headers.authorization, deps.issuer, [EXCHANGE_AUDIENCE]);
    } catch (e) {
      throw new ExchangeError(
        401,
        'Microsoft.Exchange.Security.Authorization.UnauthorizedAccessException',
        e instanceof Error ? e.message : 'Unauthorized',
      );
    }
    if (caller.kind !== 'app' || !caller.roles.includes('Exchange.ManageAsApp')) {
      throw new ExchangeError(
        403,
        'Microsoft.Exchange.Management.Tasks.ManagementAccessDeniedException',
        "The role assigned to application isn't supported in this scenario.",
      );
    }
    return caller;
  }

  function invoke(req: HttpIn, tenant: string, caller: Caller): HttpOut {
    if (!tenants.has(tenant.toLowerCase()))
      throw new ExchangeError(
        400,
        'Microsoft.Exchange.Data.Directory.InvalidTenantException',
        `Tenant '${tenant}' is not valid.`,
      );
    const wait = deps.knobs.takeToken(`exchange:${caller.appId}`);
    if (wait !== undefined)
      throw Object.assign(
        new ExchangeError(
          429,
          'Microsoft.Exchange.Throttling.ThrottlingException',
          'The request was throttled.',
        ),
        { retryAfter: wait },
      );
    const fault = deps.knobs.takeFault(req.url.pathname);
    if (fault) throw new ExchangeError(fault.status, 'InjectedFault', fault.message ?? 'Injected fault.');
    const input = (
      jsonBody(req) as { CmdletInput?: { CmdletName?: string; Parameters?: CmdletParameters } } | undefined
    )?.CmdletInput;
    if (!input?.CmdletName)
      throw new ExchangeError(
        400,
        'System.ArgumentException',
        'The request body must contain CmdletInput.CmdletName.',
      );
    const rows = runCmdlet(deps.mailboxes, input.CmdletName, input.Parameters ?? {});
    // Paging and $select reuse the Graph OData helpers: same opaque skiptoken, same projection.
    const selectReq = { query: req.url.searchParams } as GraphRequest;
    let skip: number;
    try {
      skip = decodeSkipToken(req.url.searchParams.get('$skiptoken'));
    } catch (e) {
      throw new ExchangeError(
        400,
        'System.ArgumentException',
        e instanceof GraphHttpError ? e.message : 'Invalid $skiptoken.',
      );
    }
    const size = pageSize(req.headers.prefer);
    const body: Record<string, unknown> = {
      '@odata.context': `${req.origin}/adminapi/beta/${tenant}/$metadata#Collection(Exchange.GenericHashTable)`,
      'adminapi.warnings': [],
    };
    body.value = rows.slice(skip, skip + size).map((r) => applySelect(r, readSelect(selectReq)));
    if (skip + size < rows.length) {
      body['@odata.nextLink'] =
        `${req.origin}${req.url.pathname}?${queryWithSkipToken(req.url.searchParams, skip + size)}`;
    }
    return { status: 200, body };
  }

  return (req) => {
    const m = PATH.exec(req.url.pathname);
    if (!m) return undefined;
    let caller: Caller | undefined;
    let out: HttpOut;
    try {
      if (req.method !== 'POST') throw new ExchangeError(405, 'System.NotSupportedException', 'Use POST.');
      caller = authorize(req);
      out = invoke(req, m[1]!, caller);
    } catch (e) {
      if (!(e instanceof ExchangeError)) throw e;
      const retryAfter = (e as ExchangeError & { retryAfter?: number }).retryAfter;
      out = {
        status: e.status,
        body: e.body(),
        headers: retryAfter ? { 'Retry-After': String(retryAfter) } : {},
      };
    }
    out.headers = { ...out.headers, 'request-id': randomUUID() };
    deps.log.record({
      time: new Date(),
      api: 'exchange',
      method: req.method,
      path: req.url.pathname,
      query: req.url.search.slice(1),
      status: out.status,
      appId: caller?.appId,
      inBatch: false,
    });
    return out;
  };
}
