import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as sent to Teams (schema 1.5). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

/** The MIME type of an Adaptive Card attachment or invoke response. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Expands a JSON template with data through adaptivecards-templating. Values in `data` are inserted as
 * text, never evaluated, so user input cannot inject template expressions.
 */
export function renderTemplate(template: object, data: object): AdaptiveCard {
  const card: unknown = new Template(template).expand({ $root: data });
  if (!card || typeof card !== 'object' || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error('Template did not expand to an AdaptiveCard');
  }
  return card as AdaptiveCard;
}
