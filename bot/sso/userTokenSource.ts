import type { CloudAdapter } from 'botbuilder';
import type { ConversationService } from '../../services/conversations/conversationService';
import type { UserTokenSource } from '../../services/ports/userTokens';
import { runProactive } from '../runProactive';
import { tokenClientOf } from './tokenClient';

/** What the token source needs. */
export interface BotUserTokenSourceDeps {
  adapter: CloudAdapter;
  appId: string;
  /** The OAuth connection configured on the Azure Bot resource for Teams SSO. */
  connectionName: string;
  conversations: ConversationService;
}

/**
 * Users' SSO tokens outside a turn, from the Bot Framework token service at OAuthUrl. The token service
 * keys tokens by the channel's user id (29:…), so the Entra id is mapped through the stored conversation,
 * and a proactive turn gives us CloudAdapter's UserTokenClient, built with the bot's own credentials.
 */
export class BotUserTokenSource implements UserTokenSource {
  constructor(private readonly deps: BotUserTokenSourceDeps) {}

  async assertionFor(userId: string): Promise<string | undefined> {
    const record = await this.deps.conversations.find(userId);
    if (!record) return undefined;
    let token: string | undefined;
    const failure = await runProactive(
      this.deps.adapter,
      this.deps.appId,
      record.reference,
      async (context) => {
        const { from, channelId } = context.activity;
        const result = await tokenClientOf(context).getUserToken(
          from?.id ?? '',
          this.deps.connectionName,
          channelId,
          '',
        );
        token = result?.token || undefined;
      },
    );
    if (failure !== undefined) throw failure;
    return token;
  }
}
