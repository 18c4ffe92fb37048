import type { HttpHandler } from '../graph/http';
import {
  BOT_FRAMEWORK_KEYS_PATH,
  BOT_FRAMEWORK_METADATA_PATH,
  type BotFrameworkChannelIdentity,
} from './botFrameworkChannel';

/** Serves the Bot Framework channel's OpenID metadata and keys, which the bot fetches to check inbound JWTs. */
export function botFrameworkHandler(identity: BotFrameworkChannelIdentity): HttpHandler {
  return (req) => {
    if (req.method !== 'GET') return undefined;
    if (req.url.pathname === BOT_FRAMEWORK_METADATA_PATH) return { status: 200, body: identity.metadata() };
    if (req.url.pathname === BOT_FRAMEWORK_KEYS_PATH) return { status: 200, body: identity.jwks() };
    return undefined;
  };
}
