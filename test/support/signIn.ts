import type { Emulator } from '../../emulator';
import type { UserAssertionOptions } from '../../emulator/identity/tokenIssuer';
import type { TeamsChannel } from '../../emulator/teams/channel';

/** What signing in through the bot needs: the channel, the emulator and the bot's SSO connection. */
export interface SignInTarget {
  channel: TeamsChannel;
  emulator: Emulator;
  connectionName: string;
}

/**
 * Signs a demo user in as Teams SSO does: Teams hands the bot the user's SSO token (signin/tokenExchange),
 * the bot exchanges it at the token service with its own credentials, and the token service keeps it.
 * Rejects when the bot answers anything but 200 (it answers 412 when the exchange was refused).
 */
export async function signIn(t: SignInTarget, alias: string, opts: UserAssertionOptions = {}): Promise<void> {
  const answer = await t.channel.tokenExchange(
    alias,
    t.connectionName,
    t.emulator.tokens.userAssertion(alias, opts),
  );
  if (answer.status !== 200) throw new Error(`Signing ${alias} in failed: the bot answered ${answer.status}`);
}

/** Signs in every user of the emulated tenant (the e2e helpers do, so that suites need no sign-in step). */
export async function signInEveryone(t: SignInTarget): Promise<void> {
  for (const user of t.emulator.directory.users()) await signIn(t, user.alias);
}

/** What a walk through the emulator's sign-in page ended with. */
export interface SignInPageResult {
  /** The magic code the page shows, which the bot redeems through GetToken. */
  code: string;
  /** Whether the page asked for an MFA approval on the way. */
  mfaAsked: boolean;
}

/** Walks the emulator's sign-in page (the OAuth card's link) as a user would, approving MFA when asked. */
export async function completeSignInPage(link: string): Promise<SignInPageResult> {
  const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const post = async (html: string) => {
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, link);
    const body = new URLSearchParams({ flow: field(html, 'flow') ?? '', step: field(html, 'step') ?? '' });
    const res = await fetch(action, { method: 'POST', body });
    if (res.status !== 200) throw new Error(`The sign-in page answered ${res.status}`);
    return res.text();
  };
  const start = await fetch(link);
  if (start.status !== 200) throw new Error(`The sign-in page answered ${start.status}`);
  let html = await post(await start.text());
  const mfaAsked = field(html, 'step') === 'mfa';
  if (mfaAsked) html = await post(html);
  const code = /<output id="magic-code">(\d{6})<\/output>/.exec(html)?.[1];
  if (!code) throw new Error('The sign-in page showed no code');
  return { code, mfaAsked };
}
