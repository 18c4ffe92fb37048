import type { HttpIn, HttpOut } from '../graph/http';
import type { EmulatedUser } from '../graph/routing';
import { parseClaimsRequest } from './claimsChallenge';
import type { UserTokenStore } from './userTokenStore';

/** Where the sign-in link of GetSignInResource points. */
export const SIGN_IN_PATH = '/api/botsignin/signin';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(status: number, title: string, body: string): HttpOut {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    text: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
  };
}

function form(flow: string, step: string, button: string): string {
  return `<form method="post" action="${SIGN_IN_PATH}"><input type="hidden" name="flow" value="${escape(flow)}"><input type="hidden" name="step" value="${step}"><button type="submit">${escape(button)}</button></form>`;
}

/** The user the sign-in state names: botbuilder's TokenExchangeState, base64 JSON. */
function stateUser(state: string | null): { teamsUserId?: string; connectionName?: string } {
  try {
    const parsed = JSON.parse(Buffer.from(state ?? '', 'base64').toString()) as {
      connectionName?: string;
      conversation?: { user?: { id?: string } };
    };
    return { teamsUserId: parsed.conversation?.user?.id, connectionName: parsed.connectionName };
  } catch {
    return {};
  }
}

/**
 * The sign-in page the OAuth card links to, standing in for Entra's sign-in and the token service's
 * redirect. Like Entra's authorize endpoint it takes a `claims` challenge: when that asks for MFA (or an
 * authentication context, which this tenant's policy meets with MFA) the page adds an MFA step (an
 * Authenticator approval). It ends with the magic code the bot redeems through GetToken; the token it
 * stores then carries `amr: ["pwd","mfa"]` and the contexts asked for.
 */
export function signInPage(deps: {
  store: UserTokenStore;
  userOf(teamsUserId: string | undefined): EmulatedUser | undefined;
}): (req: HttpIn) => HttpOut {
  const { store } = deps;

  function start(req: HttpIn): HttpOut {
    const { teamsUserId, connectionName } = stateUser(req.url.searchParams.get('state'));
    const user = deps.userOf(teamsUserId);
    if (!user || !connectionName) return page(400, 'Sign-in failed', '<p>Unknown sign-in state.</p>');
    const claims = req.url.searchParams.get('claims') ?? '';
    if ('status' in parseClaimsRequest(claims))
      return page(400, 'Sign-in failed', '<p>The claims parameter is not valid JSON.</p>');
    const flow = store.startFlow(user.id, connectionName, claims);
    return page(
      200,
      'Sign in to your account',
      `<p>${escape(user.displayName)} (${escape(user.userPrincipalName)})</p>${form(flow, 'password', 'Sign in')}`,
    );
  }

  function step(req: HttpIn): HttpOut {
    const fields = new URLSearchParams(req.rawBody);
    const id = fields.get('flow') ?? '';
    const flow = store.flow(id);
    if (!flow)
      return page(400, 'Sign-in failed', '<p>This sign-in has expired. Start again from the chat.</p>');
    const wanted = parseClaimsRequest(flow.claims);
    const needsMfa = !('status' in wanted) && wanted.mfa;
    const at = fields.get('step');
    if (at === 'password' && flow.step === 'password' && needsMfa) {
      flow.step = 'mfa';
      return page(
        200,
        'Approve sign-in request',
        `<p>Open your Authenticator app and approve the request to sign in.</p>${form(id, 'mfa', 'I approved it')}`,
      );
    }
    const done = at === 'mfa' && flow.step === 'mfa';
    if (!(at === 'password' && flow.step === 'password') && !done)
      return page(400, 'Sign-in failed', '<p>Unexpected sign-in step.</p>');
    const acrs = done && !('status' in wanted) ? wanted.acrs : [];
    const code = store.finishFlow(id, { amr: done ? ['pwd', 'mfa'] : ['pwd'], acrs });
    return page(
      200,
      'You are signed in',
      `<p>Enter this code in your chat with the bot to finish signing in: <output id="magic-code">${code}</output></p>`,
    );
  }

  return (req) => (req.method === 'POST' ? step(req) : start(req));
}
