import template from './templates/error.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the error card shows: a human message plus a stable code for support. */
export interface ErrorCardData {
  title: string;
  message: string;
  code: string;
  /** Where to look in the logs, e.g. the activity id. */
  reference?: string;
}

/** The card shown when an action fails or input is bad. */
export function renderErrorCard(data: ErrorCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
