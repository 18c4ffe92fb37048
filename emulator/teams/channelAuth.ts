import type { Emulator } from '../graph/emulatorOptions';
import type { TeamsActivity } from './activities';
import { BotTokenVerifier } from './botTokenVerifier';
import type { ConnectorAuthorizer } from './connector';

/** Auth mode of the channel stand-in: how it signs what it posts and checks what the bot sends back. */
export interface ChannelAuth {
  /** The Authorization header of an activity posted to the bot. */
  sign(activity: TeamsActivity): string;
  /** The connector's check of the bot's bearer token. */
  authorize: ConnectorAuthorizer;
}

/**
 * Real Bot Framework auth against the emulator: activities carry a channel JWT for the bot's app id
 * (serviceurl = the activity's serviceUrl), and the connector accepts only the bot's own app token.
 */
export function botFrameworkChannelAuth(emulator: Emulator, botAppId: string): ChannelAuth {
  const verifier = new BotTokenVerifier(`${emulator.url}/${emulator.tenantId}`, botAppId);
  return {
    sign: (activity) =>
      `Bearer ${emulator.tokens.botFramework.channelToken(botAppId, String(activity.serviceUrl))}`,
    authorize: (authorization) => verifier.refusal(authorization),
  };
}
