import { CallerIdConstants, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { BOT_FRAMEWORK_METADATA_PATH } from '../../emulator/identity/botFrameworkChannel';
import { ClientSecretCredentialsFactory } from '../channelCredentials';

/** The app registration the demo bot signs in as, at the emulator's authority. */
export interface DemoBotIdentity {
  appId: string;
  secret: string;
  /** The emulator's origin: authority, token service and Bot Framework metadata. */
  emulatorUrl: string;
}

/**
 * Inbound: no JWT asked (the Agents Playground and the Bot Framework Emulator send none, so the
 * activity's claims are anonymous). Outbound: whatever botbuilder asks credentials for (the token
 * service, the connector) gets the bot's own token, whatever app id the anonymous claims carry.
 */
class DemoCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly signedIn: ClientSecretCredentialsFactory;

  constructor(
    private readonly appId: string,
    secret: string,
    loginUrl: string,
  ) {
    super();
    this.signedIn = new ClientSecretCredentialsFactory(appId, secret, loginUrl);
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(!appId || appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(true);
  }

  createCredentials(
    _appId: string,
    audience: string | undefined,
    loginEndpoint: string,
  ): Promise<ServiceClientCredentials> {
    return this.signedIn.createCredentials(this.appId, audience, loginEndpoint);
  }
}

/**
 * Demo mode's Bot Framework auth. Like the real token service, the emulated one serves only the bot
 * itself (a token for https://api.botframework.com issued to the bot's app id), so the demo bot signs
 * in as the emulator's app registration for every outbound call, while inbound activities stay
 * anonymous: the Agents Playground "sends requests without a Bot Framework JWT" (its docs).
 */
export function demoBotAuth(bot: DemoBotIdentity): ConfigurationBotFrameworkAuthentication {
  const url = bot.emulatorUrl;
  const loginUrl = `${url}/botframework.com`;
  return new ConfigurationBotFrameworkAuthentication(
    {
      OAuthUrl: url,
      ToChannelFromBotLoginUrl: loginUrl,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      // Set for completeness (botbuilder wants all or none); inbound tokens are not checked in demo mode.
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToBotFromChannelOpenIdMetadataUrl: `${url}${BOT_FRAMEWORK_METADATA_PATH}`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${url}/common/v2.0/.well-known/openid-configuration`,
      CallerId: CallerIdConstants.PublicAzureChannel,
    },
    new DemoCredentialsFactory(bot.appId, bot.secret, loginUrl),
  );
}
