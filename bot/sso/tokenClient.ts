import type { TurnContext } from 'botbuilder';
import type { SignInUrlResponse, TokenExchangeRequest, TokenResponse } from 'botbuilder';

/** The parts of botframework-connector's UserTokenClient the bot uses (botbuilder does not re-export it). */
export interface TokenClient {
  getUserToken(
    userId: string,
    connectionName: string,
    channelId: string,
    magicCode: string,
  ): Promise<TokenResponse | undefined>;
  exchangeToken(
    userId: string,
    connectionName: string,
    channelId: string,
    request: TokenExchangeRequest,
  ): Promise<TokenResponse | undefined>;
  getSignInResource(
    connectionName: string,
    activity: TurnContext['activity'],
    finalRedirect: string,
  ): Promise<SignInUrlResponse>;
}

/** The token service client CloudAdapter put on this turn (inbound and proactive turns alike). */
export function tokenClientOf(context: TurnContext): TokenClient {
  const key = (context.adapter as { UserTokenClientKey?: symbol }).UserTokenClientKey;
  const client = key ? context.turnState.get<TokenClient | undefined>(key) : undefined;
  if (!client) throw new Error('No UserTokenClient on this turn: the adapter must be a CloudAdapter');
  return client;
}
