import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { COMMANDS } from '../../../bot/commands';
import { ACCENT, colorIcon, outlineIcon } from '../../../manifest/icons';
import { buildAppPackage } from '../../../manifest/package';
import { pngInfo } from '../../../manifest/png';
import { renderManifest } from '../../../manifest/render';
import { manifestValues, type ManifestValues } from '../../../manifest/settings';

const env = {
  TEAMS_APP_ID: '5b0c6f5e-8a0e-4a5e-9a52-3c1f5d7c9a10',
  MicrosoftAppId: 'c2b5e1a4-7d3f-4e8b-9f61-2a4d8c0e6b35',
  BOT_DOMAIN: 'gatekeeper.contoso.com',
};
const values: ManifestValues = manifestValues(env, { version: '0.1.0', accent: ACCENT });

/** The schema shipped in @microsoft/app-manifest, read from disk: validation never goes online. */
function shippedSchema(version: string): object {
  const root = dirname(require.resolve('@microsoft/app-manifest'));
  return JSON.parse(
    readFileSync(join(root, `json-schemas/teams/${version}/MicrosoftTeams.schema.json`), 'utf8'),
  ) as object;
}

/** Reads a zip's entries back (the test's own reader, independent of manifest/zip.ts). */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const size = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const extra = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    files.set(name, inflateRawSync(archive.subarray(start, start + size)));
    at = start + size;
  }
  return files;
}

/** Alpha and colour of every pixel of an RGBA PNG written without filters (as manifest/png.ts writes). */
function pixels(png: Buffer): { rgb: number[]; alpha: number[] } {
  const { width } = pngInfo(png);
  const idat = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const rgb: number[] = [];
  const alpha: number[] = [];
  for (let row = 0; row * (width * 4 + 1) < raw.length; row++) {
    for (let x = 0; x < width; x++) {
      const at = row * (width * 4 + 1) + 1 + x * 4;
      rgb.push(raw[at]!, raw[at + 1]!, raw[at + 2]!);
      alpha.push(raw[at + 3]!);
    }
  }
  return { rgb, alpha };
}

describe('Teams app manifest', () => {
  it('validates against the v1.17 schema shipped in @microsoft/app-manifest', async () => {
    const manifest = renderManifest(values);
    assert.equal(manifest.manifestVersion, '1.17');
    const errors = await AppManifestUtils.validateAgainstSchema(
      manifest as never,
      shippedSchema('v1.17') as never,
    );
    assert.deepEqual(errors, []);
  });

  it('is caught by the schema when a required field is wrong', async () => {
    const manifest = { ...renderManifest(values), id: 'not-a-guid' };
    const errors = await AppManifestUtils.validateAgainstSchema(
      manifest as never,
      shippedSchema('v1.17') as never,
    );
    assert.ok(
      errors.some((e) => e.startsWith('/id')),
      errors.join('\n'),
    );
  });

  it('fills ids and SSO settings, and lists the bot commands in personal scope', () => {
    const manifest = renderManifest(values) as unknown as {
      id: string;
      bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
      webApplicationInfo: unknown;
      validDomains: string[];
    };
    assert.equal(manifest.id, env.TEAMS_APP_ID);
    assert.equal(manifest.bots[0]!.botId, env.MicrosoftAppId);
    assert.deepEqual(manifest.bots[0]!.scopes, ['personal']);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: env.MicrosoftAppId,
      resource: `api://gatekeeper.contoso.com/botid-${env.MicrosoftAppId}`,
    });
    assert.ok(manifest.validDomains.includes('gatekeeper.contoso.com'));
    const titles = manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title);
    assert.deepEqual(titles, COMMANDS.map((c) => c.keyword).slice(0, 10));
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('names every bad packaging setting at once', () => {
    assert.throws(
      () =>
        manifestValues({ TEAMS_APP_ID: 'x', BOT_DOMAIN: 'https://x/' }, { version: '1.0.0', accent: ACCENT }),
      (err: Error) =>
        /TEAMS_APP_ID/.test(err.message) &&
        /MicrosoftAppId/.test(err.message) &&
        /BOT_DOMAIN/.test(err.message),
    );
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    assert.deepEqual(pngInfo(colorIcon()), { width: 192, height: 192, colourType: 6 });
    assert.deepEqual(pngInfo(outlineIcon()), { width: 32, height: 32, colourType: 6 });
    const outline = pixels(outlineIcon());
    assert.ok(
      outline.rgb.every((c) => c === 255),
      'outline icon has a non-white pixel',
    );
    assert.ok(outline.alpha.includes(0) && outline.alpha.includes(255));
    assert.ok(
      pixels(colorIcon()).alpha.every((a) => a === 255),
      'colour icon must be opaque',
    );
  });

  it('packages manifest.json and both icons at the root of the zip', () => {
    const files = unzip(buildAppPackage(values));
    assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string };
    assert.equal(manifest.id, env.TEAMS_APP_ID);
    assert.deepEqual(files.get('outline.png'), outlineIcon());
  });
});
