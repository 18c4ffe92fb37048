import template from './templates/help.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** One line of the help card: what to type and what it does. */
export interface HelpCommand {
  keyword: string;
  description: string;
}

/** What the help card shows. */
export interface HelpCardData {
  commands: HelpCommand[];
  /** The text the bot did not understand, echoed back; absent when the user asked for help. */
  unknownText?: string;
}

/** The card listing what the bot does. */
export function renderHelpCard(data: HelpCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
