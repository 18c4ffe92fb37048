import template from './templates/welcome.json';
import { capitalised, type HelpCommand } from './help';
import { renderTemplate, type AdaptiveCard } from './render';

/** What the welcome card shows after install. */
export interface WelcomeCardData {
  /** Teams often leaves the name out of installation events: then the card greets nobody by name. */
  userName?: string;
  tenantName: string;
  /** What works now, one button each, in rows of three (Teams shows at most six actions in a set). */
  commands?: HelpCommand[];
  /** Announced features that do not work yet, named plainly. */
  comingSoon?: string[];
}

/** Buttons per row: short enough to read on a phone, and every working command gets one. */
const PER_ROW = 3;

function rowsOf<T>(items: T[], n: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += n) rows.push(items.slice(i, i + n));
  return rows;
}

/** The card sent when a user installs the app. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  const heading = data.userName ? `Welcome to Gatekeeper, ${data.userName}` : 'Welcome to Gatekeeper';
  const soon = data.comingSoon ?? [];
  return renderTemplate(template, {
    heading,
    tenantName: data.tenantName,
    rows: rowsOf(
      (data.commands ?? []).map((c) => ({ ...c, title: capitalised(c.keyword) })),
      PER_ROW,
    ).map((commands) => ({ commands })),
    comingSoon: soon.length ? `Coming soon: ${soon.join(', ').toLowerCase()}.` : '',
  });
}
