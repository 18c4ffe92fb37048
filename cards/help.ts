import template from './templates/help.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** One line of the help card: what to type and what it does. */
export interface HelpCommand {
  keyword: string;
  description: string;
}

/** What the help card shows. */
export interface HelpCardData {
  /** What works now: each with a button that sends the command, as if typed. */
  commands: HelpCommand[];
  /** Announced, not working yet: listed without a button. */
  comingSoon?: HelpCommand[];
  /** The text the bot did not understand, echoed back; absent when the user asked for help. */
  unknownText?: string;
  /** A plain sentence about what the user asked for (e.g. that it is coming soon). */
  notice?: string;
}

/** The card listing what the bot does. */
export function renderHelpCard(data: HelpCardData): AdaptiveCard {
  return renderTemplate(template, {
    commands: data.commands.map((c) => ({ ...c, title: capitalised(c.keyword) })),
    comingSoon: data.comingSoon ?? [],
    unknownText: data.unknownText ?? '',
    notice: data.notice ?? '',
  });
}

/** "my requests" → "My requests", the button's title. */
export function capitalised(keyword: string): string {
  return keyword.charAt(0).toUpperCase() + keyword.slice(1);
}
