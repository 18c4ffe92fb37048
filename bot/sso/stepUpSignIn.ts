import { CardFactory, type Attachment, type TurnContext } from 'botbuilder';
import { tokenClientOf } from './tokenClient';

/**
 * The second OAuth connection, whose sign-in Conditional Access protects with MFA (or an authentication
 * context): Graph's claims challenge goes on the sign-in link (Entra's authorize endpoint takes
 * `claims`), and Teams hands the bot the magic code in `signin/verifyState`, redeemed here.
 */
export class StepUpSignIn {
  constructor(
    readonly connectionName: string,
    /** The bot's app id, named in the sign-in state (demo mode's anonymous turns carry none). */
    private readonly appId: string,
  ) {}

  /** An OAuth card with no token exchange resource: Teams cannot use silent SSO for it, the user signs in. */
  async card(context: TurnContext, claims: string, text: string): Promise<Attachment> {
    const client = tokenClientOf(context) as ReturnType<typeof tokenClientOf> & { appId?: string };
    // botbuilder builds the sign-in state from the client's app id, which an unauthenticated (demo)
    // turn leaves empty; the bot's own id is the one the state must name.
    if (!client.appId) client.appId = this.appId;
    const resource = await client.getSignInResource(this.connectionName, context.activity, '');
    const link = resource.signInLink ? withClaims(resource.signInLink, claims) : undefined;
    return CardFactory.oauthCard(this.connectionName, 'Sign in with MFA', text, link);
  }

  /** The step-up token the magic code stands for, or undefined when the code is wrong or expired. */
  async redeem(context: TurnContext, code: string): Promise<string | undefined> {
    const { activity } = context;
    try {
      const result = await tokenClientOf(context).getUserToken(
        activity.from.id,
        this.connectionName,
        activity.channelId,
        code,
      );
      return result?.token || undefined;
    } catch {
      return undefined; // the token service refused the code: not ours, or expired
    }
  }
}

function withClaims(link: string, claims: string): string {
  const url = new URL(link);
  url.searchParams.set('claims', claims);
  return url.toString();
}
