import type { HttpOut } from '../graph/http';
import { aadError } from './aadErrors';
import { EXCHANGE_AUDIENCE, GRAPH_APP_ID, GRAPH_AUDIENCE } from './tokenIssuer';

/** `.default` scopes by resource; the token's `aud` is the resource as the client named it. */
const RESOURCES: Record<string, { resource: string; aud: string }> = {
  'https://graph.microsoft.com/.default': { resource: GRAPH_AUDIENCE, aud: GRAPH_AUDIENCE },
  '00000003-0000-0000-c000-000000000000/.default': { resource: GRAPH_AUDIENCE, aud: GRAPH_APP_ID },
  'https://outlook.office365.com/.default': { resource: EXCHANGE_AUDIENCE, aud: EXCHANGE_AUDIENCE },
  // The bot's own outbound token for the Bot Framework channel (ToChannelFromBotOAuthScope).
  'https://api.botframework.com/.default': {
    resource: 'https://api.botframework.com',
    aud: 'https://api.botframework.com',
  },
};
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** The one resource a `.default` scope names, or an error answer. */
export function resourceOf(
  scope: string | undefined,
  aliases: Record<string, string>,
): { resource: string; aud: string; scope: string } | HttpOut {
  const scopes = (scope ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
  if (scopes.length !== 1) {
    return aadError(
      400,
      'invalid_scope',
      70011,
      "The provided request must include a 'scope' input parameter with one resource's /.default scope.",
    );
  }
  const asked = scopes[0]!;
  const alias = aliases[asked.toLowerCase()];
  const known = RESOURCES[asked.toLowerCase()] ?? (alias ? { resource: alias, aud: alias } : undefined);
  if (!known) {
    return aadError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${asked} was not found in the tenant.`,
    );
  }
  return { ...known, scope: asked };
}
