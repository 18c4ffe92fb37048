import { COMMANDS, type Intent } from '../bot/commands';

/**
 * The text commands that work today, in the help card's order: the manifest's command menu lists these
 * and no others. Add an intent here (and its line to manifest.template.json) once its handler is wired.
 * test/e2e/manifestCommands.test.ts checks
 * that every listed command answers and every other one still falls back to the help card.
 */
export const MANIFEST_INTENTS: readonly Intent[] = [
  'requestAccess',
  'myRequests',
  'myAccess',
  'activateRole',
  'reviews',
  'approvals',
  'digest',
  'help',
];

/** One entry of the manifest's `commandLists[].commands`. */
export interface ManifestCommand {
  title: string;
  description: string;
}

/** The command menu Teams shows, from the bot's own command table (at most 10, Teams' limit). */
export function manifestCommands(): ManifestCommand[] {
  return COMMANDS.filter((c) => MANIFEST_INTENTS.includes(c.intent))
    .slice(0, 10)
    .map((c) => ({ title: c.keyword, description: c.description }));
}
