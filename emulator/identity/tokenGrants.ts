import type { HttpOut } from '../graph/http';
import type { Knobs } from '../graph/knobs';
import { aadError } from './aadErrors';
import type { RegisteredApp } from './apps';
import { EXCHANGE_AUDIENCE, GRAPH_AUDIENCE, type TokenClaims, type TokenIssuer } from './tokenIssuer';

const RESOURCES: Record<string, string> = {
  'https://graph.microsoft.com/.default': GRAPH_AUDIENCE,
  '00000003-0000-0000-c000-000000000000/.default': GRAPH_AUDIENCE,
  'https://outlook.office365.com/.default': EXCHANGE_AUDIENCE,
  // The bot's own outbound token for the Bot Framework channel (ToChannelFromBotOAuthScope).
  'https://api.botframework.com/.default': 'https://api.botframework.com',
};
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

function tokenAnswer(accessToken: string, scope: string): HttpOut {
  return {
    status: 200,
    body: { token_type: 'Bearer', scope, expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
  };
}

/** The one resource a `.default` scope names, or an error answer. */
function resourceOf(
  scope: string | undefined,
  aliases: Record<string, string>,
): { audience: string; scope: string } | HttpOut {
  const scopes = (scope ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
  if (scopes.length !== 1) {
    return aadError(
      400,
      'invalid_scope',
      70011,
      "The provided request must include a 'scope' input parameter with one resource's /.default scope.",
    );
  }
  const audience = RESOURCES[scopes[0]!.toLowerCase()] ?? aliases[scopes[0]!.toLowerCase()];
  if (!audience) {
    return aadError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${scopes[0]} was not found in the tenant.`,
    );
  }
  return { audience, scope: scopes[0]! };
}

/** The authentication contexts a `claims` request asks for (`{"access_token":{"acrs":{...}}}`). */
function requestedAcrs(claims: string | undefined): string[] | HttpOut {
  if (!claims) return [];
  try {
    const acrs = (JSON.parse(claims) as { access_token?: { acrs?: { value?: string; values?: string[] } } })
      .access_token?.acrs;
    return [...(acrs?.values ?? []), ...(acrs?.value ? [acrs.value] : [])];
  } catch {
    return aadError(400, 'invalid_request', 90014, "The 'claims' parameter is not valid JSON.");
  }
}

/** The token endpoint's grants: client credentials (app-only) and on-behalf-of (delegated Graph). */
export class TokenGrants {
  constructor(
    private readonly issuer: TokenIssuer,
    private readonly knobs: Knobs,
    /** Extra `.default` scopes naming a resource, e.g. the emulator's own origin for Exchange. */
    private readonly aliases: Record<string, string> = {},
  ) {}

  /** `grant_type=client_credentials`: an app token with the app's roles for the resource. */
  clientCredentials(app: RegisteredApp, form: URLSearchParams): HttpOut {
    const resource = resourceOf(form.get('scope') ?? undefined, this.aliases);
    if ('status' in resource) return resource;
    return tokenAnswer(this.issuer.appToken(app, resource.audience), resource.scope);
  }

  /** `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`: exchanges a user's token for Graph. */
  onBehalfOf(app: RegisteredApp, form: URLSearchParams): HttpOut {
    const assertion = form.get('assertion');
    if (!assertion)
      return aadError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'assertion'.",
      );
    let user: TokenClaims;
    try {
      user = this.issuer.verify(assertion, [app.clientId, `api://${app.clientId}`]);
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      return expired
        ? aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.')
        : aadError(
            400,
            'invalid_grant',
            50013,
            `Assertion failed signature validation. [Reason - ${e instanceof Error ? e.message : 'invalid'}]`,
          );
    }
    if (!user.oid || user.idtyp === 'app') {
      return aadError(400, 'invalid_grant', 50013, 'Assertion is not a user token.');
    }
    const resource = resourceOf(form.get('scope') ?? undefined, this.aliases);
    if ('status' in resource) return resource;
    if (resource.audience !== GRAPH_AUDIENCE) {
      return aadError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${app.clientId}' for ${resource.scope}.`,
      );
    }
    const wanted = requestedAcrs(form.get('claims') ?? undefined);
    if (!Array.isArray(wanted)) return wanted;
    const mfaDone = (user.amr ?? []).includes('mfa') || this.knobs.hasMfa(user.oid);
    if (wanted.length > 0 && !mfaDone) {
      const claims = JSON.stringify({
        access_token: {
          capolids: { essential: true, values: ['gatekeeper-step-up'] },
          acrs: { essential: true, values: wanted },
        },
      });
      return aadError(
        400,
        'invalid_grant',
        50076,
        `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${GRAPH_AUDIENCE}'.`,
        { suberror: 'basic_action', claims },
      );
    }
    const acrs = [...new Set([...(user.acrs ?? []), ...wanted])];
    const claims =
      mfaDone && !(user.amr ?? []).includes('mfa') ? { ...user, amr: [...(user.amr ?? []), 'mfa'] } : user;
    return tokenAnswer(this.issuer.delegatedToken(app, claims, acrs), resource.scope);
  }
}
