import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../services/config';
import type { Logger } from '../services/logger';
import { errorCardFor } from './errorCard';
import { cardResponse } from './invoke/router';
import { turnLog } from './turnLog';

/**
 * Bot Framework authentication built from Config, never from process.env. Without an app id (demo mode)
 * botbuilder disables auth: inbound requests need no JWT and outbound connector calls carry no token.
 */
export function createBotFrameworkAuth(config: Config): ConfigurationBotFrameworkAuthentication {
  const { bot } = config;
  const options: ConfigurationBotFrameworkAuthenticationOptions = bot.appId
    ? {
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.appPassword,
        MicrosoftAppType: bot.appType,
        MicrosoftAppTenantId: bot.tenantId,
        OAuthUrl: bot.oauthUrl,
      }
    : // No credentials: the MultiTenant factory is the one that accepts an empty app id.
      { MicrosoftAppType: 'MultiTenant', OAuthUrl: bot.oauthUrl };
  return new ConfigurationBotFrameworkAuthentication(options);
}

/** The CloudAdapter with the one onTurnError: log it, and show the user a generic error card. */
export function createAdapter(auth: ConfigurationBotFrameworkAuthentication, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const log = turnLog(context, logger);
    log.error({ err: error }, 'turn failed');
    const card = errorCardFor(error, context.activity.id);
    try {
      if (context.activity.type === 'invoke') {
        // An invoke must be answered in the HTTP response, or Teams shows its own failure text.
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 200, body: cardResponse(card) },
        });
      } else {
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      }
    } catch (sendError) {
      // Never throw from here: CloudAdapter would answer the channel with a 500.
      log.error({ err: sendError }, 'could not send the error card');
    }
  };
  return adapter;
}
