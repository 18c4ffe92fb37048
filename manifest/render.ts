import template from './manifest.template.json';
import type { ManifestValues } from './settings';

/** The Teams app manifest as JSON. */
export type TeamsManifest = Record<string, unknown> & { bots: Record<string, unknown>[] };

/**
 * Fills the template's ${{NAME}} placeholders (the Agents Toolkit's syntax, so its zipAppPackage step
 * reads the same file). Values are validated ids, names and URLs; each is JSON-escaped all the same.
 */
export function renderManifest(values: ManifestValues): TeamsManifest {
  // Imported as JSON so the build carries it into dist/.
  const filled = JSON.stringify(template).replace(/\$\{\{(\w+)\}\}/g, (_: string, name: string) => {
    const value = values[name as keyof ManifestValues];
    if (value === undefined) throw new Error(`No value for ${name} in the manifest template`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as TeamsManifest;
}
