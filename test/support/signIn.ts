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
  const answer = await t.channel.tokenExchange(alias, t.connectionName, t.emulator.tokens.userAssertion(alias, opts));
  if (answer.status !== 200) throw new Error(`Signing ${alias} in failed: the bot answered ${answer.status}`);
}

/** Signs in every user of the emulated tenant (the e2e helpers do, so that suites need no sign-in step). */
export async function signInEveryone(t: SignInTarget): Promise<void> {
  for (const user of t.emulator.directory.users()) await signIn(t, user.alias);
}
