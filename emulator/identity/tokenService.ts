import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpIn, HttpOut } from '../graph/http';
import { jsonBody } from '../graph/http';
import type { Knobs } from '../graph/knobs';
import type { DirectoryView, EmulatedUser } from '../graph/routing';
import { channelUsers } from '../teams/users';
import type { TokenIssuer } from './tokenIssuer';

const TOKEN_LIFETIME_MS = 3_600_000;

/**
 * A stand-in for the Bot Framework token service (OAuthUrl): botbuilder's UserTokenClient calls it for
 * users' SSO tokens. Teams user ids (29:…) map to directory users; tokens are the authority's user
 * assertions for the bot's app. Users count as signed in until `knobs.signOut` (or SignOut) says otherwise.
 */
export function tokenServiceHandler(deps: {
  issuer: TokenIssuer;
  directory: DirectoryView;
  knobs: Knobs;
  fixture: {
    tenant: { id: string };
    users: { id: string; alias: string; displayName: string; userPrincipalName: string }[];
  };
}): HttpHandler {
  const { issuer, directory, knobs } = deps;
  const byTeamsId = new Map(channelUsers(deps.fixture).map((u) => [u.id, u.aadObjectId]));

  /** Teams' 29:… id (or `29:<objectId>`, or a bare object id) → the directory user. */
  function userOf(teamsUserId: string | null): EmulatedUser | undefined {
    if (!teamsUserId) return undefined;
    const objectId = byTeamsId.get(teamsUserId) ?? teamsUserId.replace(/^29:/, '');
    return directory.userById(objectId);
  }

  function tokenResponse(user: EmulatedUser, q: URLSearchParams): HttpOut {
    return {
      status: 200,
      body: {
        channelId: q.get('channelId') ?? 'msteams',
        connectionName: q.get('connectionName') ?? '',
        token: issuer.userAssertion(user.id, { mfa: knobs.hasMfa(user.id) }),
        expiration: new Date(Date.now() + TOKEN_LIFETIME_MS).toISOString(),
      },
    };
  }

  function signInResource(req: HttpIn): HttpOut {
    const state = req.url.searchParams.get('state') ?? '';
    return {
      status: 200,
      body: {
        signInLink: `${req.origin}/api/botsignin/signin?state=${encodeURIComponent(state)}`,
        tokenExchangeResource: {
          id: randomUUID(),
          uri: `api://${issuer.botAppId}`,
          providerId: randomUUID(),
        },
      },
    };
  }

  /** The sign-in page the card links to: signing in here marks the user as signed in. */
  function signInPage(req: HttpIn): HttpOut {
    let userId: string | undefined;
    try {
      const state = JSON.parse(Buffer.from(req.url.searchParams.get('state') ?? '', 'base64').toString()) as {
        conversation?: { user?: { id?: string } };
      };
      userId = userOf(state.conversation?.user?.id ?? null)?.id;
    } catch {
      userId = undefined;
    }
    if (!userId) return { status: 400, text: 'Unknown sign-in state.' };
    knobs.signIn(userId);
    return {
      status: 200,
      headers: { 'Content-Type': 'text/plain' },
      text: 'Signed in. You can close this window.',
    };
  }

  return (req) => {
    const path = req.url.pathname.toLowerCase();
    const q = req.url.searchParams;
    if (!path.startsWith('/api/usertoken/') && !path.startsWith('/api/botsignin/')) return undefined;
    if (path === '/api/botsignin/getsigninresource' && req.method === 'GET') return signInResource(req);
    if (path === '/api/botsignin/signin' && req.method === 'GET') return signInPage(req);
    const user = userOf(q.get('userId'));
    if (path === '/api/usertoken/gettoken' && req.method === 'GET') {
      if (!user) return { status: 404, text: '' };
      // A magic code means the user just finished the sign-in card's flow.
      if (q.get('code')) knobs.signIn(user.id);
      return knobs.isSignedOut(user.id) ? { status: 404, text: '' } : tokenResponse(user, q);
    }
    if (path === '/api/usertoken/exchange' && req.method === 'POST') {
      const token = (jsonBody(req) as { token?: string } | undefined)?.token;
      try {
        const claims = issuer.verify(token ?? '', [issuer.botAppId, `api://${issuer.botAppId}`]);
        if (!user || claims.oid !== user.id) throw new Error('token user differs');
      } catch {
        return {
          status: 400,
          body: { error: { code: 'TokenExchangeFailed', message: 'The token could not be exchanged.' } },
        };
      }
      knobs.signIn(user.id);
      return tokenResponse(user, q);
    }
    if (path === '/api/usertoken/signout' && req.method === 'DELETE') {
      if (user) knobs.signOut(user.id);
      return { status: 200, body: {} };
    }
    if (path === '/api/usertoken/gettokenstatus' && req.method === 'GET') {
      const has = !!user && !knobs.isSignedOut(user.id);
      return {
        status: 200,
        body: [
          {
            channelId: q.get('channelId') ?? 'msteams',
            connectionName: 'sso',
            hasToken: has,
            serviceProviderDisplayName: 'Azure Active Directory v2',
          },
        ],
      };
    }
    return {
      status: 404,
      body: {
        error: {
          code: 'NotFound',
          message: `No such token service operation: ${req.method} ${req.url.pathname}`,
        },
      },
    };
  };
}
