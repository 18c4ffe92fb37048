import { createApp, type App } from '../../../bot/app';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import type { Emulator } from '../../../emulator';
import { BOT_FRAMEWORK_ISSUER } from '../../../emulator/identity/botFrameworkChannel';
import { TeamsChannel } from '../../../emulator/teams/channel';
import { botFrameworkChannelAuth } from '../../../emulator/teams/channelAuth';
import { createMemoryStore } from '../../../services/adapters/memory';
import { loadConfig } from '../../../services/config';
import { createLogger } from '../../../services/logger';

/** A bot with production auth (an app id, channel JWTs checked against the emulator), memory store. */
export interface AuthApp {
  app: App;
  channel: TeamsChannel;
  url: string;
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Starts it; `metadataUrl` replaces where the bot reads the channel's OpenID metadata. The store is the
 * in-memory one: these tests are about the HTTP edge, which production wiring shares unchanged.
 */
export async function startAuthApp(emu: Emulator, metadataUrl?: string): Promise<AuthApp> {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    pretty: false,
    destination: { write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) },
  });
  const config = loadConfig({
    MicrosoftAppId: emu.clientId,
    MicrosoftAppPassword: emu.clientSecret,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: emu.tenantId,
    MONGODB_URI: 'mongodb://127.0.0.1:9/unused',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    OAuthUrl: emu.url,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl ?? emu.tokens.botFramework.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
    ToBotFromEmulatorOpenIdMetadataUrl: `${emu.url}/common/v2.0/.well-known/openid-configuration`,
    ToChannelFromBotLoginUrl: `${emu.url}/${emu.tenantId}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  });
  const app = createApp({
    config: { ...config, port: 0 },
    logger,
    store: createMemoryStore(),
    missingVerbs: unwiredVerb(),
  });
  const { url } = await app.start();
  const channel = await TeamsChannel.start({
    botAppId: emu.clientId,
    auth: botFrameworkChannelAuth(emu, emu.clientId),
  });
  channel.connect(`${url}/api/messages`);
  return {
    app,
    channel,
    url,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: async () => {
      await app.stop();
      await channel.stop();
    },
  };
}
