import {
  type Activity,
  CallerIdConstants,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationConstants } from 'botframework-connector';
import type { BotFrameworkEndpoints, Config } from '../services/config';
import { ClientSecretCredentialsFactory } from './channelCredentials';
import type { Logger } from '../services/logger';
import { errorCardFor } from './errorCard';
import { authRefusal, type AuthRefusal } from './inbound/authRefusal';
import { withoutConsole } from './inbound/quietConsole';
import { cardResponse } from './invoke/router';
import { turnLog } from './turnLog';

/**
 * Once any endpoint is set, botbuilder treats every endpoint as given and leaves the others undefined,
 * so the unset ones get the public cloud's values here.
 */
function withPublicDefaults(
  endpoints: BotFrameworkEndpoints,
  oauthUrl?: string,
): Partial<Record<string, string>> {
  const overridden = Object.keys(endpoints).some((k) => k !== 'ValidateAuthority') || oauthUrl;
  if (!overridden) return {};
  const c = AuthenticationConstants;
  return {
    ToBotFromChannelOpenIdMetadataUrl: c.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: c.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: c.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: c.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: c.ToChannelFromBotOAuthScope,
    OAuthUrl: oauthUrl ?? c.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ...Object.fromEntries(Object.entries(endpoints).filter(([k]) => k !== 'ValidateAuthority')),
  };
}

/**
 * Bot Framework authentication built from Config, never from process.env. Without an app id (demo mode)
 * botbuilder disables auth: inbound requests need no JWT and outbound connector calls carry no token.
 * With one, inbound JWTs are checked against the channel's OpenID metadata and the bot signs in at
 * ToChannelFromBotLoginUrl; both default to Microsoft's public cloud and can point at stand-ins.
 */
export function createBotFrameworkAuth(config: Config): ConfigurationBotFrameworkAuthentication {
  const { bot } = config;
  if (!bot.appId) {
    // No credentials: the MultiTenant factory is the one that accepts an empty app id.
    return new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppType: 'MultiTenant',
      OAuthUrl: bot.oauthUrl,
    });
  }
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...withPublicDefaults(bot.endpoints, bot.oauthUrl),
    ...(bot.endpoints.ValidateAuthority === undefined
      ? {}
      : { ValidateAuthority: bot.endpoints.ValidateAuthority }),
  };
  const loginUrl = bot.endpoints.ToChannelFromBotLoginUrl;
  const custom =
    loginUrl &&
    bot.appPassword &&
    !loginUrl.toLowerCase().startsWith(AuthenticationConstants.ToChannelFromBotLoginUrlPrefix)
      ? new ClientSecretCredentialsFactory(bot.appId, bot.appPassword, loginUrl)
      : undefined;
  return new ConfigurationBotFrameworkAuthentication(options, custom);
}

/** What an inbound activity got: the HTTP status and body, and why auth refused it if it did. */
export interface InboundAnswer {
  status: number;
  body?: unknown;
  refused?: AuthRefusal;
}

/**
 * CloudAdapter with authentication taken out of `process`: botbuilder answers a forged or expired token
 * with a 500 (its JWT extractor rethrows what jsonwebtoken throws) and prints the token's error and the
 * channel's keys to the console. Here every authentication failure is a 401 without detail, quietly.
 */
export class GatekeeperAdapter extends CloudAdapter {
  /** Authenticates a well-formed activity with botbuilder's own rules, then runs the turn. */
  async processInbound(
    activity: Activity,
    authHeader: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InboundAnswer> {
    let auth: AuthenticateRequestResult;
    try {
      auth = await withoutConsole(() =>
        this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
      );
    } catch (err) {
      const refused = authRefusal(err);
      return { status: refused.status, refused };
    }
    const invokeResponse = await this.processActivity(auth, activity, logic);
    return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
  }
}

/** The adapter with the one onTurnError: log it, and show the user a generic error card. */
export function createAdapter(
  auth: ConfigurationBotFrameworkAuthentication,
  logger: Logger,
): GatekeeperAdapter {
  const adapter = new GatekeeperAdapter(auth);
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
