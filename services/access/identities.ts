import { SignInRequiredError } from '../ports/graphErrors';
import type { DelegatedIdentity, UserTokenSource } from '../ports/userTokens';

/**
 * Whose token a delegated effect runs with: the one the current turn handed over, else a fresh one
 * from the token service (background retry). No token: the effect waits and retries (the user may
 * sign in again meanwhile).
 */
export class DelegatedIdentities {
  constructor(private readonly tokens: UserTokenSource) {}

  async for(userId: string, assertions: ReadonlyMap<string, string>): Promise<DelegatedIdentity> {
    const assertion = assertions.get(userId) ?? (await this.tokens.assertionFor(userId));
    if (!assertion) throw new SignInRequiredError(`No SSO token for user ${userId}; they must sign in again`);
    return { userId, assertion };
  }
}
