import type { HttpHandler, HttpIn, HttpOut } from '../graph/http';
import type { RequestLog } from '../graph/requestLog';
import { aadError } from './aadErrors';
import { instanceDiscovery, openIdConfiguration } from './discovery';
import type { GrantAnswer, TokenGrants } from './tokenGrants';
import type { TokenIssuer } from './tokenIssuer';

const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * The emulated Entra authority at the emulator's origin: metadata, keys and the token endpoint.
 * Tenant segments may be the tenant id, a verified domain, `organizations` or `common`. Every answer is
 * logged under `identity`, token requests with the client (`appId`) and, on-behalf-of, the user
 * (`userId`): benchmarks count exchanges and metadata fetches there.
 */
export function authorityHandler(deps: {
  issuer: TokenIssuer;
  grants: TokenGrants;
  tenantAliases: string[];
  log: RequestLog;
}): HttpHandler {
  const answer = route(deps);
  return (req) => {
    const result = answer(req);
    if (!result) return undefined;
    const { out, appId, userId } =
      'out' in result ? result : { out: result, appId: undefined, userId: undefined };
    deps.log.record({
      time: new Date(),
      api: 'identity',
      method: req.method,
      path: req.url.pathname,
      query: req.url.search.slice(1),
      status: out.status,
      appId,
      userId,
      inBatch: false,
    });
    return out;
  };
}

type Logged = GrantAnswer & { appId?: string };

function route(deps: { issuer: TokenIssuer; grants: TokenGrants; tenantAliases: string[] }) {
  const { issuer, grants } = deps;
  const tenants = new Set(
    [issuer.tenantId, 'common', 'organizations', 'botframework.com', ...deps.tenantAliases].map((t) =>
      t.toLowerCase(),
    ),
  );
  return (req: HttpIn): HttpOut | Logged | undefined => {
    const m =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/instance|discovery\/v2\.0\/keys|oauth2\/v2\.0\/token)$/i.exec(
        req.url.pathname,
      );
    if (!m) return undefined;
    const [, tenant = '', endpoint = ''] = m;
    if (!tenants.has(tenant.toLowerCase())) {
      return aadError(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    const ep = endpoint.toLowerCase();
    if (ep.startsWith('v2.0/')) return openIdConfiguration(req.origin, issuer.tenantId, issuer);
    if (ep === 'discovery/instance') return instanceDiscovery(req, issuer.tenantId);
    if (ep === 'discovery/v2.0/keys') return { status: 200, body: issuer.key.jwks(issuer.issuer) };
    if (req.method !== 'POST')
      return aadError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
    return token(req);
  };

  function token(req: HttpIn): HttpOut | Logged {
    const form = new URLSearchParams(req.rawBody);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
      : [];
    const clientId = form.get('client_id') ?? basicId;
    const secret = form.get('client_secret') ?? basicSecret;
    if (!clientId)
      return aadError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_id'.",
      );
    const app = issuer.apps.get(clientId);
    if (!app) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${issuer.tenantId}'.`,
      );
    }
    if (!secret) {
      return aadError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (secret !== app.clientSecret) {
      return aadError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    const grant = form.get('grant_type');
    if (grant === 'client_credentials')
      return { ...grants.clientCredentials(app, form), appId: app.clientId };
    if (grant === OBO_GRANT) return { ...grants.onBehalfOf(app, form), appId: app.clientId };
    return aadError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant ?? ''}'.`,
    );
  }
}
