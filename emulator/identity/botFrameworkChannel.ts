import jwt from 'jsonwebtoken';
import { SigningKey } from './signingKey';

/** The issuer of every token the Bot Framework channel service sends to bots. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Where the stand-in serves the channel's OpenID metadata (login.botframework.com/v1/... in Azure). */
export const BOT_FRAMEWORK_METADATA_PATH = '/botframework/v1/.well-known/openidconfiguration';
export const BOT_FRAMEWORK_KEYS_PATH = '/botframework/v1/.well-known/keys';
/** Channels the signing key is endorsed for: botbuilder rejects a key not endorsed for the activity's channel. */
const ENDORSEMENTS = ['msteams'];
const TOKEN_LIFETIME_S = 3600;

/** Overrides for tokens a test wants wrong on purpose. */
export interface ChannelTokenOptions {
  /** Defaults to the bot's app id. */
  aud?: string;
  /** Defaults to the channel's own key; a foreign key makes a token the JWKS cannot verify. */
  key?: SigningKey;
  issuer?: string;
}

/**
 * The Bot Framework channel's identity: the key it signs activities' JWTs with, and its OpenID metadata
 * and JWKS, as botbuilder's ChannelValidation reads them (iss, aud = bot app id, serviceurl, exp).
 */
export class BotFrameworkChannelIdentity {
  readonly key = new SigningKey();
  readonly issuer = BOT_FRAMEWORK_ISSUER;

  constructor(private readonly origin: string) {}

  /** The setting ToBotFromChannelOpenIdMetadataUrl points at. */
  get openIdMetadataUrl(): string {
    return `${this.origin}${BOT_FRAMEWORK_METADATA_PATH}`;
  }

  /** The JWT the channel puts in `Authorization: Bearer …` when it posts an activity to the bot. */
  channelToken(botAppId: string, serviceUrl: string, options: ChannelTokenOptions = {}): string {
    const key = options.key ?? this.key;
    const claims = {
      serviceurl: serviceUrl,
      iss: options.issuer ?? this.issuer,
      aud: options.aud ?? botAppId,
    };
    return jwt.sign(claims, key.privateKeyPem, {
      algorithm: 'RS256',
      keyid: key.kid,
      expiresIn: TOKEN_LIFETIME_S,
      notBefore: -300,
    });
  }

  /** The OpenID metadata document, shaped like login.botframework.com's. */
  metadata(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.origin}/botframework/invalid`,
      jwks_uri: `${this.origin}${BOT_FRAMEWORK_KEYS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  /** The JWKS, each key with the channels it is endorsed for. */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: this.key.jwks(this.issuer).keys.map((k) => ({ ...k, endorsements: ENDORSEMENTS })) };
  }
}
