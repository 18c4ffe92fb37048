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
 * Parsed templates by template object: parsing every `${…}` is most of a render (issue 7), and a
 * Template is made to be expanded again and again (expand is synchronous and builds a new card each
 * time). Keyed weakly, so a template read at run time is parsed once and dropped with it. Templates are
 * the imported JSON files and are never changed after import.
 */
const parsed = new WeakMap<object, Template>();

function parsedTemplate(template: object): Template {
  let t = parsed.get(template);
  if (!t) {
    t = new Template(template);
    parsed.set(template, t);
  }
  return t;
}

/**
 * Expands a JSON template with data through adaptivecards-templating. Values in `data` are inserted as
 * text, never evaluated, so user input cannot inject template expressions.
 */
export function renderTemplate(template: object, data: object): AdaptiveCard {
  const card: unknown = parsedTemplate(template).expand({ $root: data });
  if (!card || typeof card !== 'object' || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error('Template did not expand to an AdaptiveCard');
  }
  return card as AdaptiveCard;
}
