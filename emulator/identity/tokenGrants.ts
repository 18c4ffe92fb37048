import jwt from 'jsonwebtoken';
import type { HttpOut } from '../graph/http';
import { aadError } from './aadErrors';
import type { RegisteredApp } from './apps';
import { challengeFor, parseClaimsRequest, satisfies } from './claimsChallenge';
import { resourceOf } from './resources';
import { GRAPH_APP_ID, GRAPH_AUDIENCE, type TokenClaims, type TokenIssuer } from './tokenIssuer';

/** A token endpoint answer, with the user it concerned (on-behalf-of) for the request log. */
export interface GrantAnswer {
  out: HttpOut;
  userId?: string;
}

function tokenAnswer(accessToken: string, scope: string): HttpOut {
  return {
    status: 200,
    body: { token_type: 'Bearer', scope, expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
  };
}

/** The token endpoint's grants: client credentials (app-only) and on-behalf-of (delegated Graph). */
export class TokenGrants {
  constructor(
    private readonly issuer: TokenIssuer,
    /** Extra `.default` scopes naming a resource, e.g. the emulator's own origin for Exchange. */
    private readonly aliases: Record<string, string> = {},
  ) {}

  /** `grant_type=client_credentials`: an app token with the app's roles for the resource. */
  clientCredentials(app: RegisteredApp, form: URLSearchParams): GrantAnswer {
    // v2-oauth2-client-creds-grant-flow.md: the scope must be a resource's `/.default` (AADSTS1002012).
    const notDefault = (form.get('scope') ?? '').split(/\s+/).find((s) => s && !s.endsWith('/.default'));
    if (notDefault) {
      return {
        out: aadError(
          400,
          'invalid_scope',
          1002012,
          `The provided value for scope ${notDefault} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        ),
      };
    }
    const resource = resourceOf(form.get('scope') ?? undefined, this.aliases);
    if ('status' in resource) return { out: resource };
    return { out: tokenAnswer(this.issuer.appToken(app, resource.aud), resource.scope) };
  }

  /**
   * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` (Microsoft identity platform, "OAuth 2.0
   * On-Behalf-Of flow"): exchanges the user's token for a delegated Graph token. OBO cannot prompt, so a
   * `claims` request the incoming token's session does not meet is refused with `interaction_required`
   * and the claims to sign in with (that doc's "Error response example"; AADSTS50076 for MFA).
   */
  onBehalfOf(app: RegisteredApp, form: URLSearchParams): GrantAnswer {
    // v2-oauth2-on-behalf-of-flow.md: `requested_token_use=on_behalf_of` is required (u: Entra's code
    // for its absence; 900144 is its "must contain the following parameter" error).
    if (form.get('requested_token_use') !== 'on_behalf_of') {
      return {
        out: aadError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'requested_token_use'.",
        ),
      };
    }
    const assertion = form.get('assertion');
    if (!assertion) {
      return {
        out: aadError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'assertion'.",
        ),
      };
    }
    let user: TokenClaims;
    try {
      user = this.issuer.verify(assertion, [app.clientId, `api://${app.clientId}`]);
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      const reason = e instanceof Error ? e.message : 'invalid';
      const claims = jwt.decode(assertion) as { aud?: string } | null;
      return {
        out: expired
          ? aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.')
          : reason.startsWith('Invalid audience')
            ? // AADSTS50013 names a token for another app this way (Entra's error code reference).
              aadError(
                400,
                'invalid_grant',
                50013,
                `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${claims?.aud ?? ''}' and the expected audience is '${app.clientId}' or one of the Application Id URIs of this application.`,
              )
            : aadError(
                400,
                'invalid_grant',
                50013,
                `Assertion failed signature validation. [Reason - ${reason}]`,
              ),
      };
    }
    if (!user.oid || user.idtyp === 'app') {
      return { out: aadError(400, 'invalid_grant', 50013, 'Assertion is not a user token.') };
    }
    const userId = user.oid;
    const refuse = (out: HttpOut): GrantAnswer => ({ out, userId });
    const resource = resourceOf(form.get('scope') ?? undefined, this.aliases);
    if ('status' in resource) return refuse(resource);
    if (resource.resource !== GRAPH_AUDIENCE) {
      return refuse(
        aadError(
          400,
          'invalid_grant',
          65001,
          `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
          // Entra marks a missing consent so MSAL knows a prompt fixes it (microsoft-graph-docs-contrib#3462).
          { suberror: 'consent_required' },
        ),
      );
    }
    if (!this.isEnabled(userId)) {
      return refuse(aadError(400, 'invalid_grant', 50057, 'The user account is disabled.'));
    }
    const wanted = parseClaimsRequest(form.get('claims') ?? undefined);
    if ('status' in wanted) return refuse(wanted);
    if (!satisfies(user, wanted)) {
      return refuse(
        aadError(
          400,
          'interaction_required',
          50076,
          `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${GRAPH_APP_ID}'.`,
          { claims: challengeFor(wanted) },
        ),
      );
    }
    const acrs = [...new Set([...(user.acrs ?? []), ...wanted.acrs])];
    return {
      out: tokenAnswer(this.issuer.delegatedToken(app, user, resource.aud, acrs), resource.scope),
      userId,
    };
  }

  private isEnabled(userId: string): boolean {
    try {
      return this.issuer.user(userId).accountEnabled !== false;
    } catch {
      return false;
    }
  }
}
