import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './render';

/** Teams rejects a bot message (activity plus attachments) larger than about 28 KB. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/** Size in bytes of the message activity that carries the card, as it travels to Teams. */
export function cardMessageBytes(card: AdaptiveCard): number {
  const activity = {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/** Throws when Teams would refuse the card for its size, naming what it was for. */
export function assertFitsTeams(card: AdaptiveCard, what: string): void {
  const bytes = cardMessageBytes(card);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
    throw new Error(`The ${what} card is ${bytes} bytes; Teams accepts at most ${TEAMS_MESSAGE_LIMIT_BYTES}`);
  }
}
