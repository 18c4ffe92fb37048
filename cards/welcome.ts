import template from './templates/welcome.json';
import { capitalised, type HelpCommand } from './help';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the welcome card shows after install. */
export interface WelcomeCardData {
  /** Teams often leaves the name out of installation events: then the card greets nobody by name. */
  userName?: string;
  tenantName: string;
  /** What works now, one button each (at most four: Teams shows six actions, help is one). */
  commands?: HelpCommand[];
  /** Announced features that do not work yet, named plainly. */
  comingSoon?: string[];
}

/** The card sent when a user installs the app. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  const heading = data.userName ? `Welcome to Gatekeeper, ${data.userName}` : 'Welcome to Gatekeeper';
  const soon = data.comingSoon ?? [];
  return renderTemplate(template, {
    heading,
    tenantName: data.tenantName,
    commands: (data.commands ?? []).slice(0, 4).map((c) => ({ ...c, title: capitalised(c.keyword) })),
    comingSoon: soon.length ? `Coming soon: ${soon.join(', ').toLowerCase()}.` : '',
  });
}
