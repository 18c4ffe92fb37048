/**
 * Who acts on a user's behalf. User actions (request, approve, activate, review) run as that user:
 * the bot hands over the user's Teams SSO token, which the Graph adapter exchanges on-behalf-of.
 */
export interface DelegatedIdentity {
  /** Entra object id of the acting user (from the authenticated activity, never from card data). */
  userId: string;
  /** The user's SSO token (audience: this app), exchanged on-behalf-of for a Graph token. */
  assertion: string;
  /**
   * A claims challenge the user has just satisfied (MfaRequiredError.claims, after signing in again):
   * sent with the on-behalf-of exchange so the Graph token carries it (e.g. an authentication context).
   */
  claims?: string;
}

/**
 * Fresh SSO tokens for a user, for work done after the turn ended (a retried side effect of a user's
 * action). Implemented in bot/ over the Bot Framework token service.
 */
export interface UserTokenSource {
  /** The user's current SSO token, or undefined when the user must sign in again. */
  assertionFor(userId: string): Promise<string | undefined>;
}
