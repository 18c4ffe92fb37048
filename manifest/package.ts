import { colorIcon, outlineIcon } from './icons';
import { renderManifest } from './render';
import type { ManifestValues } from './settings';
import { zip } from './zip';

/** The Teams app package: manifest.json and both icons at the root of a zip. */
export function buildAppPackage(values: ManifestValues): Buffer {
  const manifest = renderManifest(values);
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: colorIcon() },
    { name: 'outline.png', data: outlineIcon() },
  ]);
}
