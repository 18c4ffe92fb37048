import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { colorIcon, outlineIcon, ACCENT } from '../../../manifest/icons';
import { manifestCommands, MANIFEST_INTENTS } from '../../../manifest/commands';
import template from '../../../manifest/manifest.template.json';
import { buildAppPackage, committedIcons } from '../../../manifest/package';
import { renderManifest } from '../../../manifest/render';
import { manifestValues, type ManifestValues } from '../../../manifest/settings';
import { zip } from '../../../manifest/zip';
import { appPackageProblems, unzip } from './appPackageChecks';

const env = {
  TEAMS_APP_ID: '5b0c6f5e-8a0e-4a5e-9a52-3c1f5d7c9a10',
  MicrosoftAppId: 'c2b5e1a4-7d3f-4e8b-9f61-2a4d8c0e6b35',
  BOT_DOMAIN: 'gatekeeper.contoso.com',
};
const values: ManifestValues = manifestValues(env, { version: '0.1.0' });
const VERSION = template.manifestVersion;
const SCHEMA_FILE = join(__dirname, `../../../manifest/schema/MicrosoftTeams.v${VERSION}.schema.json`);

/** The manifest schema kept in the repo: validation never goes online. */
const keptSchema = () => JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
const validate = (manifest: unknown) =>
  AppManifestUtils.validateAgainstSchema(manifest as never, keptSchema() as never);
const packaged = () => unzip(buildAppPackage(values));

describe('Teams app package', () => {
  it(`keeps Microsoft's v${VERSION} schema in the repo, the one the template names`, () => {
    assert.equal(
      template.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${VERSION}/MicrosoftTeams.schema.json`,
    );
    // The Agents Toolkit's manifest library ships the published schemas: ours is one of them, unchanged.
    const shipped = join(
      dirname(require.resolve('@microsoft/app-manifest')),
      `json-schemas/teams/v${VERSION}/MicrosoftTeams.schema.json`,
    );
    assert.deepEqual(keptSchema(), JSON.parse(readFileSync(shipped, 'utf8')));
  });

  it('zips a manifest that the kept schema accepts, and that schema refuses a broken one', async () => {
    const manifest = JSON.parse(packaged().get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    assert.deepEqual(await validate(manifest), []);
    const broken = { ...manifest, id: 'not-a-guid', accentColor: 'blue' };
    const errors = await validate(broken);
    assert.ok(
      errors.some((e) => e.startsWith('/id')) && errors.some((e) => e.startsWith('/accentColor')),
      errors.join('\n'),
    );
  });

  it('passes the app validation checks Teams makes beyond the schema (icons, commands, domains, SSO)', () => {
    assert.deepEqual(appPackageProblems(packaged()), []);
  });

  it('fails those checks for a coloured outline icon, a wrong size, or a missing icon', () => {
    const files = packaged();
    const red = new PNG({ width: 32, height: 32 });
    red.data.fill(0);
    for (let i = 0; i < 40; i += 4) [red.data[i], red.data[i + 3]] = [255, 255];
    const withIcon = (name: string, data: Buffer) => new Map([...files, [name, data]]);
    assert.ok(appPackageProblems(withIcon('outline.png', PNG.sync.write(red))).some((p) => /white/.test(p)));
    assert.ok(appPackageProblems(withIcon('color.png', outlineIcon())).some((p) => /192×192/.test(p)));
    files.delete('outline.png');
    assert.ok(appPackageProblems(files).some((p) => /not in the zip/.test(p)));
  });

  it('fills ids, SSO and domains from settings, with nothing left to fill', () => {
    const m = renderManifest(values) as unknown as {
      id: string;
      bots: { botId: string; scopes: string[] }[];
      webApplicationInfo: unknown;
      validDomains: string[];
      accentColor: string;
    };
    assert.equal(m.id, env.TEAMS_APP_ID);
    assert.equal(m.bots[0]!.botId, env.MicrosoftAppId);
    // Nothing posts to a channel yet: personal scope only.
    assert.deepEqual(m.bots[0]!.scopes, ['personal']);
    assert.deepEqual(m.webApplicationInfo, {
      id: env.MicrosoftAppId,
      resource: `api://botid-${env.MicrosoftAppId}`,
    });
    assert.deepEqual(m.validDomains, ['gatekeeper.contoso.com', 'token.botframework.com']);
    assert.equal(m.accentColor, ACCENT);
    assert.doesNotMatch(JSON.stringify(m), /\$\{\{/);
  });

  it('takes the Agents Toolkit names too, and a separate SSO registration', () => {
    const v = manifestValues(
      {
        TEAMS_APP_ID: env.TEAMS_APP_ID,
        BOT_ID: env.MicrosoftAppId,
        BOT_DOMAIN: 'gk.contoso.com',
        AAD_APP_ID: env.TEAMS_APP_ID,
      },
      { version: '2.0.0' },
    );
    assert.equal(v.BOT_ID, env.MicrosoftAppId);
    assert.equal(v.SSO_APP_ID_URI, `api://botid-${env.TEAMS_APP_ID}`);
    assert.equal(v.APP_VERSION, '2.0.0');
  });

  it('lists exactly the working commands, in the help card order', () => {
    const lists = template.bots[0]!.commandLists;
    assert.deepEqual(lists, [{ scopes: ['personal'], commands: manifestCommands() }]);
    // PIM (test/e2e/pim) and access reviews (test/e2e/reviews) work, so both are in the menu.
    assert.ok(MANIFEST_INTENTS.includes('activateRole') && MANIFEST_INTENTS.includes('reviews'));
  });

  it('names every bad packaging setting at once', () => {
    assert.throws(
      () =>
        manifestValues(
          { TEAMS_APP_ID: 'x', BOT_DOMAIN: 'https://x/', PRIVACY_URL: 'http://x/privacy' },
          { version: '1.0.0' },
        ),
      (err: Error) =>
        ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN', 'PRIVACY_URL'].every((k) => err.message.includes(k)),
    );
  });

  it('ships the committed icons, as manifest/icons.ts draws them', () => {
    const icons = committedIcons();
    assert.deepEqual(icons.color, colorIcon(), 'run `npm run icons`');
    assert.deepEqual(icons.outline, outlineIcon(), 'run `npm run icons`');
    assert.deepEqual(packaged().get('outline.png'), icons.outline);
  });

  it('writes zips whose entries carry a valid date (1980-01-01)', () => {
    const archive = zip([{ name: 'a.txt', data: Buffer.from('a') }]);
    assert.equal(archive.readUInt16LE(12), (1 << 5) | 1);
    assert.deepEqual([...unzip(archive)], [['a.txt', Buffer.from('a')]]);
  });
});
