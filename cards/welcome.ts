import template from './templates/welcome.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the welcome card shows after install. */
export interface WelcomeCardData {
  /** Teams often leaves the name out of installation events: then the card greets nobody by name. */
  userName?: string;
  tenantName: string;
}

/** The card sent when a user installs the app. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  const heading = data.userName ? `Welcome to Gatekeeper, ${data.userName}` : 'Welcome to Gatekeeper';
  return renderTemplate(template, { heading, tenantName: data.tenantName });
}
