import template from './templates/welcome.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the welcome card shows after install. */
export interface WelcomeCardData {
  userName: string;
  tenantName: string;
}

/** The card sent when a user installs the app. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
