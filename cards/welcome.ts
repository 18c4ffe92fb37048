import template from './templates/welcome.json';
import { capitalised, type HelpCommand } from './help';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the welcome card shows after install. */
export interface WelcomeCardData {
  /** Teams often leaves the name out of installation events: then the card greets nobody by name. */
  userName?: string;
  tenantName: string;
  /** What works now, one button each (at most five: Teams shows six actions, maxActions, help is one). */
  commands?: HelpCommand[];
  /** Announced features that do not work yet, named plainly. */
  comingSoon?: string[];
}

/** Teams' host config shows six actions (actions.maxActions); "What can you do?" is the sixth. */
const MAX_COMMANDS = 5;

/** The card sent when a user installs the app. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  const heading = data.userName ? `Welcome to Gatekeeper, ${data.userName}` : 'Welcome to Gatekeeper';
  const soon = data.comingSoon ?? [];
  return renderTemplate(template, {
    heading,
    tenantName: data.tenantName,
    commands: (data.commands ?? [])
      .slice(0, MAX_COMMANDS)
      .map((c) => ({ ...c, title: capitalised(c.keyword) })),
    comingSoon: soon.length ? `Coming soon: ${soon.join(', ').toLowerCase()}.` : '',
  });
}
