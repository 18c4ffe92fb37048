import { COMMANDS } from '../bot/commands';
import template from './manifest.template.json';
import type { ManifestValues } from './settings';

/** The Teams app manifest as JSON. */
export type TeamsManifest = Record<string, unknown> & { bots: Record<string, unknown>[] };

/**
 * Fills the template's ${{NAME}} placeholders and lists the bot's commands from bot/commands.ts, so the
 * command menu in Teams always matches what the bot understands (Teams shows at most 10).
 */
export function renderManifest(values: ManifestValues): TeamsManifest {
  // Imported as JSON so the build carries it into dist/; values are validated ids and names, JSON-safe.
  const filled = JSON.stringify(template).replace(/\$\{\{(\w+)\}\}/g, (_: string, name: string) => {
    const value = values[name as keyof ManifestValues];
    if (value === undefined) throw new Error(`No value for ${name} in the manifest template`);
    return value;
  });
  const manifest = JSON.parse(filled) as TeamsManifest;
  const commands = COMMANDS.slice(0, 10).map((c) => ({ title: c.keyword, description: c.description }));
  manifest.bots[0]!.commandLists = [{ scopes: ['personal'], commands }];
  return manifest;
}
