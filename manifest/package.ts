import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderManifest } from './render';
import type { ManifestValues } from './settings';
import { zip } from './zip';

/** The committed icons (written by `npm run icons` from manifest/icons.ts), as Teams gets them. */
export function committedIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: readFileSync(join(__dirname, 'color.png')),
    outline: readFileSync(join(__dirname, 'outline.png')),
  };
}

/** The Teams app package: manifest.json and both icons at the root of a zip. */
export function buildAppPackage(values: ManifestValues): Buffer {
  const manifest = renderManifest(values);
  const icons = committedIcons();
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: icons.color },
    { name: 'outline.png', data: icons.outline },
  ]);
}
