import {
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type Attachment,
  type SignInUrlResponse,
  type TokenResponse,
  type TurnContext,
} from 'botbuilder';
import { SignInRequiredError } from '../../services/ports/graphErrors';
import { tokenClientOf as tokenClient, type TokenClient } from './tokenClient';

/** Where a turn keeps the user's token once asked for: the token service is asked once per turn. */
const TURN_TOKEN = Symbol('gatekeeper.userToken');

/**
 * The acting user's SSO token during a turn, through the Bot Framework token service. Teams sends the
 * token itself in `signin/tokenExchange` invokes and, after a loginRequest answer, in the retried
 * Action.Execute's `value.authentication`; both are exchanged at the token service, which keeps it.
 */
export class SsoTokens {
  /** GetToken calls in flight, by user and connection: turns of one user at the same moment share one. */
  private readonly inFlight = new Map<string, Promise<TokenResponse | undefined>>();

  constructor(
    private readonly connectionName: string,
    /** The bot's app id; empty in demo mode, whose anonymous turns cannot build a sign-in link's state. */
    private readonly appId: string,
  ) {}

  /** The user's token for this turn (asked once per turn); throws SignInRequiredError when there is none. */
  async require(context: TurnContext): Promise<string> {
    const known = context.turnState.get<string | undefined>(TURN_TOKEN);
    if (known) return known;
    const token = await this.fetch(context);
    context.turnState.set(TURN_TOKEN, token);
    return token;
  }

  /** The token the turn carries (exchanged), or the one the token service keeps for the user. */
  private async fetch(context: TurnContext): Promise<string> {
    const { activity } = context;
    const client = tokenClient(context);
    const carried = (activity.value as { authentication?: { token?: unknown } } | undefined)?.authentication
      ?.token;
    if (typeof carried === 'string' && carried) {
      const exchanged = await this.exchange(context, carried);
      if (exchanged) return exchanged;
    }
    const result = await this.stored(client, activity.from.id, activity.channelId);
    if (!result?.token) throw new SignInRequiredError('Please sign in so I can act as you.');
    return result.token;
  }

  /**
   * The token the service keeps for the user. A crowd of clicks by one approver asks once, not once per
   * click: the service would answer each the same, and each call is a round trip (100 simultaneous
   * clicks by two approvers made 117 GetToken calls, over 85 new connections). Only calls in flight are
   * shared, so a sign-out is seen by the next turn.
   */
  private stored(client: TokenClient, userId: string, channelId: string) {
    const key = JSON.stringify([userId, channelId, this.connectionName]);
    let call = this.inFlight.get(key);
    if (!call) {
      call = client.getUserToken(userId, this.connectionName, channelId, '');
      this.inFlight.set(key, call);
      const forget = () => this.inFlight.delete(key);
      call.then(forget, forget);
    }
    return call;
  }

  /** Exchanges a token Teams sent for one the token service stores; undefined when it refused. */
  async exchange(context: TurnContext, token: string): Promise<string | undefined> {
    const { activity } = context;
    try {
      const result = await tokenClient(context).exchangeToken(
        activity.from.id,
        this.connectionName,
        activity.channelId,
        {
          token,
        },
      );
      return result?.token || undefined;
    } catch {
      // Consent is missing or the token is not for us: the caller falls back to a sign-in prompt.
      return undefined;
    }
  }

  /**
   * Redeems the magic code a sign-in through the link ends with (Teams sends it in `signin/verifyState`):
   * the token service then keeps the user's token. False when the code is wrong or used.
   */
  async redeem(context: TurnContext, code: string): Promise<boolean> {
    const { activity } = context;
    try {
      const result = await tokenClient(context).getUserToken(
        activity.from.id,
        this.connectionName,
        activity.channelId,
        code,
      );
      return !!result?.token;
    } catch {
      return false;
    }
  }

  /**
   * Where to sign in. botbuilder cannot build the sign-in state without an app id, so with auth off
   * (demo mode) the card goes without a link: the demo channel signs users in by token exchange only.
   */
  private async signInResource(context: TurnContext): Promise<SignInUrlResponse> {
    if (!this.appId) return {};
    return tokenClient(context).getSignInResource(this.connectionName, context.activity, '');
  }

  /** An OAuth card for a message turn: Teams tries silent SSO with its token exchange resource first. */
  async signInCard(context: TurnContext): Promise<Attachment> {
    const resource = await this.signInResource(context);
    return CardFactory.oauthCard(
      this.connectionName,
      'Sign in',
      'Please sign in so I can act as you.',
      resource.signInLink,
      resource.tokenExchangeResource,
    );
  }

  /** The Universal Actions answer that makes Teams sign the user in and retry the Action.Execute. */
  async loginRequest(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const resource = await this.signInResource(context);
    return {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: 'Please sign in so I can act as you.',
        connectionName: this.connectionName,
        tokenExchangeResource: resource.tokenExchangeResource,
        buttons: [{ type: 'signin', title: 'Sign in', value: resource.signInLink }],
      },
    };
  }
}
