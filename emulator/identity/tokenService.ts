import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpIn, HttpOut } from '../graph/http';
import { jsonBody } from '../graph/http';
import type { DirectoryView, EmulatedUser } from '../graph/routing';
import { channelUsers } from '../teams/users';
import { SIGN_IN_PATH, signInPage } from './signInPage';
import type { TokenIssuer } from './tokenIssuer';
import type { StoredToken, UserTokenStore } from './userTokenStore';

/** The audience of the bot's own token (ToChannelFromBotOAuthScope), which every call must carry. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** The Token API's ErrorResponse (botbuilder-js libraries/swagger/TokenAPI.json). */
function error(status: number, code: string, message: string): HttpOut {
  return { status, body: { error: { code, message } } };
}

function tokenResponse(stored: StoredToken, channelId: string): HttpOut {
  return {
    status: 200,
    body: {
      channelId,
      connectionName: stored.connectionName,
      token: stored.token,
      expiration: new Date(stored.expiresAt).toISOString(),
    },
  };
}

/**
 * A stand-in for the Bot Framework token service (OAuthUrl), which botbuilder's UserTokenClient calls.
 * Operations and answers follow the Token API (botbuilder-js libraries/swagger/TokenAPI.json and
 * botframework-connector's tokenApi): GetToken answers 200 with the stored token or 404 when there is
 * none; exchange answers 200, or 400 with an ErrorResponse when the token cannot be exchanged (the
 * "(ServiceError) Consent Required" of botbuilder-dotnet#5140); every call carries the bot's own token
 * (Bearer, audience https://api.botframework.com, issued to the bot's app id) or gets 401. Teams user ids
 * (29:…, or 29:<objectId>) map to directory users; tokens are user assertions for the bot's app.
 */
export function tokenServiceHandler(deps: {
  issuer: TokenIssuer;
  directory: DirectoryView;
  store: UserTokenStore;
  fixture: {
    tenant: { id: string };
    users: { id: string; alias: string; displayName: string; userPrincipalName: string }[];
  };
}): HttpHandler {
  const { issuer, directory, store } = deps;
  const byTeamsId = new Map(channelUsers(deps.fixture).map((u) => [u.id, u.aadObjectId]));

  function userOf(teamsUserId: string | null | undefined): EmulatedUser | undefined {
    if (!teamsUserId) return undefined;
    const objectId = byTeamsId.get(teamsUserId) ?? teamsUserId.replace(/^29:/, '');
    return directory.userById(objectId);
  }
  const signIn = signInPage({ store, userOf });

  /** Why the caller is not the bot, or undefined when its token is the bot's. */
  function refusal(req: HttpIn): string | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return 'No bearer token.';
    try {
      const claims = issuer.verify(token, [BOT_FRAMEWORK_AUDIENCE]);
      const appId = claims.azp ?? claims.appid ?? '';
      return appId.toLowerCase() === issuer.botAppId.toLowerCase() ? undefined : `Token of app '${appId}'.`;
    } catch (e) {
      return e instanceof Error ? e.message : 'Invalid token.';
    }
  }

  function signInResource(req: HttpIn): HttpOut {
    const state = req.url.searchParams.get('state') ?? '';
    return {
      status: 200,
      body: {
        signInLink: `${req.origin}${SIGN_IN_PATH}?state=${encodeURIComponent(state)}`,
        tokenExchangeResource: {
          id: randomUUID(),
          uri: `api://${issuer.botAppId}`,
          providerId: randomUUID(),
        },
      },
    };
  }

  function getToken(user: EmulatedUser | undefined, q: URLSearchParams): HttpOut {
    const connection = q.get('connectionName') ?? '';
    const channelId = q.get('channelId') ?? 'msteams';
    if (!user || !connection) return { status: 404, text: '' };
    const code = q.get('code');
    const stored = code ? store.redeem(user.id, connection, code) : store.current(user.id, connection);
    return stored ? tokenResponse(stored, channelId) : { status: 404, text: '' };
  }

  function exchange(user: EmulatedUser | undefined, q: URLSearchParams, req: HttpIn): HttpOut {
    const connection = q.get('connectionName') ?? '';
    let token: string | undefined;
    try {
      token = (jsonBody(req) as { token?: unknown } | undefined)?.token as string | undefined;
    } catch {
      return error(400, 'BadArgument', 'The body is not valid JSON.');
    }
    if (!user || !connection || typeof token !== 'string' || !token)
      return error(400, 'BadArgument', 'userId, connectionName and a token are required.');
    try {
      const claims = issuer.verify(token, [issuer.botAppId, `api://${issuer.botAppId}`]);
      if (claims.oid !== user.id) throw new Error('The token is not the user’s.');
      const stored = store.signIn(user.id, connection, { amr: claims.amr, acrs: claims.acrs });
      return tokenResponse(stored, q.get('channelId') ?? 'msteams');
    } catch (e) {
      return error(
        400,
        'ServiceError',
        `Token exchange failed: ${e instanceof Error ? e.message : 'invalid'}`,
      );
    }
  }

  function status(user: EmulatedUser | undefined, q: URLSearchParams): HttpOut {
    const include = (q.get('include') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const names = store.connections().filter((c) => !include.length || include.includes(c.toLowerCase()));
    return {
      status: 200,
      body: names.map((connectionName) => ({
        channelId: q.get('channelId') ?? 'msteams',
        connectionName,
        hasToken: !!user && !!store.current(user.id, connectionName),
        serviceProviderDisplayName: 'Azure Active Directory v2',
      })),
    };
  }

  return (req) => {
    const path = req.url.pathname.toLowerCase();
    if (!path.startsWith('/api/usertoken/') && !path.startsWith('/api/botsignin/')) return undefined;
    // The sign-in page is the user's browser, not the bot: it carries no bot token.
    if (path === SIGN_IN_PATH) return signIn(req);
    const why = refusal(req);
    if (why) return error(401, 'Unauthorized', `Authorization has been denied for this request. ${why}`);
    const q = req.url.searchParams;
    const user = userOf(q.get('userId'));
    const op = `${req.method} ${path}`;
    if (op === 'GET /api/botsignin/getsigninresource') return signInResource(req);
    if (op === 'GET /api/usertoken/gettoken') return getToken(user, q);
    if (op === 'POST /api/usertoken/exchange') return exchange(user, q, req);
    if (op === 'GET /api/usertoken/gettokenstatus') return status(user, q);
    if (op === 'DELETE /api/usertoken/signout') {
      if (user) store.signOut(user.id, q.get('connectionName') ?? undefined);
      return { status: 200, body: {} };
    }
    return error(404, 'NotFound', `No such token service operation: ${req.method} ${req.url.pathname}`);
  };
}
